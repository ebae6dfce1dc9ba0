/**
 * The article record: one file per article in `data/articles/<id>.json`. Field names follow schema.org
 * `NewsArticle` and IPTC ninjs where they have one.
 */
import type { EntityId, Id, OutletId, PartialDate, CalendarDate, HttpUrl, LanguageTag, Text } from './common.ts';
import type { Annotations, CuratorInference } from './annotations.ts';

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
  /**
   * The author's entry in `data/entities/`, or `null` when they have none.
   * @entityKinds ["person", "organization"]
   */
  entity: EntityId | null;
}

/**
 * The kind of a body block: `paragraph`, running text; `subheading`, a heading between paragraphs (in Markdown
 * sources, also a paragraph that is bold and nothing else); `listItem`, one item of a bulleted or numbered list, at
 * the nesting `level` given (HTML `li`). A list item is a block of its own, like a paragraph: selectors and offsets
 * work across list items exactly as across paragraphs. An item that holds a nested list is the item's own text; each
 * nested item is the next block, one level deeper.
 */
export type BlockType = 'paragraph' | 'subheading' | 'listItem';

/** One block of the body, reproduced verbatim. */
export interface Block {
  /** Whether the block is a paragraph, a subheading or a list item. */
  type: BlockType;
  /**
   * For a `listItem`, how deep the list is nested: `1` for an item of a top-level list, `2` for an item of a list
   * inside one, and so on. Present on list items only (since model 1.1).
   * @TJS-type integer
   * @minimum 1
   * @maximum 9
   */
  level?: number;
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

/**
 * The article's genre: its nature as a piece of journalism, not its subject. A qcode of the IPTC NewsCodes genre
 * vocabulary (http://cv.iptc.org/newscodes/genre/; the code after `genre:` is the last segment of the concept's URI):
 * `genre:Current` (Current Events: a news report of events at the time of the report), `genre:Analysis`,
 * `genre:Background`, `genre:Fact_Check`, `genre:Feature`, `genre:Interview`, `genre:ListingOfFacts` (Fact Box),
 * `genre:Opinion`, `genre:Press_Release` (information an organisation provides to the news media, such as a
 * government fact sheet), `genre:Profile`, `genre:Question_and_Answer_Session`, `genre:Quote` (direct quotes from a
 * person), `genre:Summary` (Briefing: a summary of a number of news items, a round-up),
 * `genre:Transcript_and_Verbatim`. Retired IPTC codes (`genre:Wrapup`, `genre:Update`…) are not used.
 */
export type Genre =
  | 'genre:Current'
  | 'genre:Analysis'
  | 'genre:Background'
  | 'genre:Fact_Check'
  | 'genre:Feature'
  | 'genre:Interview'
  | 'genre:ListingOfFacts'
  | 'genre:Opinion'
  | 'genre:Press_Release'
  | 'genre:Profile'
  | 'genre:Question_and_Answer_Session'
  | 'genre:Quote'
  | 'genre:Summary'
  | 'genre:Transcript_and_Verbatim';

/** A news article, reproduced verbatim and annotated (schema.org `NewsArticle`). */
export interface Article {
  /** The article's identifier: a lowercase slug equal to the file name without `.json`. */
  id: Id;
  /** The headline, marked as the outlet's or the curator's. */
  headline: Headline;
  /** The article's canonical address, or `null` when it is not known. Never guessed. */
  url: HttpUrl | null;
  /** The outlet that published the article: an id in `data/outlets/`, or `null` when it is not known. */
  publisher: OutletId | null;
  /** The credited authors, in order; `null` when not known, `[]` when the article is known to be uncredited. */
  authors: Author[] | null;
  /** When the article was first published, at the precision known; `null` when not known. Never guessed. */
  datePublished: PartialDate | null;
  /** When the article was last modified, at the precision known; `null` when not known or never modified. */
  dateModified: PartialDate | null;
  /**
   * The article's genre (IPTC NewsCodes genre, as ninjs `genre`); omitted when the curator has not said (since model
   * 1.1).
   */
  genre?: Genre;
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
