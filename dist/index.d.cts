// Generated file: do not edit. Regenerate with `npm run build`.
// The dataset's types (from types/ in the repository) and the package's API.

// From types/common.ts
/**
 * Shared scalar types. Each carries the pattern or format that the generated JSON Schemas enforce.
 * Doc comments here become `description`s in `schemas/*.schema.json` (`npm run schemas`).
 */

/**
 * A record or annotation identifier: a lowercase ASCII slug (letters, digits, single hyphens between them).
 * @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$
 * @minLength 1
 * @maxLength 120
 */
export type Id = string;

/**
 * An ISO 8601 calendar date with the precision the source supports: a year (`2024`), a month (`2024-10`),
 * a day (`2024-10-16`), or a date-time with a UTC offset (`2024-10-16T09:30:00Z`). Never padded to a precision the
 * source does not give.
 * @pattern ^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?)?)?$
 */
export type PartialDate = string;

/**
 * A full ISO 8601 calendar date (`YYYY-MM-DD`).
 * @pattern ^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$
 * @format date
 */
export type CalendarDate = string;

/**
 * An absolute `http` or `https` URL.
 * @pattern ^https?://[^\s/?#]+[^\s]*$
 * @format uri
 * @maxLength 2048
 */
export type HttpUrl = string;

/**
 * A BCP 47 language tag: a language subtag, optionally a script and a region (`en`, `en-GB`, `uk`, `sr-Latn-RS`).
 * @pattern ^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$
 */
export type LanguageTag = string;

/**
 * An ISO 4217 alphabetic currency code (`USD`, `EUR`, `UAH`).
 * @pattern ^[A-Z]{3}$
 */
export type CurrencyCode = string;

/**
 * An ISO 3166-1 alpha-2 country code (`UA`, `US`).
 * @pattern ^[A-Z]{2}$
 */
export type CountryCode = string;

/**
 * A non-empty single line of text with no leading or trailing white space.
 * @minLength 1
 * @pattern ^\S(?:.*\S)?$
 */
export type Text = string;

// From types/annotations.ts
/**
 * Annotations: what a careful reader finds in an article's body. Every annotation is anchored in the body by the
 * text it quotes, following the W3C Web Annotation `TextQuoteSelector`, so edits elsewhere in the body do not break
 * it. `npm run validate` proves every selector is found, unambiguously, in the article's own text.
 */

/**
 * A passage of the article body, found by its exact text (W3C Web Annotation `TextQuoteSelector`). The selector is
 * matched against the article text: the body blocks joined with a single line feed (`\n`). `exact` lies within one
 * block. When `exact` occurs more than once, `prefix` and/or `suffix` must select exactly one occurrence.
 */
export interface TextQuoteSelector {
  /**
   * The selected text, copied verbatim from the body (typographic quotes and apostrophes included).
   * @minLength 1
   * @pattern ^[^\n]+$
   */
  exact: string;
  /**
   * Text immediately before `exact`, to tell repeated passages apart.
   * @minLength 1
   * @pattern ^[^\n]+$
   */
  prefix?: string;
  /**
   * Text immediately after `exact`, to tell repeated passages apart.
   * @minLength 1
   * @pattern ^[^\n]+$
   */
  suffix?: string;
}

/** Fields every annotation has. */
export interface AnnotationBase {
  /** Identifier of the annotation, unique within its article. */
  id: Id;
  /** Where the annotation is in the body. */
  selector: TextQuoteSelector;
}

/** A mention of a registered entity (person, organisation, place, event, commodity, element, technology…). */
export interface Mention extends AnnotationBase {
  /** The entity mentioned: an id in `data/entities/`. */
  entity: Id;
  /**
   * When the mention is a metonym (a capital standing for its government, say), the entity it stands for: an id in
   * `data/entities/`. Omitted for a literal mention.
   */
  standsFor?: Id;
}

/**
 * How closely a quote reproduces the speaker's words: `direct`, the words in full between quotation marks;
 * `partial`, a fragment in quotation marks inside the reporter's own sentence; `paraphrase`, the speaker's point in
 * the reporter's words, without quotation marks.
 */
export type QuoteKind = 'direct' | 'partial' | 'paraphrase';

/** Words attributed to a speaker. */
export interface Quote extends AnnotationBase {
  /**
   * Further passages of the same quote, in order, when the reporter's words interrupt it
   * (“…,” she said. “…”). `selector` holds the first passage.
   */
  continuations: TextQuoteSelector[];
  /** Who is quoted: an id in `data/entities/`, or `null` when the text does not attribute the words. */
  speaker: Id | null;
  /** Whether the words are direct, partial or paraphrased. */
  kind: QuoteKind;
  /** The attribution clause, when the text has one (“Zelensky reportedly told reporters at the conference”). */
  attribution: TextQuoteSelector | null;
  /** Hedges that qualify the attribution, each found in the text (“reportedly”, “allegedly”). */
  hedges: TextQuoteSelector[];
  /** The outlet the article credits for the quote: an id in `data/outlets/`, or `null` when none is credited. */
  outlet: Id | null;
}

/**
 * The unit of a figure, as the text states it: `currency`, money, with `currency` naming the ISO 4217 code the text
 * states; `percent`, a percentage from 0 to 100; `count`, a number of things; `unstated`, the text gives no unit
 * (“300 billion in aid”), and a curator inference may propose one.
 */
export type FigureUnit = 'currency' | 'percent' | 'count' | 'unstated';

/** A number the article states: an amount, a share, a count. */
export interface Figure extends AnnotationBase {
  /** The number in full, scaled as the surface text says (“300 billion” is 300000000000; “50%” is 50). */
  value: number;
  /** The unit the text states, or `unstated`. */
  unit: FigureUnit;
  /**
   * The ISO 4217 currency, only when the text states one (“$”, “dollars”, “USD”); otherwise `null`. A currency the
   * curator infers belongs in `inferences`, not here.
   */
  currency: CurrencyCode | null;
  /**
   * What the number measures, in the curator's words.
   * @minLength 1
   */
  measures: string;
  /** Who asserts the figure: an id in `data/entities/`, or `null` when the text does not say. */
  assertedBy: Id | null;
  /** Hedges that qualify the figure, each found in the text (“reportedly”, “estimated”). */
  hedges: TextQuoteSelector[];
}

/** An outlet the article credits for its reporting (“according to Reuters”). */
export interface CitedSource extends AnnotationBase {
  /** The outlet credited: an id in `data/outlets/`. */
  outlet: Id;
}

/** A time expression in the text and the date it denotes. */
export interface TimeExpression {
  /** The time expression as it appears (“October 2024”, “last week”, “since 2022”). */
  selector: TextQuoteSelector;
  /**
   * The date the expression denotes, at the precision the text gives. `null` when the text alone does not fix it,
   * as with “last week” in an article whose publication date is unknown; a curator inference may propose one.
   */
  date: PartialDate | null;
  /** Whether the expression is relative to the publication date (“last week”) rather than absolute (“2022”). */
  relative: boolean;
}

/** An event the article refers to, with when it happened. */
export interface EventReference extends AnnotationBase {
  /** A short description of the event, in the curator's words. @minLength 1 */
  description: string;
  /** The event's entry in `data/entities/` (of kind `event`), or `null` when it has none. */
  entity: Id | null;
  /** When the event happened, as the text says; `null` when the text gives no time. */
  time: TimeExpression | null;
}

/** Everything annotated in one article, by kind. Each list may be empty. */
export interface Annotations {
  /** Mentions of registered entities. */
  mentions: Mention[];
  /** Quoted or paraphrased words. */
  quotes: Quote[];
  /** Numbers the text states. */
  figures: Figure[];
  /** Outlets credited for the reporting. */
  citedSources: CitedSource[];
  /** Events referred to, with their dates. */
  events: EventReference[];
}

/** How confident the curator is in an inference: `low`, `medium` or `high`. */
export type Confidence = 'low' | 'medium' | 'high';

/**
 * Something the curator believes that the text does not say, kept apart from what the text says. Example: the text
 * gives “300 billion” with no currency, so the figure's unit is `unstated`, and an inference proposes `USD`.
 */
export interface CuratorInference {
  /** Identifier of the inference, unique within its article. */
  id: Id;
  /** What the inference is about: an annotation id in this article, or `article` for the article's own metadata. */
  about: Id;
  /**
   * The field the inference would fill (`currency`, `date`, `headline`, `publisher`…).
   * @pattern ^[a-zA-Z][a-zA-Z0-9]*$
   */
  field: string;
  /** The inferred value, as text. @minLength 1 */
  value: string;
  /** Why the curator believes it, and what in the text supports it. @minLength 1 */
  rationale: string;
  /** How sure the curator is. */
  confidence: Confidence;
}

// From types/article.ts
/**
 * The article record: one file per article in `data/articles/<id>.json`. Field names follow schema.org
 * `NewsArticle` and IPTC ninjs where they have one.
 */

/**
 * Where a headline comes from: `original`, the headline the outlet published; `curator`, no original headline is
 * known and the curator wrote this one to describe the article.
 */
export type HeadlineOrigin = 'original' | 'curator';

/** The article's headline, and whether it is the outlet's or the curator's. */
export interface Headline {
  /** The headline text. */
  text: Text;
  /** `original` when the outlet published it, `curator` when the curator wrote it. */
  origin: HeadlineOrigin;
}

/** A person credited with writing the article (schema.org `author`, ninjs `by`). */
export interface Author {
  /** The name as credited. */
  name: Text;
  /** The author's entry in `data/entities/`, or `null` when they have none. */
  entity: Id | null;
}

/** The kind of a body block: `paragraph`, running text; `subheading`, a heading between paragraphs. */
export type BlockType = 'paragraph' | 'subheading';

/** One block of the body, reproduced verbatim. */
export interface Block {
  /** Whether the block is a paragraph or a subheading. */
  type: BlockType;
  /**
   * The block's text, verbatim: typographic quotes, apostrophes and dashes as published, in Unicode NFC, on one line.
   * @pattern ^\S(?:.*\S)?$
   */
  text: string;
}

/** Where the article's text came from and when it entered the dataset. */
export interface Provenance {
  /** How the text was obtained, in the curator's words (a file received, a page transcribed…). @minLength 1 */
  source: string;
  /** The address the text was taken from, or `null` when it is not known. */
  sourceUrl: HttpUrl | null;
  /** The day the article was added to the dataset. */
  dateAdded: CalendarDate;
  /** Who added it (a name or a handle). @minLength 1 */
  addedBy: string;
}

/**
 * What is known of the rights in the article's text: `unknown`, the holder and terms are not known (the text is
 * included for research and may be removed on request); `all-rights-reserved`, the holder is known and reserves all
 * rights; `licensed`, the text is published under the licence named in `license`; `public-domain`.
 */
export type RightsStatus = 'unknown' | 'all-rights-reserved' | 'licensed' | 'public-domain';

/** The rights in the article's text (the annotations are the dataset's own; see LICENSE). */
export interface Rights {
  /** What is known of the rights. */
  status: RightsStatus;
  /** Who holds the rights, or `null` when not known. */
  holder: Text | null;
  /** An SPDX licence identifier when `status` is `licensed`, otherwise `null`. */
  license: Text | null;
  /** Anything else a reuser should know, or `null`. */
  note: Text | null;
}

/** A news article, reproduced verbatim and annotated (schema.org `NewsArticle`). */
export interface Article {
  /** The article's identifier: a lowercase slug equal to the file name without `.json`. */
  id: Id;
  /** The headline, marked as the outlet's or the curator's. */
  headline: Headline;
  /** The article's canonical address, or `null` when it is not known. Never guessed. */
  url: HttpUrl | null;
  /** The outlet that published the article: an id in `data/outlets/`, or `null` when it is not known. */
  publisher: Id | null;
  /** The credited authors, in order; `null` when not known, `[]` when the article is known to be uncredited. */
  authors: Author[] | null;
  /** When the article was first published, at the precision known; `null` when not known. Never guessed. */
  datePublished: PartialDate | null;
  /** When the article was last modified, at the precision known; `null` when not known or never modified. */
  dateModified: PartialDate | null;
  /** The language of the body, as a BCP 47 tag. */
  language: LanguageTag;
  /**
   * The body as ordered blocks. Joined with single line feeds, the blocks give the article text that annotations
   * are matched against.
   * @minItems 1
   */
  body: Block[];
  /** Subject keywords chosen by the curator (IPTC ninjs `keywords`). */
  keywords: Text[];
  /** Where the text came from and when it was added. */
  provenance: Provenance;
  /** What is known of the rights in the text. */
  rights: Rights;
  /** What the text says, annotated and anchored in the body. */
  annotations: Annotations;
  /** What the curator believes but the text does not say, kept apart and flagged. */
  inferences: CuratorInference[];
}

// From types/registries.ts
/**
 * Registries: the entities and outlets that articles reference, one file per record in `data/entities/<id>.json`
 * and `data/outlets/<id>.json`. Registry records are curator reference data, not article text.
 */

/**
 * The kind of an entity. Beside people, organisations, countries, cities, regions and events: `commodity`, a traded
 * good or resource (rare earth elements, oil); `chemical-element`, with its symbol in `identifiers`; `technology`, a
 * technology or field of technology (batteries, nuclear power); `document`, a named plan, agreement or law.
 */
export type EntityKind =
  | 'person'
  | 'organization'
  | 'country'
  | 'city'
  | 'region'
  | 'event'
  | 'commodity'
  | 'chemical-element'
  | 'technology'
  | 'document';

/** A role an entity held, such as an office. */
export interface Role {
  /** The role's title (“President of Ukraine”). */
  title: Text;
  /** The organisation or country the role belongs to: an id in `data/entities/`, or `null`. */
  of: Id | null;
  /** When the role began, at the precision known; `null` when not recorded. */
  start: PartialDate | null;
  /** When the role ended; `null` when ongoing or not recorded. */
  end: PartialDate | null;
}

/** Identifiers of an entity in standard code lists. */
export interface EntityIdentifiers {
  /** ISO 3166-1 alpha-2 code, for countries. */
  iso3166?: CountryCode;
  /**
   * Chemical element symbol, for chemical elements.
   * @pattern ^[A-Z][a-z]?$
   */
  elementSymbol?: string;
  /**
   * Atomic number, for chemical elements.
   * @TJS-type integer
   * @minimum 1
   * @maximum 118
   */
  atomicNumber?: number;
}

/** A person, organisation, place, event or thing that articles mention. */
export interface Entity {
  /** The entity's identifier: a lowercase slug equal to the file name without `.json`. */
  id: Id;
  /** What kind of entity this is. */
  kind: EntityKind;
  /** The canonical name, in English. */
  name: Text;
  /** Other names and short forms found in articles (“Zelensky”, “U.S.”). */
  aliases: Text[];
  /** Roles the entity held, in order. */
  roles: Role[];
  /** Identifiers in standard code lists. */
  identifiers: EntityIdentifiers;
}

/** A news outlet that publishes articles or is credited in them. */
export interface Outlet {
  /** The outlet's identifier: a lowercase slug equal to the file name without `.json`. */
  id: Id;
  /** The outlet's name as it styles itself. */
  name: Text;
  /** The outlet's home page, or `null` when not recorded. */
  url: HttpUrl | null;
  /** The country where the outlet is based (ISO 3166-1 alpha-2), or `null` when not recorded. */
  country: CountryCode | null;
}

/**
 * What became of a removed or renamed record: `moved`, it now lives under one new id; `split`, it was split into
 * several records; `removed`, it was removed with no replacement.
 */
export type RedirectKind = 'moved' | 'split' | 'removed';

/** The collections that hold records. */
export type CollectionName = 'articles' | 'entities' | 'outlets';

/**
 * A record left behind when a published id is renamed or removed, so consumers can follow it:
 * `data/redirects/<id>.json`, where the id is the old one.
 */
export interface Redirect {
  /** The old id that no longer names a record. */
  id: Id;
  /** The collection the old record belonged to. */
  collection: CollectionName;
  /** Whether the record moved, was split, or was removed. */
  kind: RedirectKind;
  /** The ids that replace it: one for `moved`, two or more for `split`, none for `removed`. */
  to: Id[];
  /** Why, in a sentence. @minLength 1 */
  reason: string;
  /**
   * The dataset version in which the old id stopped being published.
   * @pattern ^\d+\.\d+\.\d+$
   */
  since: string;
}

// From types/published.ts
/**
 * The shapes `npm run build` publishes in `dist/`: the records of `data/` as they are, except that every
 * `TextQuoteSelector` in an article also carries its derived position, and every file says which dataset and schema
 * version it belongs to.
 */

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

/** One line of `dist/ndjson/<collection>.ndjson`. */
export interface NdjsonLine<R> {
  /** The dataset version (semantic versioning), as in `package.json`. */
  version: string;
  /** The major version of the JSON Schemas the record follows. */
  schemaVersion: number;
  /** The record, as in `data.json`. */
  record: R;
}

// The API --------------------------------------------------------------------------------------------------------

/** The dataset version (semantic versioning). */
export declare const version: "0.1.0";
/** The major version of the JSON Schemas the records follow (`urn:annotated-news:schema:v0:article`). */
export declare const schemaVersion: 0;
/**
 * Every article, sorted by id. Metadata is loaded on import; each article's `body`, `annotations` and
 * `inferences` are read from its own file (`annotated-news/articles/<id>.json`) the first time one is accessed.
 */
export declare const articles: readonly PublishedArticle[];
/** The entity registry, sorted by id. */
export declare const entities: readonly Entity[];
/** The outlet registry, sorted by id. */
export declare const outlets: readonly Outlet[];
/** Ids that were renamed or removed, sorted by id. */
export declare const redirects: readonly Redirect[];
/** The article with this id, or `undefined` (see `getRedirect` for an id that was renamed or removed). */
export declare function getArticle(id: string): PublishedArticle | undefined;
/** The entity with this id, or `undefined`. */
export declare function getEntity(id: string): Entity | undefined;
/** The outlet with this id, or `undefined`. */
export declare function getOutlet(id: string): Outlet | undefined;
/** What became of a renamed or removed id, or `undefined`. */
export declare function getRedirect(id: string): Redirect | undefined;
/** The article text the selectors and offsets refer to: the body blocks joined with a single line feed. */
export declare function articleText(article: Pick<Article, 'body'>): string;
