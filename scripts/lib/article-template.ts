/**
 * The record `npm run new` scaffolds: every field, and one example of each annotation kind pointing into an example
 * paragraph, so a contributor sees every shape filled in. Everything the contributor must replace starts with
 * `TODO` (the `placeholders` rule rejects it until it is replaced or removed), including the example annotations'
 * ids and the ids they reference. Pure: no I/O.
 */
import type { Annotations, Article, CuratorInference } from '../../types/index.ts';

/** The example paragraph the example annotations point into. It is a placeholder too (it starts with TODO). */
export const EXAMPLE_PARAGRAPH =
  'TODO: replace this example paragraph with the article text, verbatim, one block per paragraph; then replace or delete each example annotation below. “We will rebuild the grid,” Jane Example told Example Wire on Monday, adding that 40% of the lines were reportedly damaged.';

/** A placeholder id for a record the contributor picks (or adds) in `data/entities/` or `data/outlets/`. */
export const ENTITY_PLACEHOLDER = 'TODO-entity-id';
export const OUTLET_PLACEHOLDER = 'TODO-outlet-id';

/**
 * One example per annotation kind. The mapped type makes this fail to compile when a kind is added to
 * `Annotations` without an example here.
 */
export const EXAMPLE_ANNOTATIONS: { [K in keyof Annotations]: Annotations[K] } = {
  mentions: [
    { id: 'TODO-example-mention', selector: { exact: 'Jane Example' }, entity: ENTITY_PLACEHOLDER, form: 'name' },
  ],
  quotes: [
    {
      id: 'TODO-example-quote',
      selector: { exact: 'We will rebuild the grid' },
      continuations: [],
      kind: 'direct',
      source: { kind: 'entity', entity: ENTITY_PLACEHOLDER, affiliation: null, selector: { exact: 'Jane Example' } },
      cue: [{ exact: 'told' }],
      hedges: [],
      outlet: null,
    },
  ],
  figures: [
    {
      id: 'TODO-example-figure',
      selector: { exact: '40%' },
      value: 40,
      unit: 'percent',
      currency: null,
      measures: 'TODO: what the number measures, in your words',
      assertedBy: ENTITY_PLACEHOLDER,
      hedges: [{ exact: 'reportedly' }],
    },
  ],
  citedSources: [{ id: 'TODO-example-cited-source', selector: { exact: 'Example Wire' }, outlet: OUTLET_PLACEHOLDER }],
  events: [
    {
      id: 'TODO-example-event',
      selector: { exact: 'told Example Wire on Monday' },
      description: 'TODO: the event, in your words',
      entity: null,
      setting: null,
      place: null,
      participants: [],
      // “told … on Monday”: the Monday before the publication date (past tense), which is unknown here, so the value
      // is what TIMEX3 writes for an unknown Monday. The preposition is not part of the time expression.
      time: {
        selector: { exact: 'Monday' },
        type: 'instant',
        value: 'XXXX-WXX-1',
        beginPoint: null,
        endPoint: null,
        relative: { unit: 'weekday', offset: -1, weekday: 1 },
      },
    },
  ],
  claims: [
    {
      id: 'TODO-example-claim',
      selector: { exact: '40% of the lines were reportedly damaged' },
      claimReviewed: 'TODO: the claim, in your words',
      claimant: { kind: 'entity', entity: ENTITY_PLACEHOLDER, affiliation: null, selector: null },
      checkable: true,
      isBasedOn: ['TODO-example-figure'],
      reviews: [],
    },
  ],
};

export const EXAMPLE_INFERENCE: CuratorInference = {
  id: 'TODO-example-inference',
  about: 'TODO-example-event',
  field: '/time/value',
  value: 'TODO: the date you infer, such as 2025-02',
  rationale: 'TODO: what supports it; the text says only “on Monday”, before the publication date',
  confidence: 'low',
};

/** The scaffolded article: every field present, unknowns as null, and the examples above. */
export function articleTemplate(id: string, today: string, addedBy: string): Article {
  return {
    id,
    headline: { text: 'TODO: the headline as published', origin: 'original' },
    url: null,
    publisher: null,
    authors: null,
    datePublished: null,
    dateModified: null,
    language: 'en',
    body: [{ type: 'paragraph', text: EXAMPLE_PARAGRAPH }],
    keywords: [],
    provenance: { source: 'TODO: how the text was obtained', sourceUrl: null, dateAdded: today, addedBy },
    rights: { status: 'unknown', holder: null, license: null, note: null },
    annotations: structuredClone(EXAMPLE_ANNOTATIONS),
    inferences: [structuredClone(EXAMPLE_INFERENCE)],
  };
}
