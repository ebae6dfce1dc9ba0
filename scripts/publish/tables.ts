/**
 * The CSV tables: one normalised table per kind of record or list, each with a primary key and foreign keys.
 * A column either comes from a field of the JSON Schemas (`from`: its description, type and constraints follow the
 * types' doc comments) or states its own. Lists become child tables with a 1-based `position`.
 */
import type { Entity, Outlet, Positioned, PositionedSelector, PublishedArticle, Redirect, Source } from '../../types/index.ts';
import type { FieldFacts } from './schema-fields.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface ColumnSpec {
  name: string;
  /** The JSON Schema field the column holds, as `schema:path` (see SchemaFields.facts). */
  from?: string;
  /** Facts stated here; they override those taken from the schema. */
  facts?: Partial<FieldFacts>;
}

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

interface TableBase {
  name: string;
  description: string;
  columns: ColumnSpec[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

export type TableSpec =
  | (TableBase & { collection: 'articles'; rows(record: PublishedArticle): Row[] })
  | (TableBase & { collection: 'entities'; rows(record: Entity): Row[] })
  | (TableBase & { collection: 'outlets'; rows(record: Outlet): Row[] })
  | (TableBase & { collection: 'redirects'; rows(record: Redirect): Row[] });

// Column helpers ------------------------------------------------------------------------------------------------

const key = (name: string, description: string): ColumnSpec => ({
  name,
  facts: { type: 'string', required: true, minLength: 1, description },
});
const position = (what: string): ColumnSpec => ({
  name: 'position',
  facts: { type: 'integer', required: true, minimum: 1, description: `The ${what}'s place in its list, from 1.` },
});
const articleKey = key('article', 'The article: an `id` in the articles table.');

const OFFSET_NOTE = 'in Unicode code points into the article text (the body blocks joined with a line feed)';

/** The five columns of a selector: `exact`, `prefix`, `suffix` and the derived `start` and `end`. */
function selectorColumns(path: string, prefix = ''): ColumnSpec[] {
  const optional = (name: string) => ({ name: `${prefix}${name}`, from: `${path}.${name}` });
  const offset = (name: string, what: string): ColumnSpec => ({
    name: `${prefix}${name}`,
    from: `${path}.exact`,
    facts: { type: 'integer', minimum: 0, description: `${what}, ${OFFSET_NOTE}. Derived from the selector.` },
  });
  return [
    optional('exact'),
    optional('prefix'),
    optional('suffix'),
    offset('start', 'Where `exact` starts (inclusive)'),
    offset('end', 'Where `exact` ends (exclusive)'),
  ];
}

/** The cells of a selector under the column prefix (`attribution_`, `time_` or none). */
function selectorCells(selector: PositionedSelector | null, prefix = ''): Row {
  const [exact, before, after, start, end] = selectorKeys(prefix);
  return {
    [exact]: selector?.exact ?? null,
    [before]: selector?.prefix ?? null,
    [after]: selector?.suffix ?? null,
    [start]: selector?.start ?? null,
    [end]: selector?.end ?? null,
  };
}

const keysByPrefix = new Map<string, readonly [string, string, string, string, string]>();
/** The five column names of a selector, made once per prefix (the build formats millions of selectors). */
function selectorKeys(prefix: string): readonly [string, string, string, string, string] {
  let keys = keysByPrefix.get(prefix);
  if (!keys) keysByPrefix.set(prefix, (keys = [`${prefix}exact`, `${prefix}prefix`, `${prefix}suffix`, `${prefix}start`, `${prefix}end`]));
  return keys;
}

const references = (fields: string[], resource: string, referenced = ['id']): ForeignKey => ({
  fields,
  reference: { resource, fields: referenced },
});
const toArticle = references(['article'], 'articles');

/** The columns of a `Source` (a quote's source, a claim's claimant) under a column prefix. */
function sourceColumns(path: string, prefix: string): ColumnSpec[] {
  return [
    { name: `${prefix}kind`, from: `${path}.kind` },
    { name: `${prefix}entity`, from: `${path}.entity` },
    { name: `${prefix}affiliation`, from: `${path}.affiliation` },
    ...selectorColumns(`${path}.selector`, prefix),
  ];
}

function sourceCells(source: Positioned<Source>, prefix: string): Row {
  return {
    [`${prefix}kind`]: source.kind,
    [`${prefix}entity`]: source.entity,
    [`${prefix}affiliation`]: source.affiliation,
    ...selectorCells(source.selector, prefix),
  };
}

const sourceKeys = (prefix: string): ForeignKey[] => [references([`${prefix}entity`], 'entities'), references([`${prefix}affiliation`], 'entities')];

/** A child table of ids under an annotation (event participants, claim bases). */
function idList(
  name: string,
  description: string,
  parent: { column: string; table: string },
  item: { column: string; from: string; references?: ForeignKey },
  pick: (article: PublishedArticle) => Array<{ id: string; ids: string[] }>,
): TableSpec {
  return {
    name,
    description,
    collection: 'articles',
    columns: [articleKey, key(parent.column, `The annotation: an \`id\` in the ${parent.table} table.`), position(item.column), { name: item.column, from: item.from }],
    primaryKey: ['article', parent.column, 'position'],
    foreignKeys: [references(['article', parent.column], parent.table, ['article', 'id']), ...(item.references ? [item.references] : [])],
    rows: (a) => pick(a).flatMap(({ id, ids }) => ids.map((value, i) => ({ article: a.id, [parent.column]: id, position: i + 1, [item.column]: value }))),
  };
}

/** A child table of selectors under an annotation (quote continuations, hedges). */
function selectorList(
  name: string,
  description: string,
  parent: { column: string; table: string },
  path: string,
  pick: (article: PublishedArticle) => Array<{ id: string; selectors: PositionedSelector[] }>,
): TableSpec {
  return {
    name,
    description,
    collection: 'articles',
    columns: [articleKey, key(parent.column, `The annotation: an \`id\` in the ${parent.table} table.`), position('passage'), ...selectorColumns(path)],
    primaryKey: ['article', parent.column, 'position'],
    foreignKeys: [references(['article', parent.column], parent.table, ['article', 'id'])],
    rows: (a) =>
      pick(a).flatMap(({ id, selectors }) =>
        selectors.map((s, i) => ({ article: a.id, [parent.column]: id, position: i + 1, ...selectorCells(s) })),
      ),
  };
}

// The tables ----------------------------------------------------------------------------------------------------

export const TABLES: readonly TableSpec[] = [
  {
    name: 'articles',
    description: 'One row per article: its metadata and full text. Lists are in the child tables.',
    collection: 'articles',
    columns: [
      { name: 'id', from: 'article:id', facts: { description: 'The article\'s identifier (primary key).' } },
      { name: 'headline', from: 'article:headline.text' },
      { name: 'headline_origin', from: 'article:headline.origin' },
      { name: 'url', from: 'article:url' },
      { name: 'publisher', from: 'article:publisher' },
      {
        name: 'authors_known',
        facts: {
          type: 'boolean',
          required: true,
          description:
            '`false` when the authors are not known (JSON `authors: null`); `true` when the authors table lists them, or lists none because the article is known to be uncredited.',
        },
      },
      { name: 'date_published', from: 'article:datePublished' },
      { name: 'date_modified', from: 'article:dateModified' },
      { name: 'language', from: 'article:language' },
      {
        name: 'text',
        facts: {
          type: 'string',
          required: true,
          minLength: 1,
          description:
            'The article text: the body blocks joined with a single line feed. Every `start`/`end` offset counts Unicode code points into it.',
        },
      },
      { name: 'provenance_source', from: 'article:provenance.source' },
      { name: 'provenance_source_url', from: 'article:provenance.sourceUrl' },
      { name: 'provenance_date_added', from: 'article:provenance.dateAdded' },
      { name: 'provenance_added_by', from: 'article:provenance.addedBy' },
      { name: 'rights_status', from: 'article:rights.status' },
      { name: 'rights_holder', from: 'article:rights.holder' },
      { name: 'rights_license', from: 'article:rights.license' },
      { name: 'rights_note', from: 'article:rights.note' },
    ],
    primaryKey: ['id'],
    foreignKeys: [references(['publisher'], 'outlets')],
    rows: (a) => [
      {
        id: a.id,
        headline: a.headline.text,
        headline_origin: a.headline.origin,
        url: a.url,
        publisher: a.publisher,
        authors_known: a.authors !== null,
        date_published: a.datePublished,
        date_modified: a.dateModified,
        language: a.language,
        text: a.body.map((b) => b.text).join('\n'),
        provenance_source: a.provenance.source,
        provenance_source_url: a.provenance.sourceUrl,
        provenance_date_added: a.provenance.dateAdded,
        provenance_added_by: a.provenance.addedBy,
        rights_status: a.rights.status,
        rights_holder: a.rights.holder,
        rights_license: a.rights.license,
        rights_note: a.rights.note,
      },
    ],
  },
  {
    name: 'body_blocks',
    description: 'The body of each article, block by block, verbatim.',
    collection: 'articles',
    columns: [
      articleKey,
      position('block'),
      { name: 'type', from: 'article:body[].type' },
      { name: 'text', from: 'article:body[].text' },
      { name: 'start', facts: { type: 'integer', required: true, minimum: 0, description: `Where the block starts, ${OFFSET_NOTE}.` } },
      { name: 'end', facts: { type: 'integer', required: true, minimum: 0, description: `Where the block ends (exclusive), ${OFFSET_NOTE}.` } },
    ],
    primaryKey: ['article', 'position'],
    foreignKeys: [toArticle],
    rows: (a) => {
      let start = 0;
      return a.body.map((block, i) => {
        const length = [...block.text].length;
        const row = { article: a.id, position: i + 1, type: block.type, text: block.text, start, end: start + length };
        start += length + 1; // the line feed between blocks
        return row;
      });
    },
  },
  {
    name: 'keywords',
    description: 'Subject keywords of each article, in order.',
    collection: 'articles',
    columns: [articleKey, position('keyword'), { name: 'keyword', from: 'article:keywords[]' }],
    primaryKey: ['article', 'position'],
    foreignKeys: [toArticle],
    rows: (a) => a.keywords.map((keyword, i) => ({ article: a.id, position: i + 1, keyword })),
  },
  {
    name: 'authors',
    description: 'The credited authors of each article, in order (none for an article whose authors are unknown or uncredited; see `articles.authors_known`).',
    collection: 'articles',
    columns: [articleKey, position('author'), { name: 'name', from: 'article:authors[].name' }, { name: 'entity', from: 'article:authors[].entity' }],
    primaryKey: ['article', 'position'],
    foreignKeys: [toArticle, references(['entity'], 'entities')],
    rows: (a) => (a.authors ?? []).map((author, i) => ({ article: a.id, position: i + 1, name: author.name, entity: author.entity })),
  },
  {
    name: 'mentions',
    description: 'Mentions of registered entities in each article.',
    collection: 'articles',
    columns: [
      articleKey,
      { name: 'id', from: 'article:annotations.mentions[].id' },
      { name: 'entity', from: 'article:annotations.mentions[].entity' },
      { name: 'form', from: 'article:annotations.mentions[].form' },
      { name: 'stands_for', from: 'article:annotations.mentions[].standsFor' },
      ...selectorColumns('article:annotations.mentions[].selector'),
    ],
    primaryKey: ['article', 'id'],
    foreignKeys: [toArticle, references(['entity'], 'entities'), references(['stands_for'], 'entities')],
    rows: (a) =>
      a.annotations.mentions.map((m) => ({
        article: a.id,
        id: m.id,
        entity: m.entity,
        form: m.form,
        stands_for: m.standsFor ?? null,
        ...selectorCells(m.selector),
      })),
  },
  {
    name: 'quotes',
    description: 'Reported speech (PARC 3.0 style): the content, its source and kind. Further passages of the content are in quote_continuations, the cue in quote_cues, hedges in quote_hedges.',
    collection: 'articles',
    columns: [
      articleKey,
      { name: 'id', from: 'article:annotations.quotes[].id' },
      { name: 'kind', from: 'article:annotations.quotes[].kind' },
      { name: 'outlet', from: 'article:annotations.quotes[].outlet' },
      ...selectorColumns('article:annotations.quotes[].selector'),
      ...sourceColumns('article:annotations.quotes[].source', 'source_'),
    ],
    primaryKey: ['article', 'id'],
    foreignKeys: [toArticle, ...sourceKeys('source_'), references(['outlet'], 'outlets')],
    rows: (a) =>
      a.annotations.quotes.map((q) => ({
        article: a.id,
        id: q.id,
        kind: q.kind,
        outlet: q.outlet,
        ...selectorCells(q.selector),
        ...sourceCells(q.source, 'source_'),
      })),
  },
  selectorList(
    'quote_continuations',
    'Further passages of a quote, in order, when the reporter\'s words interrupt it.',
    { column: 'quote', table: 'quotes' },
    'article:annotations.quotes[].continuations[]',
    (a) => a.annotations.quotes.map((q) => ({ id: q.id, selectors: q.continuations })),
  ),
  selectorList(
    'quote_cues',
    'The attribution cue of a quote, passage by passage (“said”; “view” and “as” for “view … as”).',
    { column: 'quote', table: 'quotes' },
    'article:annotations.quotes[].cue[]',
    (a) => a.annotations.quotes.map((q) => ({ id: q.id, selectors: q.cue })),
  ),
  selectorList(
    'quote_hedges',
    'Hedges that qualify a quote\'s attribution (“reportedly”).',
    { column: 'quote', table: 'quotes' },
    'article:annotations.quotes[].hedges[]',
    (a) => a.annotations.quotes.map((q) => ({ id: q.id, selectors: q.hedges })),
  ),
  {
    name: 'figures',
    description: 'Numbers each article states, with their unit as stated. Hedges are in figure_hedges.',
    collection: 'articles',
    columns: [
      articleKey,
      { name: 'id', from: 'article:annotations.figures[].id' },
      { name: 'value', from: 'article:annotations.figures[].value' },
      { name: 'unit', from: 'article:annotations.figures[].unit' },
      { name: 'currency', from: 'article:annotations.figures[].currency' },
      { name: 'measures', from: 'article:annotations.figures[].measures' },
      { name: 'asserted_by', from: 'article:annotations.figures[].assertedBy' },
      ...selectorColumns('article:annotations.figures[].selector'),
    ],
    primaryKey: ['article', 'id'],
    foreignKeys: [toArticle, references(['asserted_by'], 'entities')],
    rows: (a) =>
      a.annotations.figures.map((f) => ({
        article: a.id,
        id: f.id,
        value: f.value,
        unit: f.unit,
        currency: f.currency,
        measures: f.measures,
        asserted_by: f.assertedBy,
        ...selectorCells(f.selector),
      })),
  },
  selectorList(
    'figure_hedges',
    'Hedges that qualify a figure (“estimated”, “reportedly”).',
    { column: 'figure', table: 'figures' },
    'article:annotations.figures[].hedges[]',
    (a) => a.annotations.figures.map((f) => ({ id: f.id, selectors: f.hedges })),
  ),
  {
    name: 'cited_sources',
    description: 'Outlets each article credits for its reporting.',
    collection: 'articles',
    columns: [
      articleKey,
      { name: 'id', from: 'article:annotations.citedSources[].id' },
      { name: 'outlet', from: 'article:annotations.citedSources[].outlet' },
      ...selectorColumns('article:annotations.citedSources[].selector'),
    ],
    primaryKey: ['article', 'id'],
    foreignKeys: [toArticle, references(['outlet'], 'outlets')],
    rows: (a) =>
      a.annotations.citedSources.map((c) => ({ article: a.id, id: c.id, outlet: c.outlet, ...selectorCells(c.selector) })),
  },
  {
    name: 'events',
    description: 'Events each article refers to, with their setting and place and the time expression that dates them (all `time_` columns are empty when the text gives no time). Participants are in event_participants.',
    collection: 'articles',
    columns: [
      articleKey,
      { name: 'id', from: 'article:annotations.events[].id' },
      { name: 'description', from: 'article:annotations.events[].description' },
      { name: 'entity', from: 'article:annotations.events[].entity' },
      { name: 'setting', from: 'article:annotations.events[].setting' },
      { name: 'place', from: 'article:annotations.events[].place' },
      ...selectorColumns('article:annotations.events[].selector'),
      ...selectorColumns('article:annotations.events[].time.selector', 'time_'),
      { name: 'time_type', from: 'article:annotations.events[].time.type' },
      { name: 'time_value', from: 'article:annotations.events[].time.value' },
      { name: 'time_interval_begin', from: 'article:annotations.events[].time.begin' },
      { name: 'time_interval_end', from: 'article:annotations.events[].time.end' },
      { name: 'time_relative_unit', from: 'article:annotations.events[].time.relative.unit' },
      { name: 'time_relative_offset', from: 'article:annotations.events[].time.relative.offset' },
    ],
    primaryKey: ['article', 'id'],
    foreignKeys: [toArticle, references(['entity'], 'entities'), references(['setting'], 'entities'), references(['place'], 'entities')],
    rows: (a) =>
      a.annotations.events.map((e) => ({
        article: a.id,
        id: e.id,
        description: e.description,
        entity: e.entity,
        setting: e.setting,
        place: e.place,
        ...selectorCells(e.selector),
        ...selectorCells(e.time?.selector ?? null, 'time_'),
        time_type: e.time?.type ?? null,
        time_value: e.time?.value ?? null,
        time_interval_begin: e.time?.begin ?? null,
        time_interval_end: e.time?.end ?? null,
        time_relative_unit: e.time?.relative?.unit ?? null,
        time_relative_offset: e.time?.relative?.offset ?? null,
      })),
  },
  idList(
    'event_participants',
    'The registered entities the text names as taking part in an event or as what it is about, in text order.',
    { column: 'event', table: 'events' },
    { column: 'participant', from: 'article:annotations.events[].participants[]', references: references(['participant'], 'entities') },
    (a) => a.annotations.events.map((e) => ({ id: e.id, ids: e.participants })),
  ),
  {
    name: 'claims',
    description: 'Propositions each article asserts or attributes (schema.org Claim), with the claimant and whether they can be checked. No truth ratings: external fact-checks the article cites are in claim_reviews; what a claim rests on is in claim_bases.',
    collection: 'articles',
    columns: [
      articleKey,
      { name: 'id', from: 'article:annotations.claims[].id' },
      { name: 'claim_reviewed', from: 'article:annotations.claims[].claimReviewed' },
      { name: 'checkable', from: 'article:annotations.claims[].checkable' },
      ...selectorColumns('article:annotations.claims[].selector'),
      ...sourceColumns('article:annotations.claims[].claimant', 'claimant_'),
    ],
    primaryKey: ['article', 'id'],
    foreignKeys: [toArticle, ...sourceKeys('claimant_')],
    rows: (a) =>
      a.annotations.claims.map((c) => ({
        article: a.id,
        id: c.id,
        claim_reviewed: c.claimReviewed,
        checkable: c.checkable,
        ...selectorCells(c.selector),
        ...sourceCells(c.claimant, 'claimant_'),
      })),
  },
  idList(
    'claim_bases',
    'The figures, quotes and cited sources of its article that a claim rests on (schema.org isBasedOn), in order.',
    { column: 'claim', table: 'claims' },
    { column: 'annotation', from: 'article:annotations.claims[].isBasedOn[]' },
    (a) => a.annotations.claims.map((c) => ({ id: c.id, ids: c.isBasedOn })),
  ),
  {
    name: 'claim_reviews',
    description: 'External fact-checks of a claim that its article cites (schema.org ClaimReview), with the rating as the fact-checker worded it.',
    collection: 'articles',
    columns: [
      articleKey,
      key('claim', 'The claim: an `id` in the claims table.'),
      position('review'),
      { name: 'url', from: 'article:annotations.claims[].reviews[].url' },
      { name: 'outlet', from: 'article:annotations.claims[].reviews[].outlet' },
      { name: 'review_rating', from: 'article:annotations.claims[].reviews[].reviewRating' },
      { name: 'date_published', from: 'article:annotations.claims[].reviews[].datePublished' },
    ],
    primaryKey: ['article', 'claim', 'position'],
    foreignKeys: [references(['article', 'claim'], 'claims', ['article', 'id']), references(['outlet'], 'outlets')],
    rows: (a) =>
      a.annotations.claims.flatMap((c) =>
        c.reviews.map((r, i) => ({ article: a.id, claim: c.id, position: i + 1, url: r.url, outlet: r.outlet, review_rating: r.reviewRating, date_published: r.datePublished })),
      ),
  },
  {
    name: 'inferences',
    description: 'What the curator believes but the text does not say, kept apart and flagged. Ignore this table to keep only what the text says.',
    collection: 'articles',
    columns: [
      articleKey,
      { name: 'id', from: 'article:inferences[].id' },
      { name: 'about', from: 'article:inferences[].about' },
      { name: 'field', from: 'article:inferences[].field' },
      { name: 'value', from: 'article:inferences[].value' },
      { name: 'rationale', from: 'article:inferences[].rationale' },
      { name: 'confidence', from: 'article:inferences[].confidence' },
    ],
    primaryKey: ['article', 'id'],
    foreignKeys: [toArticle],
    rows: (a) =>
      a.inferences.map((i) => ({
        article: a.id,
        id: i.id,
        about: i.about,
        field: i.field,
        value: i.value,
        rationale: i.rationale,
        confidence: i.confidence,
      })),
  },
  {
    name: 'entities',
    description: 'The registry of people, organisations, places, events and things that articles mention.',
    collection: 'entities',
    columns: [
      { name: 'id', from: 'entity:id' },
      { name: 'kind', from: 'entity:kind' },
      { name: 'name', from: 'entity:name' },
      { name: 'iso3166', from: 'entity:identifiers.iso3166' },
      { name: 'element_symbol', from: 'entity:identifiers.elementSymbol' },
      { name: 'atomic_number', from: 'entity:identifiers.atomicNumber' },
      { name: 'wikidata', from: 'entity:identifiers.wikidata' },
    ],
    primaryKey: ['id'],
    foreignKeys: [],
    rows: (e) => [
      {
        id: e.id,
        kind: e.kind,
        name: e.name,
        iso3166: e.identifiers.iso3166 ?? null,
        element_symbol: e.identifiers.elementSymbol ?? null,
        atomic_number: e.identifiers.atomicNumber ?? null,
        wikidata: e.identifiers.wikidata ?? null,
      },
    ],
  },
  {
    name: 'entity_aliases',
    description: 'Other names of each entity, in order.',
    collection: 'entities',
    columns: [key('entity', 'The entity: an `id` in the entities table.'), position('alias'), { name: 'alias', from: 'entity:aliases[]' }],
    primaryKey: ['entity', 'position'],
    foreignKeys: [references(['entity'], 'entities')],
    rows: (e) => e.aliases.map((alias, i) => ({ entity: e.id, position: i + 1, alias })),
  },
  {
    name: 'entity_demonyms',
    description: 'Words for the people or things of each entity (“Ukrainian”), in order.',
    collection: 'entities',
    columns: [key('entity', 'The entity: an `id` in the entities table.'), position('demonym'), { name: 'demonym', from: 'entity:demonyms[]' }],
    primaryKey: ['entity', 'position'],
    foreignKeys: [references(['entity'], 'entities')],
    rows: (e) => e.demonyms.map((demonym, i) => ({ entity: e.id, position: i + 1, demonym })),
  },
  {
    name: 'entity_roles',
    description: 'Roles each entity held, in order.',
    collection: 'entities',
    columns: [
      key('entity', 'The entity: an `id` in the entities table.'),
      position('role'),
      { name: 'title', from: 'entity:roles[].title' },
      { name: 'of', from: 'entity:roles[].of' },
      { name: 'start', from: 'entity:roles[].start' },
      { name: 'end', from: 'entity:roles[].end' },
    ],
    primaryKey: ['entity', 'position'],
    foreignKeys: [references(['entity'], 'entities'), references(['of'], 'entities')],
    rows: (e) => e.roles.map((r, i) => ({ entity: e.id, position: i + 1, title: r.title, of: r.of, start: r.start, end: r.end })),
  },
  {
    name: 'outlets',
    description: 'The registry of news outlets.',
    collection: 'outlets',
    columns: [
      { name: 'id', from: 'outlet:id' },
      { name: 'name', from: 'outlet:name' },
      { name: 'url', from: 'outlet:url' },
      { name: 'country', from: 'outlet:country' },
    ],
    primaryKey: ['id'],
    foreignKeys: [],
    rows: (o) => [{ id: o.id, name: o.name, url: o.url, country: o.country }],
  },
  {
    name: 'redirects',
    description: 'Ids that were renamed or removed, and what became of them.',
    collection: 'redirects',
    columns: [
      { name: 'id', from: 'redirect:id' },
      { name: 'collection', from: 'redirect:collection' },
      { name: 'kind', from: 'redirect:kind' },
      { name: 'reason', from: 'redirect:reason' },
      { name: 'since', from: 'redirect:since' },
    ],
    primaryKey: ['id'],
    foreignKeys: [],
    rows: (r) => [{ id: r.id, collection: r.collection, kind: r.kind, reason: r.reason, since: r.since }],
  },
  {
    name: 'redirect_targets',
    description: 'The ids that replace a redirected id, in order (none when it was removed).',
    collection: 'redirects',
    columns: [key('redirect', 'The redirect: an `id` in the redirects table.'), position('target'), { name: 'target', from: 'redirect:to[]' }],
    primaryKey: ['redirect', 'position'],
    foreignKeys: [references(['redirect'], 'redirects')],
    rows: (r) => r.to.map((target, i) => ({ redirect: r.id, position: i + 1, target })),
  },
];
