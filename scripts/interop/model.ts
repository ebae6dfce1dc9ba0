/**
 * The one mapping behind every annotation tool (W3C Web Annotation, brat, Label Studio, spaCy): an annotation taken
 * apart into the text spans it points at and its other fields, labelled, and put back together. Driven by the layer
 * table (scripts/lib/layers.ts) and the article schema, so a new annotation kind, selector field or enumerated field
 * becomes a new label, role or choice in every tool without a change here:
 *
 * - spans are found by shape (any object with a string `exact` is a `TextQuoteSelector`), each named by its role, its
 *   path in the annotation (`selector`, `continuations/0`, `time/selector`…); offsets are Unicode code points into the
 *   article text (the body blocks joined with `\n`), as in the published `TextPositionSelector`s;
 * - a secondary span is labelled by its role (`continuations/#` → `Continuation`), a main span by the layer's label
 *   (a mention by its entity's kind), a block by its type; enums and booleans are shown as choices;
 * - the record an annotation links to is a Wikidata IRI when the entity has a QID, the dataset's URN otherwise.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotations, Article, Entity, PublishedArticle, TextQuoteSelector } from '../../types/index.ts';
import { articleText, codePointOffset, matchSelector } from '../lib/text-quote.ts';
import { loadDataset, readSchema } from '../lib/collections.ts';
import { parseJsonSource } from '../lib/json-source.ts';
import { LAYERS } from '../lib/layers.ts';
import type { Registry } from '../lib/registry.ts';

/** An annotation kind: a key of `Annotations` (`mentions`, `quotes`…). */
export type Layer = keyof Annotations;
export type AnyAnnotation = Annotations[Layer][number];

/** One span of an annotation: its role (the selector's path), its selector and its code point offsets. */
export interface Span {
  role: string;
  selector: TextQuoteSelector;
  start: number;
  end: number;
}

/** An annotation taken apart: its kind, id, spans (the main `selector` first) and every other field. */
export interface Decomposed {
  layer: Layer;
  id: string;
  spans: Span[];
  /** The annotation without its id and its selectors (lists that held selectors are left empty). */
  fields: Record<string, unknown>;
}

/** The main span's role: every annotation has a `selector`. */
export const MAIN = 'selector';

/** Whether a value is a JSON object (not null, not a list). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether a value is a `TextQuoteSelector`. */
export const isSelector = (value: unknown): value is TextQuoteSelector =>
  isRecord(value) && typeof value.exact === 'string';

/** A selector's context, its `prefix` and `suffix`, leaving out the one that is undefined. */
export const contextOf = ({ prefix, suffix }: { prefix?: string | undefined; suffix?: string | undefined }) => ({
  ...(prefix === undefined ? {} : { prefix }),
  ...(suffix === undefined ? {} : { suffix }),
});

/** Role patterns (`hedges/#`) numbered in the order given (`hedges/0`, `hedges/1`…); other roles as they are. */
export function numberRoles(roles: readonly string[]): string[] {
  const counters = new Map<string, number>();
  return roles.map((role) => {
    const n = counters.get(role) ?? 0;
    counters.set(role, n + 1);
    return role.replace('#', String(n));
  });
}

/**
 * The one walk over the selectors in a value: a copy with each selector (any object with a string `exact`) replaced
 * by `replace(selector, path)`, or dropped when that is undefined (its key from an object, its item from a list).
 */
function mapSelectors(
  value: unknown,
  replace: (selector: TextQuoteSelector, path: string) => unknown,
  path = '',
): unknown {
  if (value === null || typeof value !== 'object') return value;
  const map = (v: unknown, key: string) => {
    const at = path === '' ? key : `${path}/${key}`;
    return isSelector(v) ? replace(v, at) : mapSelectors(v, replace, at);
  };
  // Plain loops: this runs on every annotation of every export, and spread or flatMap copies cost more than the work.
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((v: unknown, i) => {
      const mapped = map(v, String(i));
      if (mapped !== undefined) out.push(mapped);
    });
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const mapped = map(v, k);
    if (mapped !== undefined) out[k] = mapped;
  }
  return out;
}

/**
 * A span from a selector: a published selector (from `dist/jsonl/`) carries its code point `start` and `end`, taken
 * as they are (and dropped from the selector); any other is located in the text, where it must match exactly once.
 */
function spanOf(role: string, selector: TextQuoteSelector, text: string): Span {
  const { start, end, ...quote } = selector as TextQuoteSelector & { start?: unknown; end?: unknown };
  if (typeof start === 'number' && typeof end === 'number') return { role, selector: quote, start, end };
  const found = matchSelector(text, quote);
  if (found.length !== 1)
    throw new Error(`selector ${JSON.stringify(quote.exact)} matches ${found.length} times, not once`);
  const at = codePointOffset(text, found[0]!);
  return { role, selector: quote, start: at, end: at + codePointOffset(quote.exact, quote.exact.length) };
}

/** Takes one annotation apart. */
export function decompose(layer: Layer, annotation: AnyAnnotation, text: string): Decomposed {
  const { id, ...rest } = annotation as { id: string };
  const spans: Span[] = [];
  const fields = mapSelectors(rest, (selector, path) => void spans.push(spanOf(path, selector, text)));
  spans.sort((a, b) => (a.role === MAIN ? -1 : b.role === MAIN ? 1 : 0));
  return { layer, id, spans, fields: fields as Record<string, unknown> };
}

/** Every annotation of an article (as recorded, or as published with positions), taken apart, layer by layer. */
export function decomposeArticle(article: Pick<Article | PublishedArticle, 'body' | 'annotations'>) {
  const text = articleText(article);
  const annotations = (Object.entries(article.annotations) as Array<[Layer, AnyAnnotation[]]>).flatMap(
    ([layer, list]) => list.map((annotation) => decompose(layer, annotation, text)),
  );
  return { text, annotations };
}

/** Path segments that would reach an object's prototype. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The value at a `/`-separated path of an object, or undefined. */
export function getPath(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split('/'))
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/**
 * Sets the value at a `/`-separated path. With `create`, makes the objects (or lists, before numeric segments) on the
 * way; otherwise sets it only when the parent is an object already (a choice on an event's time when the event has
 * none is no time).
 */
export function setPath(target: object, path: string, value: unknown, create = true): void {
  const keys = path.split('/');
  if (keys.some((key) => FORBIDDEN.has(key))) throw new Error(`a role cannot name ${JSON.stringify(path)}`);
  let node = target as Record<string | number, unknown>;
  const at = (key: string) => (Array.isArray(node) ? Number(key) : key);
  for (const [i, key] of keys.slice(0, -1).entries()) {
    if (node[at(key)] === null || typeof node[at(key)] !== 'object') {
      if (!create) return;
      node[at(key)] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
    }
    node = node[at(key)] as Record<string | number, unknown>;
  }
  node[at(keys[keys.length - 1]!)] = value;
}

/** Puts an annotation back together from its id, fields and spans (the inverse of `decompose`). */
export function assemble(
  id: string,
  fields: Record<string, unknown>,
  spans: ReadonlyArray<Pick<Span, 'role' | 'selector'>>,
): AnyAnnotation {
  const annotation: Record<string, unknown> = { id, ...structuredClone(fields) };
  const ordered = [...spans].sort((a, b) => a.role.localeCompare(b.role, 'en', { numeric: true }));
  for (const span of ordered) setPath(annotation, span.role, { ...span.selector });
  return annotation as unknown as AnyAnnotation;
}

/** Object keys as `stableJson` writes them (`"kind":`), each made once. */
const JSON_KEYS = new Map<string, string>();

/**
 * JSON with every object's keys sorted, so equal values give equal text whatever their key order; `unpositioned`
 * leaves out the `start` and `end` of selectors. Plain loops into one string: the exports hash every article with it.
 */
export function stableJson(value: unknown, unpositioned = false): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  let json = '';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) json += (i === 0 ? '' : ',') + stableJson(value[i], unpositioned);
    return `[${json}]`;
  }
  const positioned = unpositioned && isSelector(value);
  for (const key of Object.keys(value).sort()) {
    if (positioned && (key === 'start' || key === 'end')) continue;
    let name = JSON_KEYS.get(key);
    if (name === undefined) JSON_KEYS.set(key, (name = `${JSON.stringify(key)}:`));
    json += (json === '' ? '' : ',') + name + stableJson((value as Record<string, unknown>)[key], unpositioned);
  }
  return `{${json}}`;
}

/**
 * The version of an article's text and annotations: 16 hex digits of a SHA-256 over both, whatever the key order,
 * and the same for the record and its published form (positions left out). The exports write it beside each
 * annotation; an import compares it with the record's, to tell an edit in the tool from a change to the record.
 */
export function recordVersion(article: Pick<Article | PublishedArticle, 'body' | 'annotations'>): string {
  return createHash('sha256')
    .update(stableJson([articleText(article), article.annotations], true))
    .digest('hex')
    .slice(0, 16);
}

// Labels and choices, from the article schema --------------------------------------------------------------------

type SchemaNode = { [key: string]: unknown };

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** Entity kinds and block types as labels (`chemical-element` → `ChemicalElement`, `listItem` → `ListItem`). */
export const kindLabel = (kind: string): string => kind.split('-').map(capitalized).join('');

/**
 * The label of a secondary span, from its role or pattern (`continuations/0` → `Continuation`, `time/selector` →
 * `Time`), and of a choice, from its path (`source/kind` → `SourceKind`).
 */
export function roleLabel(role: string): string {
  const index = (s: string) => /^(?:\d+|#)$/.test(s);
  const words = role.split('/').filter((s) => !index(s) && s !== MAIN);
  const last = role.split('/').at(-1)!;
  return words.map((w, i) => capitalized(i === words.length - 1 && index(last) ? w.replace(/s$/, '') : w)).join('');
}

/**
 * A field a tool shows as a choice: an enum, boolean or bounded integer of an annotation (`kind`, `source/kind`,
 * `checkable`), of the article (`genre`) or of its blocks (`type`, `level`), but not inside a list. Its name in the
 * tools (a brat attribute, Label Studio choices) is its path as a label.
 */
export interface ChoiceField {
  /** The layer, or `article` for the article's fields and `block` for a body block's. */
  on: Layer | 'article' | 'block';
  path: string;
  name: string;
  /** The values, as text (`true`/`false` for a boolean, digits for an integer). */
  values: string[];
  type: 'string' | 'boolean' | 'integer';
}

/**
 * What an article schema makes labels of: every secondary role, label → pattern (`Continuation` → `continuations/#`,
 * `Time` → `time/selector`), each `TextQuoteSelector` an annotation holds besides its main `selector` (directly, in a
 * list, beside null or in a nested object); and every choice field: the article's and the blocks' first, then each
 * layer's, in schema order.
 */
export function schemaLabels(schema: SchemaNode): { roles: Record<string, string>; choices: ChoiceField[] } {
  const definitions = (schema.definitions ?? {}) as Record<string, SchemaNode>;
  const resolve = (node: SchemaNode): SchemaNode =>
    typeof node.$ref === 'string' ? resolve(definitions[node.$ref.replace('#/definitions/', '')] ?? {}) : node;
  // Keyed by labels that an import file names: no prototype, so `constructor` or `toString` is no label.
  const roles = Object.create(null) as Record<string, string>;
  const choices: ChoiceField[] = [];
  const visit = (on: ChoiceField['on'], node: SchemaNode, path: string[], depth: number): void => {
    const pattern = path.join('/');
    if (depth > 6) return;
    if (typeof node.$ref === 'string' && node.$ref.endsWith('/TextQuoteSelector')) {
      if (pattern !== MAIN) roles[roleLabel(pattern)] = pattern;
      return;
    }
    const target = resolve(node);
    const min = target.minimum as number;
    const choice = (values: string[], type: ChoiceField['type']) =>
      path.includes('#') || choices.push({ on, path: pattern, name: roleLabel(pattern), values, type });
    if (Array.isArray(target.anyOf))
      for (const branch of target.anyOf as SchemaNode[]) visit(on, branch, path, depth + 1);
    else if (Array.isArray(target.enum)) choice((target.enum as unknown[]).map(String), 'string');
    else if (target.type === 'boolean') choice(['true', 'false'], 'boolean');
    else if (target.type === 'integer' && typeof min === 'number' && typeof target.maximum === 'number')
      choice(
        Array.from({ length: target.maximum - min + 1 }, (_, i) => String(min + i)),
        'integer',
      );
    else if (target.type === 'array' && target.items) visit(on, target.items as SchemaNode, [...path, '#'], depth + 1);
    else if (target.properties)
      for (const [key, child] of Object.entries(target.properties as Record<string, SchemaNode>))
        visit(on, child, [...path, key], depth + 1);
  };
  const article = (schema.properties ?? {}) as Record<string, SchemaNode>;
  if (article.genre) visit('article', article.genre, ['genre'], 0);
  const block = resolve((resolve(article.body ?? {}).items as SchemaNode | undefined) ?? {});
  for (const [key, child] of Object.entries((block.properties ?? {}) as Record<string, SchemaNode>))
    visit('block', child, [key], 0);
  const annotations = resolve({ $ref: '#/definitions/Annotations' });
  for (const [layer, list] of Object.entries((annotations.properties ?? {}) as Record<string, SchemaNode>))
    visit(layer as Layer, resolve(list).items as SchemaNode, [], 0);
  return { roles, choices };
}

/** The repository's article schema (schemas/article.schema.json), and its roles and choices. */
export const ARTICLE_SCHEMA = readSchema('article') as SchemaNode;
export const { roles: ROLE_PATTERNS, choices: CHOICE_FIELDS } = schemaLabels(ARTICLE_SCHEMA);

/**
 * What a tool's configuration declares: the span labels (entity kinds, annotation kinds, roles, block types), the
 * roles (each a relation), and the values of each choice shown on a span (all but a block's type, its label) by name.
 */
export function toolVocabulary(entityKinds: readonly string[], schema: SchemaNode) {
  const { roles, choices: fields } = schemaLabels(schema);
  const choices = new Map<string, Set<string>>();
  for (const field of fields)
    if (field.on !== 'block' || field.path !== 'type')
      choices.set(field.name, new Set([...(choices.get(field.name) ?? []), ...field.values]));
  const layers = Object.values(LAYERS).map((l) => l.label);
  const labels = [...entityKinds.map(kindLabel), ...layers, ...Object.keys(roles), ...BLOCK_LABELS.keys()];
  return { labels, roles: Object.keys(roles), choices };
}

/** The choices an annotation's fields hold, by choice name (`{ Kind: 'direct', SourceKind: 'entity' }`). */
export function choicesOf(layer: Layer, fields: Record<string, unknown>): Record<string, string | boolean | number> {
  const choices: Record<string, string | boolean | number> = {};
  for (const field of CHOICE_FIELDS) {
    const value = field.on === layer ? getPath(fields, field.path) : undefined;
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
      choices[field.name] ??= value;
  }
  return choices;
}

/** The label of an annotation's main span: a mention's entity kind, or the layer's label. */
export function mainLabel(item: Decomposed, registry: Registry): string {
  const kind = item.layer === 'mentions' ? registry.entities.get(String(item.fields.entity))?.kind : undefined;
  return kind ? kindLabel(kind) : LAYERS[item.layer].label;
}

/** The id a layer's link names in an annotation's fields (the link's field is a `/`-separated path). */
export const getLink = (item: Pick<Decomposed, 'layer' | 'fields'>): unknown =>
  LAYERS[item.layer].link ? getPath(item.fields, LAYERS[item.layer].link!.field) : null;

// The article itself: its genre and its blocks' types and list levels (model 1.1) -------------------------------

const choiceField = (on: ChoiceField['on'], path: string) => CHOICE_FIELDS.find((f) => f.on === on && f.path === path)!;
export const GENRE_FIELD = choiceField('article', 'genre');
export const LEVEL_FIELD = choiceField('block', 'level');
/** A block's label (`ListItem`) → its type (`listItem`). */
export const BLOCK_LABELS: ReadonlyMap<string, string> = new Map(
  choiceField('block', 'type').values.map((type) => [kindLabel(type), type]),
);

/**
 * Each block as the exports show it: a span (code points) labelled by its type (`Paragraph`, `Subheading`,
 * `ListItem`) with a `Level` choice. The genre is a choice too (brat: an attribute of the first block; Label Studio: a
 * task-level choice; W3C: a classifying annotation of the article). An import that finds the blocks reads them back.
 */
export function exportedBlocks(article: Pick<Article, 'body'>) {
  let at = 0;
  return article.body.map((block) => {
    const start = at;
    at += codePointOffset(block.text, block.text.length) + 1;
    const choices: Record<string, string> = block.level === undefined ? {} : { [LEVEL_FIELD.name]: `${block.level}` };
    return { start, end: at - 1, label: kindLabel(block.type), text: block.text, choices };
  });
}

// Notes: what an export carries of an annotation besides its spans ------------------------------------------------

/** A brat note's or a Label Studio region's payload: what the spans and labels do not say. */
export interface Note {
  layer: string;
  id: string;
  /** The record's version at export (see `recordVersion`). */
  version?: string;
  fields: Record<string, unknown>;
  /** prefix/suffix of each span's selector, by role, so the import restores the same selectors. */
  context?: Record<string, { prefix?: string; suffix?: string }>;
}

/** An annotation's note: its layer, id and fields, the record's version, and each span's prefix/suffix by role. */
export function notePayload(item: Decomposed, version: string): Note {
  const { layer, id, spans, fields } = item;
  const withContext = spans.filter(({ selector }) => (selector.prefix ?? selector.suffix) !== undefined);
  const context = Object.fromEntries(withContext.map((span) => [span.role, contextOf(span.selector)]));
  return { layer, id, version, fields, ...(withContext.length > 0 ? { context } : {}) };
}

/**
 * A note's payload as the export wrote it, read as strictly as a record (scripts/lib/json-source.ts: depth, size,
 * forbidden keys); null when the note is not JSON the export wrote.
 */
export function parseNote(text: string): Note | null {
  const parsed = parseJsonSource(Buffer.from(text, 'utf8'));
  if (!parsed.ok) return null;
  const note = parsed.value as Partial<Note>;
  return typeof note.layer === 'string' && typeof note.id === 'string' ? (note as Note) : null;
}

// Links to registry records -------------------------------------------------------------------------------------

/** Reads `dataDir/entities/*.json` and `dataDir/outlets/*.json`, by id. */
export function loadRegistry(dataDir: string): Registry {
  const { entities, outlets } = loadDataset(dataDir, ['entities', 'outlets']);
  return { entities: new Map(entities.map((e) => [e.id, e])), outlets: new Map(outlets.map((o) => [o.id, o])) };
}

/** The entity kinds the entity schema of `schemaDir` allows, in schema order. */
export const entityKinds = (schemaDir: string): string[] =>
  (JSON.parse(readFileSync(join(schemaDir, 'entity.schema.json'), 'utf8')) as EntitySchema).definitions.EntityKind.enum;
type EntitySchema = { definitions: { EntityKind: { enum: string[] } } };

/** The Wikidata QID of an entity, when its record has one (`Q212`). */
export const wikidataOf = (entity: Entity | undefined): string | null => entity?.identifiers.wikidata ?? null;

export const URN = 'urn:annotated-news';
const WIKIDATA_ENTITY = 'http://www.wikidata.org/entity/';

/** The IRI of a registry record: Wikidata's when the entity has a QID, the dataset's URN otherwise. */
export function recordIri(registry: Registry, collection: 'entities' | 'outlets', id: string): string {
  if (collection === 'outlets') return `${URN}:outlet:${id}`;
  const qid = wikidataOf(registry.entities.get(id));
  return qid ? `${WIKIDATA_ENTITY}${qid}` : `${URN}:entity:${id}`;
}

/** The registry id an IRI, a QID or an id names, or null when none matches. */
export function resolveLink(registry: Registry, collection: 'entities' | 'outlets', reference: string): string | null {
  const value = reference.trim();
  const qid = /^(?:https?:\/\/www\.wikidata\.org\/(?:entity|wiki)\/)?(Q\d+)$/.exec(value)?.[1];
  if (qid && collection === 'entities')
    return [...registry.entities.values()].find((e) => wikidataOf(e) === qid)?.id ?? null;
  const urn = `${URN}:${collection === 'outlets' ? 'outlet' : 'entity'}:`;
  const id = value.startsWith(urn) ? value.slice(urn.length) : value;
  return registry[collection].has(id) ? id : null;
}
