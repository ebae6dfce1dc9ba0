/**
 * What the annotation tools need besides the layer table (scripts/lib/layers.ts): the labels of secondary spans
 * (roles), links to registry records (their fields, IRIs and QIDs), and entity kinds as labels.
 */
import { readSchema } from '../lib/collections.ts';
import type { Entity } from '../../types/index.ts';
import { LAYERS, type LayerName, type LayerSpec } from '../lib/layers.ts';
import type { Decomposed } from './spans.ts';
import type { Registry } from '../lib/registry.ts';

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/**
 * The label of a secondary span, from its role or pattern: `continuations/0` → `Continuation`, `time/selector` →
 * `Time`.
 */
export function roleLabel(role: string): string {
  const index = (s: string) => /^(?:\d+|#)$/.test(s);
  const words = role.split('/').filter((s) => !index(s) && s !== 'selector');
  const last = role.split('/').slice(-1)[0]!;
  const singular = words.map((w, i) => (i === words.length - 1 && index(last) ? w.replace(/s$/, '') : w));
  return singular.map(capitalized).join('');
}

type SchemaNode = { [key: string]: unknown };

/** Follows a node's `$ref` into the schema's definitions, to the node it names. */
function resolver(schema: SchemaNode): (node: SchemaNode) => SchemaNode {
  const definitions = (schema.definitions ?? {}) as Record<string, SchemaNode>;
  const resolve = (node: SchemaNode): SchemaNode =>
    typeof node.$ref === 'string' ? resolve(definitions[node.$ref.replace('#/definitions/', '')] ?? {}) : node;
  return resolve;
}

/**
 * Every secondary role the annotations can have, as label → role pattern (`Continuation` → `continuations/#`,
 * `Time` → `time/selector`), found in the article schema: each `TextQuoteSelector` an annotation holds besides its
 * main `selector`, directly, in a list, beside null or inside a nested object. Derived, so a new selector field in
 * the types becomes a new label in every tool without a change here.
 */
export function rolePatterns(articleSchema: SchemaNode): Record<string, string> {
  const resolve = resolver(articleSchema);
  const isSelector = (node: SchemaNode) => typeof node.$ref === 'string' && node.$ref.endsWith('/TextQuoteSelector');
  // Keyed by labels that an import file names: no prototype, so `constructor` or `toString` is no label.
  const patterns: Record<string, string> = Object.create(null) as Record<string, string>;
  const visit = (node: SchemaNode, path: string[], depth: number): void => {
    if (depth > 4) return;
    if (isSelector(node)) {
      const pattern = path.join('/');
      if (pattern !== 'selector') patterns[roleLabel(pattern)] = pattern;
      return;
    }
    const target = resolve(node);
    if (Array.isArray(target.anyOf)) for (const branch of target.anyOf as SchemaNode[]) visit(branch, path, depth + 1);
    else if (target.type === 'array' && target.items) visit(target.items as SchemaNode, [...path, '#'], depth + 1);
    else if (target.properties)
      for (const [key, child] of Object.entries(target.properties as Record<string, SchemaNode>))
        visit(child, [...path, key], depth + 1);
  };
  const annotations = resolve({ $ref: '#/definitions/Annotations' });
  for (const list of Object.values((annotations.properties ?? {}) as Record<string, SchemaNode>))
    visit(resolve(list).items as SchemaNode, [], 0);
  return patterns;
}

/** The repository's article schema (schemas/article.schema.json). */
export const ARTICLE_SCHEMA = readSchema('article') as SchemaNode;

/** The role patterns of the repository's article schema. */
export const ROLE_PATTERNS: Record<string, string> = rolePatterns(ARTICLE_SCHEMA);

/**
 * A field a tool shows as a choice: an enum or boolean of an annotation (`kind`, `source/kind`, `attribution`,
 * `checkable`), or of the article (`genre`) and its blocks (`type`, `level`). Its name in the tools (a brat attribute,
 * Label Studio choices) is its path as a label (`source/kind` → `SourceKind`).
 */
export interface ChoiceField {
  /** The layer, or `article` for the article's fields and `block` for a body block's. */
  on: LayerName | 'article' | 'block';
  path: string;
  name: string;
  /** The values, as text (`true`/`false` for a boolean, digits for an integer). */
  values: string[];
  type: 'string' | 'boolean' | 'integer';
}

/** Every choice field of an article schema: the article's and the blocks' first, then each layer's, in schema order. */
export function choiceFields(schema: SchemaNode): ChoiceField[] {
  const resolve = resolver(schema);
  const fields: ChoiceField[] = [];
  const visit = (on: ChoiceField['on'], node: SchemaNode, path: string[], depth: number): void => {
    if (depth > 6 || (typeof node.$ref === 'string' && node.$ref.endsWith('/TextQuoteSelector'))) return;
    const target = resolve(node);
    const add = (values: string[], type: ChoiceField['type']) =>
      fields.push({ on, path: path.join('/'), name: roleLabel(path.join('/')), values, type });
    if (Array.isArray(target.anyOf))
      for (const branch of target.anyOf as SchemaNode[]) visit(on, branch, path, depth + 1);
    else if (Array.isArray(target.enum)) add((target.enum as unknown[]).map(String), 'string');
    else if (target.type === 'boolean') add(['true', 'false'], 'boolean');
    else if (target.type === 'integer' && typeof target.minimum === 'number' && typeof target.maximum === 'number')
      add(
        Array.from({ length: target.maximum - target.minimum + 1 }, (_, i) => String((target.minimum as number) + i)),
        'integer',
      );
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
    visit(layer as LayerName, resolve(list).items as SchemaNode, [], 0);
  return fields;
}

/** The choice fields of the repository's article schema. */
export const CHOICE_FIELDS: readonly ChoiceField[] = choiceFields(ARTICLE_SCHEMA);

/** The values of each choice a tool shows on a span (all but the block's type, which is the span's label), by name. */
export function choiceValues(schema: SchemaNode): Map<string, Set<string>> {
  const choices = new Map<string, Set<string>>();
  for (const field of choiceFields(schema))
    if (field.on !== 'block' || field.path !== 'type')
      choices.set(field.name, new Set([...(choices.get(field.name) ?? []), ...field.values]));
  return choices;
}

/** The choices an annotation's fields hold, by choice name (`{ Kind: 'direct', SourceKind: 'entity' }`). */
export function choicesOf(layer: LayerName, fields: Record<string, unknown>): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const field of CHOICE_FIELDS) {
    const value = field.on === layer ? getPath(fields, field.path) : undefined;
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
      choices[field.name] = String(value);
  }
  return choices;
}

/** A choice's value as the field holds it (`true` → true, `2` → 2). */
export const choiceValue = (field: ChoiceField, text: string): unknown =>
  field.type === 'boolean' ? text === 'true' : field.type === 'integer' ? Number(text) : text;

/** The value at a `/`-separated path of an object, or undefined. */
export function getPath(value: unknown, path: string): unknown {
  return path
    .split('/')
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      value,
    );
}

/**
 * Sets the value at a `/`-separated path; with `create`, making the objects on the way, otherwise only when the
 * parent is an object already (a choice on an event's time when the event has none is no time).
 */
export function setPath(target: Record<string, unknown>, path: string, value: unknown, create = true): void {
  const keys = path.split('/');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') {
      if (!create) return;
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The id a layer's link names in an annotation's fields (the link's field is a `/`-separated path). */
export const getLink = (spec: LayerSpec, fields: Record<string, unknown>): unknown =>
  spec.link ? getPath(fields, spec.link.field) : null;

/** Sets the id a layer's link names, creating the objects on its path. */
export function setLink(spec: LayerSpec, fields: Record<string, unknown>, value: string): void {
  if (spec.link) setPath(fields, spec.link.field, value);
}

/** Entity kinds as labels (`chemical-element` → `ChemicalElement`), so a mention's label says what it mentions. */
export const kindLabel = (kind: string): string => kind.split('-').map(capitalized).join('');

/** The label of an annotation's main span: a mention's entity kind, or the layer's label. */
export function mainLabel(item: Decomposed, registry: Registry): string {
  const kind = item.layer === 'mentions' ? registry.entities.get(String(item.fields.entity))?.kind : undefined;
  return kind ? kindLabel(kind) : LAYERS[item.layer].label;
}

/** The Wikidata QID of an entity, when its record has one (`Q212`). */
export function wikidataOf(entity: Entity | undefined): string | null {
  if (!entity) return null;
  const record = entity as unknown as { wikidata?: unknown; identifiers?: { wikidata?: unknown } };
  const qid = record.identifiers?.wikidata ?? record.wikidata;
  return typeof qid === 'string' && /^Q\d+$/.test(qid) ? qid : null;
}

export const URN = 'urn:annotated-news';
export const WIKIDATA_ENTITY = 'http://www.wikidata.org/entity/';

/** The IRI of a registry record: Wikidata's when the entity has a QID, the dataset's URN otherwise. */
export function recordIri(registry: Registry, collection: 'entities' | 'outlets', id: string): string {
  if (collection === 'entities') {
    const qid = wikidataOf(registry.entities.get(id));
    if (qid) return `${WIKIDATA_ENTITY}${qid}`;
    return `${URN}:entity:${id}`;
  }
  return `${URN}:outlet:${id}`;
}

/** The registry id an IRI, a QID or an id names, or null when none matches. */
export function resolveLink(registry: Registry, collection: 'entities' | 'outlets', reference: string): string | null {
  const value = reference.trim();
  if (collection === 'outlets') {
    const id = value.startsWith(`${URN}:outlet:`) ? value.slice(`${URN}:outlet:`.length) : value;
    return registry.outlets.has(id) ? id : null;
  }
  const qid = /^(?:https?:\/\/www\.wikidata\.org\/(?:entity|wiki)\/)?(Q\d+)$/.exec(value)?.[1];
  if (qid) {
    for (const [id, entity] of registry.entities) if (wikidataOf(entity) === qid) return id;
    return null;
  }
  const id = value.startsWith(`${URN}:entity:`) ? value.slice(`${URN}:entity:`.length) : value;
  return registry.entities.has(id) ? id : null;
}
