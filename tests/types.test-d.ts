/**
 * Type-level tests: they pin the public types. `tests/typecheck.test.ts` compiles this file with strict TypeScript;
 * each `@ts-expect-error` fails the compile if the line it guards stops being an error.
 */
import type { Article, Entity, Figure, Quote, QuoteKind, FigureUnit, EntityKind, Mention } from '../types/index.ts';

declare const article: Article;

// Unknown metadata is null, not undefined or an empty string.
const url: string | null = article.url;
const published: string | null = article.datePublished;
void url;
void published;

// @ts-expect-error: url may be null, so it is not a plain string.
const notNullable: string = article.url;
void notNullable;

// Enums are literal unions.
const kind: QuoteKind = 'direct';
// @ts-expect-error: 'indirect' is not a quote kind.
const badKind: QuoteKind = 'indirect';
const unit: FigureUnit = 'unstated';
// @ts-expect-error: a currency code is not a unit; the code goes in `currency`.
const badUnit: FigureUnit = 'USD';
const entityKind: EntityKind = 'chemical-element';
void [kind, badKind, unit, badUnit, entityKind];

// A figure's currency is only ever a code or null.
const figure: Figure = {
  id: 'f-1',
  selector: { exact: '300 billion' },
  value: 300e9,
  unit: 'unstated',
  currency: null,
  measures: 'aid',
  assertedBy: null,
  hedges: [],
};
void figure;

// @ts-expect-error: a quote needs its kind, source, cue and the rest.
const incomplete: Quote = { id: 'q-1', selector: { exact: 'x' } };
void incomplete;

// A mention's metonym target is optional.
const mention: Mention = { id: 'm-1', selector: { exact: 'Kyiv' }, entity: 'kyiv', form: 'name' };
void mention;

const badEntity: Entity = {
  id: 'x',
  kind: 'country',
  name: 'X',
  aliases: [],
  demonyms: [],
  roles: [],
  identifiers: {},
  // @ts-expect-error: entities have no `country` field; countries use identifiers.iso3166.
  country: 'X',
};
void badEntity;

// Model 1.1: list items carry a level; genre is an IPTC qcode; a source may be outlets or implicit; a quote's
// attribution is an assertion or a belief; claims have hedges; an entity records its Wikidata look-up.
const item: Article['body'][number] = { type: 'listItem', level: 2, text: 'Both sides agree.' };
const genre: Article['genre'] = 'genre:Press_Release';
// @ts-expect-error: genres are IPTC qcodes, not free text.
const badGenre: Article['genre'] = 'fact sheet';
const outletSource: Quote['source'] = {
  kind: 'outlet',
  entity: null,
  affiliation: null,
  outlets: ['reuters'],
  selector: { exact: 'Reuters' },
};
const belief: Quote['attribution'] = 'belief';
const hedges: Article['annotations']['claims'][number]['hedges'] = [{ exact: 'reportedly' }];
const check: Entity['wikidataCheck'] = { status: 'none', checkedIn: 'a Wikidata search', checkedOn: '2026-12-07' };
void [item, genre, badGenre, outletSource, belief, hedges, check];
