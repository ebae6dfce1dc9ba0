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
 * cell; every writer reads `TableModel.tables`. A field the walk cannot publish is reported in
 * `TableModel.unpublished`; tests/publish-table-model.test.ts fails unless it is on `EXCLUDED_FIELDS`.
 */
import { referenceTarget, type ReferenceTarget } from '../lib/references.ts';
import type { CollectionRecords, Collection } from '../lib/collections.ts';
import { COLLECTIONS } from '../lib/collections.ts';
import { scalarFacts, SchemaFields, type FieldFacts, type SchemaNode } from './schema-fields.ts';
import type { QuoteSeparator, TextQuoteSelector } from '../../types/index.ts';
import { codePointOffset } from '../lib/text-quote.ts';

export type Cell = string | number | boolean | null;
/** A row's cells, in the order of its table's columns. */
export type Row = Cell[];

/** A published record, or an item of one of its lists (what a table's rows are made from). */
type Item = unknown;

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

/** A cell, given the row's item, its index in its list, the list, and the parent's key cells. */
type CellOf = (item: Item, index: number, list: readonly Item[], keys: readonly Cell[]) => Cell;

/** A column the schemas do not have: computed by the build from the record. */
interface DerivedColumn {
  name: string;
  /** The column it follows. */
  after: string;
  facts: FieldFacts;
  cell: CellOf;
}

const OFFSET_NOTE = 'in Unicode code points into the article text (the body blocks joined with a line feed)';

/** Offsets of each body block, computed once per body. */
const blockStarts = new WeakMap<readonly Item[], number[]>();
function blockStart(list: readonly Item[], index: number): number {
  let starts = blockStarts.get(list);
  if (!starts) {
    starts = [];
    let at = 0;
    for (const block of list as { text: string }[]) {
      starts.push(at);
      at += codePointOffset(block.text, block.text.length) + 1; // the line feed between blocks
    }
    blockStarts.set(list, starts);
  }
  return starts[index]!;
}

/** Columns the build derives, by the schema field whose items are the table's rows. */
const DERIVED_COLUMNS: Record<string, DerivedColumn[]> = {
  'article:': [
    {
      name: 'text',
      after: 'language',
      facts: {
        type: 'string',
        required: true,
        minLength: 1,
        description:
          'The article text: the body blocks joined with a single line feed. Every `start`/`end` offset counts ' +
          'Unicode code points into it.',
      },
      cell: (article) => (article as { body: { text: string }[] }).body.map((b) => b.text).join('\n'),
    },
  ],
  'article:body[]': [
    {
      name: 'start',
      after: 'text',
      facts: { type: 'integer', required: true, minimum: 0, description: `Where the block starts, ${OFFSET_NOTE}.` },
      cell: (_block, index, list) => blockStart(list, index),
    },
    {
      name: 'end',
      after: 'start',
      facts: {
        type: 'integer',
        required: true,
        minimum: 0,
        description: `Where the block ends (exclusive), ${OFFSET_NOTE}.`,
      },
      cell: (block, index, list) => {
        const { text } = block as { text: string };
        return blockStart(list, index) + codePointOffset(text, text.length);
      },
    },
  ],
};

/**
 * What joins a quote's passages (its type, `QuoteSeparator`, is the one definition; the package's `quoteText` uses
 * the same; the scripts cannot import runtime/).
 */
const QUOTE_SEPARATOR: QuoteSeparator = ' … ';

/**
 * `global_id`: an annotation's or inference's id made unique across the dataset by its article's (`<article>:<id>`);
 * the `id` column alone is unique only within its article. After `id`, in every table of annotations.
 */
const GLOBAL_ID: DerivedColumn = {
  name: 'global_id',
  after: 'id',
  facts: {
    type: 'string',
    required: true,
    minLength: 3,
    description:
      'The article id and this id, joined by a colon (`<article>:<id>`): unique across the dataset. The `id` ' +
      'column is unique only within its article (the same id may recur in other articles), so join on ' +
      '(`article`, `id`) or on this column.',
  },
  cell: (item, _index, _list, keys) => `${keys[0]}:${(item as { id: string }).id}`,
};
for (const list of ['mentions', 'quotes', 'figures', 'citedSources', 'events', 'claims'])
  (DERIVED_COLUMNS[`article:annotations.${list}[]`] ??= []).push(GLOBAL_ID);
DERIVED_COLUMNS['article:inferences[]'] = [GLOBAL_ID];
DERIVED_COLUMNS['article:annotations.quotes[]']!.push({
  name: 'full_text',
  after: 'end',
  facts: {
    type: 'string',
    required: true,
    minLength: 1,
    description:
      `The whole quote: \`exact\` (its first passage), then the \`exact\` of each of its ` +
      `continuations (the quote_continuations table) in order, joined by "${QUOTE_SEPARATOR}" (a space, a ` +
      `horizontal ellipsis U+2026, a space). \`exact\` alone is only the first passage.`,
  },
  cell: (quote) => {
    const { selector, continuations } = quote as { selector: TextQuoteSelector; continuations: TextQuoteSelector[] };
    return [selector, ...continuations].map((passage) => passage.exact).join(QUOTE_SEPARATOR);
  },
});

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
const SELECTOR_OFFSETS: Array<{ name: 'start' | 'end'; description: string }> = [
  { name: 'start', description: `Where \`exact\` starts (inclusive), ${OFFSET_NOTE}. Derived from the selector.` },
  { name: 'end', description: `Where \`exact\` ends (exclusive), ${OFFSET_NOTE}. Derived from the selector.` },
];
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
  if (!properties || !('exact' in properties)) return false;
  return Object.keys(properties).every((key) => SELECTOR_KEYS.includes(key));
}

/** A field path one property further: `article:` + `id` → `article:id`, `article:body[]` + `text`. */
const fieldOf = (parent: string, key: string) => (parent.endsWith(':') ? `${parent}${key}` : `${parent}.${key}`);

/** A column no schema field holds (a key, a position, a derived value). */
const computed = (name: string, role: Column['role'], facts: FieldFacts, path: string[] = []): Column => ({
  name,
  role,
  field: null,
  path,
  facts,
});

export class TableModel {
  readonly tables: Table[] = [];
  readonly unpublished: Unpublished[] = [];

  constructor(readonly schemas: SchemaFields) {
    for (const { name, schema } of COLLECTIONS) {
      const root = schemas.schema(schema);
      const description = typeof root.description === 'string' ? root.description : '';
      this.#table({ name, description, collection: name, field: `${schema}:`, parent: null }, root, schema);
    }
  }

  table(name: string): Table {
    const table = this.tables.find((t) => t.name === name);
    if (!table) throw new Error(`no table ${name}`);
    return table;
  }

  /**
   * Adds a table, given its items' schema node (`rawNode`: before `$ref`s are followed, to tell an `Id`), and whether
   * an item may be null.
   */
  #table(
    spec: Omit<Table, 'columns' | 'primaryKey' | 'foreignKeys'>,
    node: SchemaNode,
    schema: string,
    rawNode?: SchemaNode,
    nullable = false,
  ): void {
    const table: Table = { ...spec, columns: [], primaryKey: ['id'], foreignKeys: [] };
    this.tables.push(table);
    const lists: Array<() => void> = [];
    const parent = spec.parent?.table;
    if (parent) {
      // The parent's key: its own key columns, then its id (or position) under the parent's singular name.
      const parentKey = parent.primaryKey.map((column) => {
        if (!parent.parent) return singular(parent.name);
        if (parent.columns.find((c) => c.name === column)!.role === 'key') return column;
        return `${singular(parent.name)}${column === 'id' ? '' : `_${column}`}`;
      });
      parentKey.forEach((name, i) => {
        const target = parent.primaryKey[i]!;
        const description =
          `The ${singular(parent.name).replaceAll('_', ' ')}${target === 'id' ? '' : `'s ${target}`}: ` +
          `\`${target}\` in the ${parent.name} table.`;
        const facts: FieldFacts =
          target === 'position'
            ? { type: 'integer', minimum: 1, required: true, description }
            : { type: 'string', minLength: 1, required: true, description };
        table.columns.push(computed(name, 'key', facts));
      });
      table.foreignKeys.push({
        fields: parentKey,
        reference: { resource: parent.name, fields: [...parent.primaryKey] },
      });
      const description = 'The place in its list, from 1.';
      table.columns.push(
        computed('position', 'position', { type: 'integer', required: true, minimum: 1, description }),
      );
    }
    if (node.properties) this.#object(table, schema, node, spec.field, [], '', lists, true);
    else if (isScalar(node)) {
      const facts = scalarFacts(node, spec.field, !nullable, spec.description);
      this.#scalar(table, spec.field, [], singularColumn(spec.field), facts, referenceTarget(rawNode));
    } else this.unpublished.push({ field: spec.field, reason: 'a list of lists, or of items of an unknown type' });
    if (parent) {
      const hasId = table.columns.some((c) => c.name === 'id' && c.role === 'value');
      table.primaryKey = [
        ...table.columns.filter((c) => c.role === 'key').map((c) => c.name),
        hasId ? 'id' : 'position',
      ];
    }
    for (const derived of DERIVED_COLUMNS[spec.field] ?? []) {
      const at = table.columns.findIndex((c) => c.name === derived.after);
      if (at === -1)
        throw new Error(`${spec.field}: derived column ${derived.name} follows a missing column ${derived.after}`);
      table.columns.splice(at + 1, 0, computed(derived.name, 'derived', derived.facts));
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
    for (const [key, property] of Object.entries(node.properties as Record<string, SchemaNode>)) {
      const child = fieldOf(field, key);
      if (EXCLUDED_FIELDS[child] !== undefined) continue;
      const resolved = this.schemas.resolve(schema, property);
      const target = resolved.node;
      const childPath = [...path, key];
      const optional = !((node.required as string[] | undefined) ?? []).includes(key);
      const always = present && !optional && !resolved.nullable;
      if (target.type === 'array') {
        const name =
          NAMES[child]?.table ??
          `${table.collection === 'articles' && !table.parent ? '' : `${singular(table.name)}_`}${snake(key)}`;
        if (resolved.nullable || optional) {
          const description =
            `\`false\` when \`${key}\` is not known (JSON ` +
            `\`null\`${optional ? ', or the field is absent' : ''}); \`true\` when the ${name} table lists ` +
            `its items, or lists none because the list is known to be empty.`;
          const facts: FieldFacts = { type: 'boolean', required: true, description };
          table.columns.push({
            name: `${prefix}${snake(key)}_known`,
            role: 'known',
            field: child,
            path: childPath,
            facts,
          });
        }
        const items = this.schemas.resolve(schema, target.items as SchemaNode);
        const spec = { name, description: resolved.description, collection: table.collection, field: `${child}[]` };
        const parent = { table, path: childPath };
        lists.push(() =>
          this.#table({ ...spec, parent }, items.node, schema, target.items as SchemaNode, items.nullable),
        );
      } else if (target.type === 'object' && target.properties) {
        // The row's own `selector` (an annotation's) needs no prefix; any other object is named by its path.
        const own = key === 'selector' && path.length === 0 && isSelector(target);
        this.#object(table, schema, target, child, childPath, own ? prefix : `${prefix}${snake(key)}_`, lists, always);
      } else if (isScalar(target)) {
        const facts = scalarFacts(target, child, always, resolved.description);
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
    // The offsets the build adds to a selector, there whenever its `exact` is.
    const required = table.columns.find((c) => c.name === `${prefix}exact`)!.facts.required;
    for (const { name, description } of SELECTOR_OFFSETS) {
      const facts: FieldFacts = { type: 'integer', required, minimum: 0, description };
      table.columns.push(computed(`${prefix}${name}`, 'derived', facts, [...path, name]));
    }
  }

  /** A column; with `references` (the field is declared an `EntityId` or `OutletId`), a foreign key too. */
  #scalar(table: Table, field: string, path: string[], name: string, facts: FieldFacts, references?: ReferenceTarget) {
    table.columns.push({ name, role: 'value', field, path, facts });
    if (references) table.foreignKeys.push({ fields: [name], reference: { resource: references, fields: ['id'] } });
  }
}

function isScalar(node: SchemaNode): boolean {
  return Array.isArray(node.enum) || ['string', 'number', 'integer', 'boolean'].includes(node.type as string);
}

/** The column of a list of scalars: `article:keywords[]` → `keyword`. */
function singularColumn(itemField: string): string {
  const list = itemField.slice(0, -2);
  return NAMES[list]?.column ?? snake(singular(list.split(/[:.]/).pop()!));
}

// Rows -------------------------------------------------------------------------------------------------------------

/** Follows property keys; null when a step is missing or null. */
function at(item: Item, path: readonly string[]): unknown {
  let value = item;
  for (const key of path) {
    if (value === null || value === undefined) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? null;
}

/** Makes the rows of every table of one collection from one record; `emit` receives them table by table. */
export class RowMaker {
  /** Each table's cell makers, and where its primary key's cells are in its rows. */
  readonly #tables: Array<{ table: Table; cells: CellOf[]; key: number[] }>;

  constructor(readonly model: TableModel) {
    this.#tables = model.tables.map((table) => {
      const derived = new Map((DERIVED_COLUMNS[table.field] ?? []).map((d) => [d.name, d.cell]));
      let keyIndex = 0;
      const cells = table.columns.map((column): CellOf => {
        switch (column.role) {
          case 'key': {
            const k = keyIndex++;
            return (_item, _index, _list, keys) => keys[k]!;
          }
          case 'position':
            return (_item, index) => index + 1;
          case 'known':
            return (item) => at(item, column.path) !== null;
          default:
            // A derived column the build computes, or a value (a selector's offsets are in the positioned stream).
            return derived.get(column.name) ?? ((item) => at(item, column.path) as Cell);
        }
      });
      return { table, cells, key: table.primaryKey.map((name) => table.columns.findIndex((c) => c.name === name)) };
    });
  }

  /** Calls `emit(table, rows)` for every table of the collection, parents before children. */
  rows<C extends Collection>(
    collection: C,
    record: CollectionRecords[C] | object,
    emit: (table: Table, rows: Row[]) => void,
  ): void {
    // Each table's items and rows: a collection has the record; a child table the items of its parent's lists, with
    // the parent row's key cells.
    const made = new Map<Table, { items: Item[]; rows: Row[]; key: number[] }>();
    for (const { table, cells, key } of this.#tables) {
      if (table.collection !== collection) continue;
      const items: Item[] = [];
      const rows: Row[] = [];
      const add = (list: readonly Item[], keys: readonly Cell[]) =>
        list.forEach((item, index) => {
          items.push(item);
          rows.push(cells.map((cell) => cell(item, index, list, keys)));
        });
      if (!table.parent) add([record], []);
      else {
        const parent = made.get(table.parent.table)!;
        parent.items.forEach((item, i) => {
          const list = at(item, table.parent!.path) as Item[] | null;
          if (list)
            add(
              list,
              parent.key.map((k) => parent.rows[i]![k]!),
            );
        });
      }
      made.set(table, { items, rows, key });
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
