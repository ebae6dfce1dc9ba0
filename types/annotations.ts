/**
 * Annotations: what a careful reader finds in an article's body. Every annotation is anchored in the body by the
 * text it quotes, following the W3C Web Annotation `TextQuoteSelector`, so edits elsewhere in the body do not break
 * it. `npm run validate` proves every selector is found, unambiguously, in the article's own text.
 */
import type {
  EntityId,
  Id,
  OutletId,
  PartialDate,
  CurrencyCode,
  HttpUrl,
  JsonPointer,
  Text,
  TimePoint,
  TimeValue,
  UnitCode,
} from './common.ts';

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

/**
 * How a mention refers to its entity: `name`, the entity's name or one of its aliases (“Zelensky”, “U.S.”);
 * `nominal`, a common noun phrase that refers to one registered entity in this article (“the conference”, “the
 * country”, “the deal”), determiner included; `demonym`, a word for the entity's people or things (“Ukrainian”),
 * one of the entity's `demonyms`. Pronouns are not mentions (see docs/annotation-guide.md).
 */
export type MentionForm = 'name' | 'nominal' | 'demonym';

/** A mention of a registered entity (person, organisation, place, event, commodity, element, technology…). */
export interface Mention extends AnnotationBase {
  /** The entity mentioned: an id in `data/entities/`. */
  entity: EntityId;
  /** Whether the mention is a name, a nominal or a demonym. */
  form: MentionForm;
  /**
   * When the mention is a metonym (a capital standing for its government, say), the entity it stands for: an id in
   * `data/entities/`. Omitted for a literal mention.
   */
  standsFor?: EntityId;
}

/**
 * What kind of source an attribution names (PARC 3.0 `source`): `entity`, a registered person, organisation or
 * country, named or referred to (“Zelensky”, “he”), including in a subheading over the list of quotes it speaks
 * (“Secretary of the Treasury Scott Bessent on …”); `unnamed`, one person the text does not name (“a senior
 * official”); `group`, several people the text does not name (“U.S. officials”); `outlet`, a news outlet credited as
 * the source (“according to reports from The Economist, The Washington Post, and Reuters”), ids in `data/outlets/`;
 * `implicit`, a source the text implies but does not mention (“which reportedly grants”: the report is someone's,
 * but whose is not said);
 * `article`, the article itself (its reporter or outlet), for claims the article makes in its own voice.
 */
export type SourceKind = 'entity' | 'unnamed' | 'group' | 'outlet' | 'implicit' | 'article';

/**
 * Who says something: the source of a quote or the claimant of a claim (PARC 3.0 attribution source). An unnamed or
 * group source is recorded as such, with what the text says it belongs to, never as an invented person.
 */
export interface Source {
  /** Whether the source is a registered entity, an unnamed person, a group, an outlet, implicit, or the article. */
  kind: SourceKind;
  /**
   * For `entity`: the source, an id in `data/entities/` (a person, organisation or country). Otherwise `null`.
   * @entityKinds ["person", "organization", "country"]
   */
  entity: EntityId | null;
  /**
   * For `unnamed` and `group`: the organisation or country the text says they belong to or speak for (“U.S.
   * officials” → `united-states`), an id in `data/entities/`; `null` when the text does not say, and for `entity`
   * `outlet`, `implicit` and `article`.
   * @entityKinds ["organization", "country", "city", "region"]
   */
  affiliation: EntityId | null;
  /**
   * For `outlet`: the outlets credited, ids in `data/outlets/`, in text order (“reports from The Economist, The
   * Washington Post, and Reuters” names three). Omitted for every other kind (since model 1.1).
   * @minItems 1
   */
  outlets?: OutletId[];
  /**
   * Where the text names or refers to the source (“U.S. President Donald Trump”, “he”, “U.S. officials”, “The
   * Economist”), which may be a subheading that names the speaker of the list items under it; `null` when the text
   * does not (always for `implicit` and `article`).
   */
  selector: TextQuoteSelector | null;
}

/**
 * How closely a quote reproduces the source's words: `direct`, the words in full between quotation marks;
 * `partial`, a fragment in quotation marks inside the reporter's own sentence; `paraphrase`, indirect speech: the
 * source's point in the reporter's words (“he emphasized that Ukraine was not yet ready…”).
 */
export type QuoteKind = 'direct' | 'partial' | 'paraphrase';

/**
 * What an attribution reports (the attribution `type` of the Penn Discourse TreeBank 2.0, which PARC 3.0 builds on):
 * `assertion` (PDTB `Comm`), something the source said or wrote (cues such as “said”, “stated”, “announced”);
 * `belief` (PDTB `PAtt`), something the source thinks, believes or views (cues such as “believe”, “think”, “view …
 * as”), reported without saying that it was said.
 */
export type AttributionType = 'assertion' | 'belief';

/**
 * Reported speech, in the style of PARC 3.0: the content (`selector` and `continuations`), its source and the cue
 * that attributes it (“said”, “view … as”).
 */
export interface Quote extends AnnotationBase {
  /**
   * Further passages of the content, in order, when the reporter's words interrupt it
   * (“…,” she said. “…”). `selector` holds the first passage.
   */
  continuations: TextQuoteSelector[];
  /** Whether the words are direct, partial or paraphrased. */
  kind: QuoteKind;
  /** Who is quoted: a registered entity, an unnamed or group source, an outlet, or implicit (never `article`). */
  source: Source;
  /**
   * Whether the source is reported as saying it (`assertion`) or believing it (`belief`); omitted means `assertion`
   * (since model 1.1).
   */
  attribution?: AttributionType;
  /**
   * The attribution cue, in order: the word or words that attribute the content to the source (“said”, “has
   * openly stated”; “view” and “as” for “view … as”). Empty when the text has none.
   */
  cue: TextQuoteSelector[];
  /** Hedges that qualify the attribution, each found in the text (“reportedly”, “allegedly”). */
  hedges: TextQuoteSelector[];
  /** The outlet the article credits for the quote: an id in `data/outlets/`, or `null` when none is credited. */
  outlet: OutletId | null;
}

/**
 * The unit of a figure, as the text states it: `currency`, money, with `currency` naming the ISO 4217 code the text
 * states; `percent`, a percentage from 0 to 100; `count`, a number of things; `measure`, a quantity in a unit of
 * measure, with `unitCode` naming it (“a 211-mile industrial road”: `SMI`; since model 1.1); `unstated`, the text
 * gives no unit (“300 billion in aid”), and a curator inference may propose one.
 */
export type FigureUnit = 'currency' | 'percent' | 'count' | 'measure' | 'unstated';

/** A number the article states: an amount, a share, a count, a measure. */
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
   * For unit `measure`, and required with it: the unit of measure the text states, as a UN/CEFACT Common Code
   * (schema.org `QuantitativeValue.unitCode`): “a 211-mile industrial road” is 211 `SMI` (statute miles), “40
   * kilometres” 40 `KMT`. Omitted for every other unit (since model 1.1).
   */
  unitCode?: UnitCode;
  /**
   * What the number measures, in the curator's words, saying no more than the text.
   * @minLength 1
   */
  measures: string;
  /**
   * Who asserts the figure, when the text attributes it: an id in `data/entities/` (a person, organisation or
   * country); `null` when the text does not say (the reporter's own figure). An attribution the curator infers
   * belongs in `inferences`.
   * @entityKinds ["person", "organization", "country"]
   */
  assertedBy: EntityId | null;
  /** Hedges that qualify the figure, each found in the text (“reportedly”, “estimated”). */
  hedges: TextQuoteSelector[];
}

/** An outlet the article credits for its reporting (“according to Reuters”). */
export interface CitedSource extends AnnotationBase {
  /** The outlet credited: an id in `data/outlets/`. */
  outlet: OutletId;
}

/**
 * Whether a time expression denotes an instant or an interval: `instant`, a point at the precision the text gives
 * (TIMEX3 `DATE`/`TIME`: “October 2024”, “last week”, “currently”); `interval`, a stretch of time with a
 * `beginPoint` and an `endPoint`, either of which may be open (“since 2022”).
 */
export type TimeType = 'instant' | 'interval';

/**
 * A calendar unit of a relative time expression: a `day`, an ISO `week` (Monday to Sunday), a `weekend` (the
 * Saturday and Sunday of an ISO week), a `month` or a `year`; or a named day or season that recurs: a `weekday`
 * (“on Wednesday”, “next Friday”) or a `season` (“last summer”).
 */
export type CalendarUnit = 'day' | 'week' | 'weekend' | 'month' | 'year' | 'weekday' | 'season';

/**
 * A day of the week, numbered as ISO 8601 and TIMEX3 number them: 1 Monday, 2 Tuesday, 3 Wednesday, 4 Thursday,
 * 5 Friday, 6 Saturday, 7 Sunday.
 * @TJS-type integer
 * @minimum 1
 * @maximum 7
 */
export type Weekday = number;

/**
 * A season, as TIMEX3 writes it: `SP` spring (March to May), `SU` summer (June to August), `FA` autumn (September
 * to November), `WI` winter (December to February; `2024-WI` begins in December 2024). Northern-hemisphere
 * meteorological seasons.
 */
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

/**
 * A part of the day, as TIMEX3 writes it: `MO` morning, `MI` midday, `AF` afternoon, `EV` evening, `NI` night,
 * `DT` daytime.
 */
export type PartOfDay = 'MO' | 'MI' | 'AF' | 'EV' | 'NI' | 'DT';

/**
 * How a relative expression is computed from the article's publication date (TIMEX3 `temporalFunction`, with the
 * document creation time as `anchorTimeID`).
 *
 * For `day`, `week`, `weekend`, `month` and `year`: the unit containing the publication date, moved by `offset`
 * units. “last week” is `{ unit: "week", offset: -1 }`, “last weekend” `{ unit: "weekend", offset: -1 }`,
 * “yesterday” `{ unit: "day", offset: -1 }`, “this year” `{ unit: "year", offset: 0 }`.
 *
 * For `weekday` and `season`, which name a day or a season that recurs: `offset` counts its occurrences from the
 * publication date, in the direction the tense gives. -1 is the nearest one before the publication date (“he
 * signed it on Wednesday”, “last Wednesday”, “last summer”), 1 the nearest one after (“they will meet on
 * Wednesday”, “next Wednesday”, “this summer” said in spring), 0 the one containing the publication date (“this
 * summer” said in July; a weekday that is the publication day). “this Wednesday” is -1 or 1 by the tense.
 */
export interface RelativeTime {
  /** The calendar unit the expression counts in. */
  unit: CalendarUnit;
  /**
   * How many units before (negative) or after (positive) the one that contains the publication date; for
   * `weekday` and `season`, which occurrence (see above).
   * @TJS-type integer
   */
  offset: number;
  /** For unit `weekday` only: the day the text names (“Wednesday” is 3). */
  weekday?: Weekday;
  /** For unit `season` only: the season the text names. */
  season?: Season;
  /** For units `day` and `weekday` only: the part of the day the text names (“Wednesday morning”, “last night”). */
  partOfDay?: PartOfDay;
}

/** A time expression in the text and what it denotes, in the style of TIMEX3. */
export interface TimeExpression {
  /** The time expression as it appears (“October 2024”, “last week”, “since 2022”). */
  selector: TextQuoteSelector;
  /** Whether it denotes an instant or an interval. */
  type: TimeType;
  /**
   * For an `instant`, its value (TIMEX3 `value`) at the precision the text gives: `2024-10`, `2025-W07`,
   * `2025-W07-WE`, `2025-02-12TMO`. For a relative expression, the value its `relative` gives from the publication
   * date; what the text leaves unknown is `X` (“last week” in an article whose publication date is unknown is
   * `XXXX-WXX`, “on Wednesday” `XXXX-WXX-3`), never a guess: a curator inference may propose one. A reference to
   * the publication time is TIMEX3's: `PRESENT_REF` (“currently”, “now”), `PAST_REF` (“formerly”), `FUTURE_REF` (“in
   * the future”). `null` for an interval, and for an absolute instant the text does not fix.
   */
  value: TimeValue | null;
  /** For an `interval`, where it begins (TimeML `beginPoint`); `null` when open or unknown, and for an instant. */
  beginPoint: TimePoint | null;
  /**
   * For an `interval`, where it ends (TimeML `endPoint`): `PRESENT_REF` for the publication date (“since 2022”);
   * `null` when open or unknown, and for an instant.
   */
  endPoint: TimePoint | null;
  /** For a relative expression (“last week”), how it is computed from the publication date; `null` when absolute. */
  relative: RelativeTime | null;
}

/** An event the article refers to: what happened, where and when, as the text says. */
export interface EventReference extends AnnotationBase {
  /** A short description of the event, in the curator's words, saying no more than the text. @minLength 1 */
  description: string;
  /**
   * The event itself, when it has an entry in `data/entities/` (an entity of kind `event`, such as the Munich
   * Security Conference); `null` when it has none (most events: a refusal, a visit, an announcement).
   * @entityKinds ["event"]
   */
  entity: EntityId | null;
  /**
   * The larger registered event during which it happened (an entity of kind `event`: a refusal “during the Munich
   * Security Conference”, negotiations “amid the ongoing conflict with Russia”); `null` when the text names none.
   * @entityKinds ["event"]
   */
  setting: EntityId | null;
  /**
   * Where it happened, when the text says: an entity of kind `country`, `city` or `region`; otherwise `null`.
   * @entityKinds ["country", "city", "region"]
   */
  place: EntityId | null;
  /** The registered entities the text names as taking part in the event or as what it is about, in text order. */
  participants: EntityId[];
  /** When it happened, as the text says; `null` when the text gives no time. */
  time: TimeExpression | null;
}

/**
 * An external fact-check of a claim, recorded only when the article cites one (schema.org `ClaimReview`): where it
 * is, who published it and the rating it gave, as published. The dataset gives no ratings of its own.
 */
export interface ClaimReview {
  /** The fact-check's address (schema.org `url`). */
  url: HttpUrl;
  /** The outlet that published the fact-check (schema.org `author`): an id in `data/outlets/`. */
  outlet: OutletId;
  /** The rating as the fact-checker words it (schema.org `reviewRating.alternateName`: “False”, “Misleading”). */
  reviewRating: Text;
  /** When the fact-check was published, at the precision known; `null` when not known. */
  datePublished: PartialDate | null;
}

/**
 * A proposition the article asserts or attributes (schema.org `Claim`): its span, who makes it, whether it can be
 * checked, and the figures, quotes and cited sources it rests on. There are no truth ratings, except those of an
 * external fact-check the article cites (`reviews`).
 */
export interface Claim extends AnnotationBase {
  /**
   * The claim as one short proposition, in the curator's words, saying no more than the span (schema.org
   * `claimReviewed`). For an attributed claim the claimant holds it, and `claimReviewed` is its content alone: “the
   * U.S. proposal does not protect Ukraine's interests”, never “Zelensky says that …”.
   * @minLength 1
   */
  claimReviewed: string;
  /**
   * Who makes the claim (schema.org `Claim.author`): a registered entity, an unnamed or group source, an outlet, an
   * implicit source (“reportedly”), or the article itself.
   */
  claimant: Source;
  /**
   * Hedges that qualify the claim, each found in the text (“reportedly”, “may”); omitted means none (since model
   * 1.1).
   */
  hedges?: TextQuoteSelector[];
  /**
   * Whether the claim is a statement of fact that evidence could confirm or refute (`true`), rather than an opinion,
   * a stance, a wish or a prediction (`false`).
   */
  checkable: boolean;
  /**
   * The annotations of this article the claim rests on (schema.org `isBasedOn`): ids of figures, quotes and cited
   * sources.
   */
  isBasedOn: Id[];
  /** External fact-checks of the claim that the article cites; usually none. */
  reviews: ClaimReview[];
}

/** Everything annotated in one article, by kind. Each list may be empty. */
export interface Annotations {
  /** Mentions of registered entities. */
  mentions: Mention[];
  /** Reported speech: quoted or paraphrased words, with source and cue. */
  quotes: Quote[];
  /** Numbers the text states. */
  figures: Figure[];
  /** Outlets credited for the reporting. */
  citedSources: CitedSource[];
  /** Events referred to, with their setting, place, participants and time. */
  events: EventReference[];
  /** Propositions the article asserts or attributes. */
  claims: Claim[];
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
   * The field the inference would fill, as a JSON Pointer (RFC 6901) into what `about` names: `/currency` of a
   * figure, `/time/value` of an event, `/datePublished` of the article. It must resolve.
   */
  field: JsonPointer;
  /** The inferred value, as text. @minLength 1 */
  value: string;
  /** Why the curator believes it, and what in the text supports it. @minLength 1 */
  rationale: string;
  /** How sure the curator is. */
  confidence: Confidence;
}
