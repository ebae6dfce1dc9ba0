/**
 * What every entry point of the npm package shares: the lookups, the article text, and the asynchronous API that
 * both the Node.js entries and the browser entry offer with the same types.
 */
import type {
  Article,
  Entity,
  Outlet,
  PublishedArticle,
  PublishedIndex,
  QuoteSeparator,
  Redirect,
  TextQuoteSelector,
} from '../types/index.ts';

/**
 * The asynchronous API every entry point offers: Node.js (`import`, `require`) and browsers and bundlers (`browser`).
 */
export interface AsyncDataset {
  /** The dataset version, the schema version, every article's metadata (no body) and the registries; loaded once. */
  loadIndex(this: void): Promise<PublishedIndex>;
  /** The whole article with this id (body, annotations, inferences), or `undefined` when there is none. */
  loadArticle(this: void, id: string): Promise<PublishedArticle | undefined>;
  /** The entity with this id, or `undefined`. */
  loadEntity(this: void, id: string): Promise<Entity | undefined>;
  /** The outlet with this id, or `undefined`. */
  loadOutlet(this: void, id: string): Promise<Outlet | undefined>;
  /** What became of a renamed or removed id, or `undefined`. */
  loadRedirect(this: void, id: string): Promise<Redirect | undefined>;
}

/** A lookup by id over records, its map built on first use. */
export function lookup<T extends { id: string }>(records: readonly T[]): (id: string) => T | undefined {
  let byId: Map<string, T> | undefined;
  return (id) => (byId ??= new Map(records.map((record) => [record.id, record]))).get(id);
}

/** The article text the selectors and offsets refer to: the body blocks joined with a single line feed. */
export function articleText(article: Pick<Article, 'body'>): string {
  return article.body.map((block) => block.text).join('\n');
}

/** What joins the passages of a quote in its whole text (`QuoteSeparator`): a space, an ellipsis (U+2026), a space. */
export const QUOTE_SEPARATOR: QuoteSeparator = ' … ';

/**
 * A quote's whole text: its first passage (`selector`) and its continuations, in order, joined by
 * `QUOTE_SEPARATOR`. A quote's `selector.exact` alone is only its first passage.
 */
export function quoteText(quote: { selector: TextQuoteSelector; continuations: readonly TextQuoteSelector[] }): string {
  return [quote.selector, ...quote.continuations].map((passage) => passage.exact).join(QUOTE_SEPARATOR);
}

/**
 * Every field of a published article in the schema's order (and `data.json`'s), each `true` when it is kept in the
 * article's own file (`articles/<id>.json`), not in `index.json`. A field left out fails to compile.
 */
export const ARTICLE_FIELDS: Readonly<Record<keyof PublishedArticle, boolean>> = {
  id: false,
  headline: false,
  url: false,
  publisher: false,
  authors: false,
  datePublished: false,
  dateModified: false,
  genre: false,
  language: false,
  body: true,
  keywords: false,
  provenance: false,
  rights: false,
  annotations: true,
  inferences: true,
};
