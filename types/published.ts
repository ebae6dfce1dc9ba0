/**
 * The shapes `npm run build` publishes in `dist/`: the records of `data/` as they are, except that every
 * `TextQuoteSelector` in an article also carries its derived position, and every file says which dataset and schema
 * version it belongs to.
 */
import type { TextQuoteSelector } from './annotations.ts';
import type { Article } from './article.ts';
import type { Entity, Outlet, Redirect } from './registries.ts';

/**
 * A `TextQuoteSelector` with its derived position in the article text (W3C Web Annotation `TextPositionSelector`):
 * `start` and `end` count Unicode code points (not UTF-16 units, not bytes) from the start of the article text, the
 * body blocks joined with a single line feed. `start` is inclusive, `end` exclusive. Derived by the build; the
 * selector is the source of truth.
 */
export interface PositionedSelector extends TextQuoteSelector {
  /** Offset of the first selected character, in Unicode code points. @TJS-type integer @minimum 0 */
  start: number;
  /** Offset just after the last selected character, in Unicode code points. @TJS-type integer @minimum 0 */
  end: number;
}

/** `T` with every `TextQuoteSelector` inside it replaced by a `PositionedSelector`. */
export type Positioned<T> = T extends TextQuoteSelector
  ? PositionedSelector
  : T extends readonly (infer Item)[]
    ? Positioned<Item>[]
    : T extends object
      ? { [K in keyof T]: Positioned<T[K]> }
      : T;

/**
 * What joins the passages of a quote into its whole text: a space, a horizontal ellipsis (U+2026), a space. A quote
 * interrupted by the reporter's words (“…,” she said. “…”) has its first passage in `selector` and the others in
 * `continuations`; its whole text is the passages' `exact`, in order, joined by this separator (the package's
 * `quoteText`, the `full_text` column of the quotes table).
 */
export type QuoteSeparator = ' … ';

/** An article as published: the record of `data/articles/`, its annotations' selectors positioned. */
export type PublishedArticle = Omit<Article, 'annotations'> & { annotations: Positioned<Article['annotations']> };

/** The fields of an article that are cheap to load: everything but the body, annotations and inferences. */
export type ArticleSummary = Omit<PublishedArticle, 'body' | 'annotations' | 'inferences'>;

/** What every published JSON file says about itself. */
export interface PublicationInfo {
  /** Says the file is generated and names the command that regenerates it. */
  $comment: string;
  /** The dataset version (semantic versioning), as in `package.json`. */
  version: string;
  /** The major version of the JSON Schemas the records follow (the `v0` in `urn:annotated-news:schema:v0:article`). */
  schemaVersion: number;
}

/** The unit and origin of every `start`/`end` offset, stated in each file that carries offsets. */
export type OffsetUnit =
  // eslint-disable-next-line max-len -- a string literal type cannot be split, and the schemas publish it verbatim
  'Unicode code points into the article text (the body blocks joined with a single line feed); start inclusive, end exclusive (W3C Web Annotation TextPositionSelector)';

/** `dist/data.json`: the whole dataset in one file. */
export interface PublishedDataset extends PublicationInfo {
  offsets: OffsetUnit;
  articles: PublishedArticle[];
  entities: Entity[];
  outlets: Outlet[];
  redirects: Redirect[];
}

/** `dist/articles/<id>.json`: one article. */
export interface PublishedArticleFile extends PublicationInfo {
  offsets: OffsetUnit;
  article: PublishedArticle;
}

/** `dist/index.json`: what the npm package loads on import (article bodies stay in their own files). */
export interface PublishedIndex extends PublicationInfo {
  articles: ArticleSummary[];
  entities: Entity[];
  outlets: Outlet[];
  redirects: Redirect[];
}
