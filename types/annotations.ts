/**
 * Annotations: what a careful reader finds in an article's body. Every annotation is anchored in the body by the
 * text it quotes, following the W3C Web Annotation `TextQuoteSelector`, so edits elsewhere in the body do not break
 * it. `npm run validate` proves every selector is found, unambiguously, in the article's own text.
 */
import type { Id, PartialDate, CurrencyCode } from './common.ts';

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
