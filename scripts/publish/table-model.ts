/**
 * The table model: every table every analyst format publishes (CSV, Parquet, SQLite, Croissant record sets, the
 * Frictionless Table Schemas), derived from the JSON Schemas in `schemas/` (themselves generated from `types/`).
 *
 * The rules, applied to each collection's schema:
 * - A collection is a table with one row per record, keyed by `id`.
 * - A scalar field is a column; its type, nullability, constraints and description come from the schema (the
 *   types' doc comments). A nested object's fields are columns named `<object>_<field>` (snake case).
 * - A selector (any object shaped like a W3C `TextQuoteSelector`: `exact`, optional `prefix` and `suffix`) is five
 *   columns, `exact`, `prefix`, `suffix` and the derived `start` and `end`, under the path of the property that holds
 *   it (`attribution_exact`, `time_selector_exact`), or under no name for the row's own `selector` (an annotation's).
 * - A list is a child table with the parent's key, a 1-based `position`, and a foreign key to the parent. Its items'
 *   own `id`, when they have one, is part of the primary key. A list that may be `null` or absent (an optional
 *   field) also gets a `<list>_known` boolean column in the parent, so `null` (or absent) and `[]` stay apart.
 * - A field whose description says it holds an id in `data/<collection>/` gets a foreign key to that collection.
 *
 * Each column is declared once, by the schema walk or in `DERIVED_COLUMNS`, with the function that computes its
 * cell (`Column.cell`); every writer reads `TableModel.tables`. A field the walk cannot publish is reported in
 * `TableModel.unpublished`; tests/publish-table-model.test.ts fails unless it is on `EXCLUDED_FIELDS`.
 */
import { referenceTarget, type ReferenceTarget } from '../lib/references.ts';
import type { CollectionRecords, Collection } from '../lib/collections.ts';
import { COLLECTIONS } from '../lib/collections.ts';
import { scalarFacts, SchemaFields, type FieldFacts, type SchemaNode } from './schema-fields.ts';
import type { Article, Quote } from '../../types/index.ts';
import { QUOTE_SEPARATOR, quoteText } from '../../runtime/dataset.ts';
import { articleText, codePointOffset } from '../lib/text-quote.ts';
import { LAYERS } from '../lib/layers.ts';

export type Cell = string | number | boolean | null;
/** A row's cells, in the order of its table's columns. */
export type Row = Cell[];

/** A published record, or an item of one of its lists (what a table's rows are made from). */
type Item = unknown;

/** A cell, given the row's item, its index in its list, the list, and the parent row's key cells. */
type CellOf = (item: Item, index: number, list: readonly Item[], keys: readonly Cell[]) => Cell;

export interface Column {
  name: string;
  /**
   * What the column holds: `key`, the parent's key (or the record's own id); `position`, the place in the list;
   * `value`, a field of the schema; `known`, whether a nullable list is not null; `derived`, a value the build
   * computes (article text, offsets).
   */
  role: 'key' | 'position' | 'value' | 'known' | 'derived';
  /**
   * The schema field, `schema:path` (`article:annotations.quotes[].attribution.exact`); null for keys and derived
   * columns.
   */
  field: string | null;
  /** The property keys from the row's item to the value (`['attribution', 'exact']`); empty for the item itself. */
  path: readonly string[];
  facts: FieldFacts;
  cell: CellOf;
}

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface Table {
  name: string;
  description: string;
  collection: Collection;
  /** The schema field whose items are the rows (`article:` for the records, `article:annotations.quotes[]`). */
  field: string;
  /** The parent table and the property keys from a parent row's item to the list; null for a collection. */
  parent: { table: Table; path: readonly string[] } | null;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** A schema field the model does not publish, and why. */
export interface Unpublished {
  field: string;
  reason: string;
}

/** Follows property keys; null when a step is missing or null. */
function at(item: Item, path: readonly string[]): unknown {
  let value = item;
  for (const key of path) {
    if (value === null || value === undefined) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? null;
}

/** A column; with no `field`, one no schema field holds (a key, a position, a derived value). */
const column = (
  name: string,
  role: Column['role'],
  facts: FieldFacts,
  cell: CellOf,
  field: string | null = null,
  path: readonly string[] = [],
): Column => ({ name, role, field, path, facts, cell });

/** A column the schemas do not have, computed by the build from the record, and the column it follows. */
type DerivedColumn = Column & { after: string };

/** A derived column: required; by default a string of at least one character. */
const derived = (
  name: string,
  after: string,
  description: string,
  cell: CellOf,
  facts: Partial<FieldFacts> = { type: 'string', minLength: 1 },
): DerivedColumn => ({
  ...column(name, 'derived', { type: 'string', required: true, ...facts, description }, cell),
  after,
});

const OFFSET_NOTE = 'in Unicode code points into the article text (the body blocks joined with a line feed)';
const OFFSET: Partial<FieldFacts> = { type: 'integer', minimum: 0 };

/** Where each body block starts, and one past the end of the text; computed once per body. */
const blockStarts = new WeakMap<readonly Item[], number[]>();
function blockStart(list: readonly Item[], index: number): number {
  let starts = blockStarts.get(list);
  if (!starts) {
    starts = [0];
    for (const { text } of list as { text: string }[])
      starts.push(starts.at(-1)! + codePointOffset(text, text.length) + 1);
    blockStarts.set(list, starts);
  }
  return starts[index]!;
}

/**
 * `global_id`: an annotation's or inference's id made unique across the dataset by its article's (`<article>:<id>`);
 * the `id` column alone is unique only within its article. After `id`, in every table of annotations.
 */
const GLOBAL_ID = derived(
  'global_id',
  'id',
  'The article id and this id, joined by a colon (`<article>:<id>`): unique across the dataset. The `id` column is ' +
    'unique only within its article (the same id may recur in other articles), so join on (`article`, `id`) or on ' +
    'this column.',
  (item, _index, _list, keys) => `${keys[0]}:${(item as { id: string }).id}`,
  { type: 'string', minLength: 3 },
);

/** Columns the build derives, by the schema field whose items are the table's rows. */
const DERIVED_COLUMNS: Record<string, DerivedColumn[]> = {
  'article:': [
    derived(
      'text',
      'language',
      'The article text: the body blocks joined with a single line feed. Every `start`/`end` offset counts ' +
        'Unicode code points into it.',
      (article) => articleText(article as Article),
    ),
  ],
  'article:body[]': [
    derived('start', 'text', `Where the block starts, ${OFFSET_NOTE}.`, (_b, i, list) => blockStart(list, i), OFFSET),
    derived(
      'end',
      'start',
      `Where the block ends (exclusive), ${OFFSET_NOTE}.`,
      (_block, index, list) => blockStart(list, index + 1) - 1, // before the line feed that follows the block
      OFFSET,
    ),
  ],
  ...Object.fromEntries(Object.keys(LAYERS).map((list) => [`article:annotations.${list}[]`, [GLOBAL_ID]])),
  'article:inferences[]': [GLOBAL_ID],
  'article:annotations.quotes[]': [
    GLOBAL_ID,
    derived(
      'full_text',
      'end',
      `The whole quote: \`exact\` (its first passage), then the \`exact\` of each of its continuations (the ` +
        `quote_continuations table) in order, joined by "${QUOTE_SEPARATOR}" (a space, a horizontal ellipsis ` +
        'U+2026, a space). `exact` alone is only the first passage.',
      (quote) => quoteText(quote as Quote),
    ),
  ],
};

/** Table and column names chosen by hand where the rule's name would read badly. Keyed by the list's schema field. */
const NAMES: Record<string, { table?: string; column?: string }> = {
  'article:body': { table: 'body_blocks' },
  'redirect:to': { table: 'redirect_targets', column: 'target' },
  'article:annotations.quotes[].cue': { table: 'quote_cues' },
  'article:annotations.claims[].isBasedOn': { table: 'claim_bases', column: 'based_on' },
  'article:annotations.quotes[].source.outlets': { table: 'quote_source_outlets' },
  'article:annotations.claims[].claimant.outlets': { table: 'claim_claimant_outlets' },
};

/**
 * Schema fields that are deliberately not columns, each with the reason. The coverage test fails on any other
 * field the model leaves out.
 */
export const EXCLUDED_FIELDS: Record<string, string> = {
  // (none: every field of the schemas is published)
};

/** The selector offsets the build adds to every selector (types/published.ts `PositionedSelector`). */
const SELECTOR_OFFSETS = {
  start: `Where \`exact\` starts (inclusive), ${OFFSET_NOTE}. Derived from the selector.`,
  end: `Where \`exact\` ends (exclusive), ${OFFSET_NOTE}. Derived from the selector.`,
};
const SELECTOR_KEYS = ['exact', 'prefix', 'suffix'];

/** `citedSources` → `cited_sources`. */
export const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
/** `entities` → `entity`, `aliases` → `alias`, `quotes` → `quote`. */
export function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (/(?:s|x|ch|sh)es$/.test(name)) return name.slice(0, -2);
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

/** Whether a (resolved) schema node is shaped like a `TextQuoteSelector`. */
function isSelector(node: SchemaNode): boolean {
  const properties = node.properties as Record<string, unknown> | undefined;
  return !!properties && 'exact' in properties && Object.keys(properties).every((key) => SELECTOR_KEYS.includes(key));
}

const isScalar = (node: SchemaNode) =>
  Array.isArray(node.enum) || ['string', 'number', 'integer', 'boolean'].includes(node.type as string);

/** A field path one property further: `article:` + `id` → `article:id`, `article:body[]` + `text`. */
const fieldOf = (parent: string, key: string) => (parent.endsWith(':') ? `${parent}${key}` : `${parent}.${key}`);

/** The column of a list of scalars: `article:keywords[]` → `keyword`. */
function singularColumn(itemField: string): string {
  const list = itemField.slice(0, -2);
  return NAMES[list]?.column ?? snake(singular(list.split(/[:.]/).pop()!));
}

/** The tables, walked from the schemas; each table is followed by its child tables, depth first. */
export class TableModel {
  readonly tables: Table[] = [];
  readonly unpublished: Unpublished[] = [];

  constructor(readonly schemas: SchemaFields) {
    for (const { name, schema } of COLLECTIONS) {
      const root = schemas.schema(schema);
      const description = typeof root.description === 'string' ? root.description : '';
      this.#table({ name, description, collection: name, field: `${schema}:`, parent: null }, schema, root);
    }
  }

  table(name: string): Table {
    const table = this.tables.find((t) => t.name === name);
    if (!table) throw new Error(`no table ${name}`);
    return table;
  }

  /**
   * Adds a table, then its child tables, given its items' schema node (`raw`: before `$ref`s are followed, to tell an
   * `Id`), and whether an item may be null.
   */
  #table(
    spec: Pick<Table, 'name' | 'description' | 'collection' | 'field' | 'parent'>,
    schema: string,
    node: SchemaNode,
    raw?: SchemaNode,
    nullable = false,
  ): void {
    const table: Table = { ...spec, columns: [], primaryKey: ['id'], foreignKeys: [] };
    this.tables.push(table);
    const parent = spec.parent?.table;
    if (parent) {
      // The parent's key: its own key columns, then its id (or position) under the parent's singular name.
      const fields = parent.primaryKey.map((target, k) => {
        const name = !parent.parent
          ? singular(parent.name)
          : parent.columns.find((c) => c.name === target)!.role === 'key'
            ? target
            : `${singular(parent.name)}${target === 'id' ? '' : `_${target}`}`;
        const description =
          `The ${singular(parent.name).replaceAll('_', ' ')}${target === 'id' ? '' : `'s ${target}`}: ` +
          `\`${target}\` in the ${parent.name} table.`;
        const facts: FieldFacts =
          target === 'position'
            ? { type: 'integer', minimum: 1, required: true, description }
            : { type: 'string', minLength: 1, required: true, description };
        table.columns.push(column(name, 'key', facts, (_item, _index, _list, keys) => keys[k]!));
        return name;
      });
      table.foreignKeys.push({ fields, reference: { resource: parent.name, fields: [...parent.primaryKey] } });
      const description = 'The place in its list, from 1.';
      const facts: FieldFacts = { type: 'integer', required: true, minimum: 1, description };
      table.columns.push(column('position', 'position', facts, (_item, index) => index + 1));
    }
    const lists: Array<() => void> = [];
    if (node.properties) this.#object(table, schema, node, spec.field, [], '', lists, true);
    else if (isScalar(node)) {
      const facts = scalarFacts(node, spec.field, !nullable, spec.description);
      this.#scalar(table, spec.field, [], singularColumn(spec.field), facts, referenceTarget(raw));
    } else this.unpublished.push({ field: spec.field, reason: 'a list of lists, or of items of an unknown type' });
    if (parent) {
      const hasId = table.columns.some((c) => c.name === 'id' && c.role === 'value');
      const keys = table.columns.filter((c) => c.role === 'key').map((c) => c.name);
      table.primaryKey = [...keys, hasId ? 'id' : 'position'];
    }
    for (const { after, ...extra } of DERIVED_COLUMNS[spec.field] ?? []) {
      const index = table.columns.findIndex((c) => c.name === after);
      if (index === -1)
        throw new Error(`${spec.field}: derived column ${extra.name} follows a missing column ${after}`);
      table.columns.splice(index + 1, 0, extra);
    }
    const names = table.columns.map((c) => c.name);
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice !== undefined) throw new Error(`table ${table.name}: two columns are named ${twice}`);
    for (const list of lists) list();
  }

  /**
   * Adds the columns of an object's fields (and queues its lists' child tables); `present`: whether the object is
   * always there in a row's item (its fields are required only if it is).
   */
  #object(
    table: Table,
    schema: string,
    node: SchemaNode,
    field: string,
    path: string[],
    prefix: string,
    lists: Array<() => void>,
    present: boolean,
  ): void {
    const required = (node.required as string[] | undefined) ?? [];
    for (const [key, property] of Object.entries(node.properties as Record<string, SchemaNode>)) {
      const child = fieldOf(field, key);
      if (EXCLUDED_FIELDS[child] !== undefined) continue;
      const { node: target, nullable, description } = this.schemas.resolve(schema, property);
      const childPath = [...path, key];
      const optional = !required.includes(key);
      const always = present && !optional && !nullable;
      if (target.type === 'array') {
        const name =
          NAMES[child]?.table ??
          `${table.collection === 'articles' && !table.parent ? '' : `${singular(table.name)}_`}${snake(key)}`;
        if (nullable || optional) {
          const facts: FieldFacts = {
            type: 'boolean',
            required: true,
            description:
              `\`false\` when \`${key}\` is not known (JSON \`null\`${optional ? ', or the field is absent' : ''}); ` +
              `\`true\` when the ${name} table lists its items, or lists none because the list is known to be empty.`,
          };
          const known = (item: Item) => at(item, childPath) !== null;
          table.columns.push(column(`${prefix}${snake(key)}_known`, 'known', facts, known, child, childPath));
        }
        const items = this.schemas.resolve(schema, target.items as SchemaNode);
        const spec = { name, description, collection: table.collection, field: `${child}[]` };
        const parent = { table, path: childPath };
        lists.push(() =>
          this.#table({ ...spec, parent }, schema, items.node, target.items as SchemaNode, items.nullable),
        );
      } else if (target.type === 'object' && target.properties) {
        // The row's own `selector` (an annotation's) needs no prefix; any other object is named by its path.
        const own = key === 'selector' && path.length === 0 && isSelector(target);
        this.#object(table, schema, target, child, childPath, own ? prefix : `${prefix}${snake(key)}_`, lists, always);
      } else if (isScalar(target)) {
        const facts = scalarFacts(target, child, always, description);
        this.#scalar(table, child, childPath, `${prefix}${snake(key)}`, facts, referenceTarget(property));
      } else {
        this.unpublished.push({
          field: child,
          reason:
            `its type (${JSON.stringify(target.type ?? target.anyOf ?? 'unknown')}) is neither a scalar, ` +
            `an object with properties, nor a list`,
        });
      }
    }
    if (!isSelector(node)) return;
    // The offsets the build adds to a selector (in the positioned stream), there whenever its `exact` is.
    const { required: exact } = table.columns.find((c) => c.name === `${prefix}exact`)!.facts;
    for (const [name, description] of Object.entries(SELECTOR_OFFSETS)) {
      const offsetPath = [...path, name];
      const facts: FieldFacts = { type: 'integer', required: exact, minimum: 0, description };
      table.columns.push(
        column(`${prefix}${name}`, 'derived', facts, (item) => at(item, offsetPath) as Cell, null, offsetPath),
      );
    }
  }

  /** A column; with `references` (the field is declared an `EntityId` or `OutletId`), a foreign key too. */
  #scalar(table: Table, field: string, path: string[], name: string, facts: FieldFacts, references?: ReferenceTarget) {
    table.columns.push(column(name, 'value', facts, (item) => at(item, path) as Cell, field, path));
    if (references) table.foreignKeys.push({ fields: [name], reference: { resource: references, fields: ['id'] } });
  }
}

/** Makes the rows of every table of one collection from one record; `emit` receives them table by table. */
export class RowMaker {
  /** Where each table's primary key cells are in its rows. */
  readonly #keys: Map<Table, number[]>;

  constructor(readonly model: TableModel) {
    this.#keys = new Map(
      model.tables.map((t) => [t, t.primaryKey.map((name) => t.columns.findIndex((c) => c.name === name))]),
    );
  }

  /** Where `table`'s primary key cells are in its rows. */
  keyOf(table: Table): number[] {
    return this.#keys.get(table)!;
  }

  /** Calls `emit(table, rows)` for every table of the collection, parents before children. */
  rows<C extends Collection>(
    collection: C,
    record: CollectionRecords[C] | object,
    emit: (table: Table, rows: Row[]) => void,
  ): void {
    // Each table's items and rows: a collection has the record; a child table the items of its parent's lists, with
    // the parent row's key cells.
    const made = new Map<Table, { items: Item[]; rows: Row[] }>();
    for (const table of this.model.tables) {
      if (table.collection !== collection) continue;
      const items: Item[] = [];
      const rows: Row[] = [];
      const add = (list: readonly Item[], keys: readonly Cell[]) =>
        list.forEach((item, index) => {
          items.push(item);
          rows.push(table.columns.map((c) => c.cell(item, index, list, keys)));
        });
      if (!table.parent) add([record], []);
      else {
        const parent = made.get(table.parent.table)!;
        const key = this.#keys.get(table.parent.table)!;
        parent.items.forEach((item, i) => {
          const list = at(item, table.parent!.path) as Item[] | null;
          if (list)
            add(
              list,
              key.map((k) => parent.rows[i]![k]!),
            );
        });
      }
      made.set(table, { items, rows });
      emit(table, rows);
    }
  }
}

let cached: { dir: string; model: TableModel } | undefined;
/** The table model of the schemas in `schemaDir` (made once per folder and thread). */
export function tableModel(schemaDir: string): TableModel {
  if (cached?.dir !== schemaDir) cached = { dir: schemaDir, model: new TableModel(new SchemaFields(schemaDir)) };
  return cached.model;
}
