/**
 * `annotated-news.sqlite`: every table of the table model in one SQLite database, with primary and foreign keys,
 * an index per foreign key, views that put names beside ids (`mentions_with_names`, `quotes_with_names`…), full-text indexes (FTS4) over the article text and the
 * quotes, the column descriptions, and the dataset version (`PRAGMA user_version` and the `dataset_metadata` table).
 *
 * Written with sql.js (SQLite compiled to WebAssembly): no native build, so `npm ci` works on every contributor's
 * machine and in CI without a compiler; its SQLite has FTS4 but not FTS5. The database is built in memory and
 * written at the end; the same statements in the same order give the same bytes.
 */
import { createRequire } from 'node:module';
import type { Database, Statement } from 'sql.js';
import type { Cell, Row, Table } from './table-model.ts';
import type { FieldFacts } from './schema-fields.ts';

export const SQLITE_PATH = 'annotated-news.sqlite';

/** `1.2.3` → 1002003: the dataset version as `PRAGMA user_version` (a 32-bit integer). */
export function userVersion(version: string): number {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  return major * 1_000_000 + minor * 1_000 + patch;
}

const SQL_TYPE: Record<FieldFacts['type'], string> = {
  string: 'TEXT',
  date: 'TEXT',
  integer: 'INTEGER',
  boolean: 'INTEGER',
  number: 'REAL',
};

export const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The full-text indexes: an FTS4 table over some text columns of a table (external content: no copy of the text). */
export const FULL_TEXT: ReadonlyArray<{ name: string; table: string; columns: readonly string[]; optional?: boolean }> = [
  { name: 'articles_fts', table: 'articles', columns: ['headline_text', 'text'] },
  { name: 'quotes_fts', table: 'quotes', columns: ['exact'] },
  // Claims, once the data model has them (issue 10).
  { name: 'claims_fts', table: 'claims', columns: ['exact', 'claim_reviewed'], optional: true },
];

/** The registries a view joins to show a name beside an id. */
const NAMED = ['entities', 'outlets'];

/**
 * Views for the joins most queries start with, derived from the table model: for every table that refers to
 * entities or outlets, `<table>_with_names` is the table with each such id's `name` beside it (`mentions_with_names`:
 * `entity_name`, `stands_for_name`; `quotes_with_names`: the speaker's and the outlet's names).
 */
export function views(tables: readonly Table[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const table of tables) {
    const references = table.foreignKeys.filter((fk) => fk.fields.length === 1 && NAMED.includes(fk.reference.resource));
    if (references.length === 0) continue;
    const taken = new Set(table.columns.map((c) => c.name));
    const columns = ['t.*'];
    const joins: string[] = [];
    references.forEach((fk, i) => {
      const column = fk.fields[0]!;
      const name = `${column}_name`;
      if (taken.has(name)) return;
      taken.add(name);
      columns.push(`r${i}.name AS ${quoteName(name)}`);
      joins.push(`LEFT JOIN ${quoteName(fk.reference.resource)} r${i} ON r${i}.id = t.${quoteName(column)}`);
    });
    result[`${table.name}_with_names`] = `SELECT ${columns.join(', ')} FROM ${quoteName(table.name)} t ${joins.join(' ')}`;
  }
  return result;
}

function createTable(table: Table): string {
  const columns = table.columns.map((c) => {
    const type = SQL_TYPE[c.facts.type];
    const checks = c.facts.type === 'boolean' ? ` CHECK (${quoteName(c.name)} IN (0, 1))` : '';
    return `  ${quoteName(c.name)} ${type}${c.facts.required ? ' NOT NULL' : ''}${checks}`;
  });
  const keys = [`  PRIMARY KEY (${table.primaryKey.map(quoteName).join(', ')})`];
  for (const fk of table.foreignKeys) {
    keys.push(`  FOREIGN KEY (${fk.fields.map(quoteName).join(', ')}) REFERENCES ${quoteName(fk.reference.resource)} (${fk.reference.fields.map(quoteName).join(', ')})`);
  }
  return `CREATE TABLE ${quoteName(table.name)} (\n${[...columns, ...keys].join(',\n')}\n)`;
}

/** An index per foreign key that the primary key does not already start with. */
function createIndexes(table: Table): string[] {
  return table.foreignKeys
    .filter((fk) => fk.fields.some((f, i) => table.primaryKey[i] !== f))
    .map((fk) => `CREATE INDEX ${quoteName(`${table.name}_${fk.fields.join('_')}`)} ON ${quoteName(table.name)} (${fk.fields.map(quoteName).join(', ')})`);
}

const sqlValue = (cell: Cell) => (typeof cell === 'boolean' ? (cell ? 1 : 0) : cell);

export class SqliteTables {
  readonly #db: Database;
  readonly #inserts = new Map<Table, Statement>();

  static async create(tables: readonly Table[]): Promise<SqliteTables> {
    const initSqlJs = createRequire(import.meta.url)('sql.js') as typeof import('sql.js');
    const SQL = await initSqlJs();
    return new SqliteTables(new SQL.Database(), tables);
  }

  private constructor(db: Database, readonly tables: readonly Table[]) {
    this.#db = db;
    db.run('PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF');
    db.run('BEGIN');
    for (const table of tables) {
      db.run(createTable(table));
      const marks = table.columns.map(() => '?').join(', ');
      this.#inserts.set(table, db.prepare(`INSERT INTO ${quoteName(table.name)} VALUES (${marks})`));
    }
  }

  add(table: Table, rows: readonly Row[]): void {
    const insert = this.#inserts.get(table)!;
    for (const row of rows) insert.run(row.map(sqlValue));
  }

  /** Adds indexes, views, full-text indexes and metadata; returns the database file's bytes. */
  finish(meta: { name: string; version: string; schemaVersion: number; license: string; notice: string }): Uint8Array {
    const db = this.#db;
    for (const statement of this.#inserts.values()) statement.free();
    for (const table of this.tables) for (const sql of createIndexes(table)) db.run(sql);
    for (const [name, sql] of Object.entries(views(this.tables))) db.run(`CREATE VIEW ${quoteName(name)} AS ${sql}`);
    for (const fts of FULL_TEXT) {
      if (fts.optional && !this.tables.some((t) => t.name === fts.table)) continue;
      const columns = fts.columns.map(quoteName).join(', ');
      db.run(`CREATE VIRTUAL TABLE ${quoteName(fts.name)} USING fts4(content=${quoteName(fts.table)}, ${columns}, tokenize=unicode61)`);
      db.run(`INSERT INTO ${quoteName(fts.name)} (${quoteName(fts.name)}) VALUES ('rebuild')`);
    }
    db.run('CREATE TABLE dataset_metadata (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)');
    const metadata = db.prepare('INSERT INTO dataset_metadata VALUES (?, ?)');
    for (const [key, value] of Object.entries({ ...meta, schemaVersion: String(meta.schemaVersion) })) metadata.run([key, value]);
    metadata.free();
    db.run(
      'CREATE TABLE dataset_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, type TEXT NOT NULL, description TEXT NOT NULL, PRIMARY KEY (table_name, column_name))',
    );
    const columns = db.prepare('INSERT INTO dataset_columns VALUES (?, ?, ?, ?)');
    for (const table of this.tables) for (const c of table.columns) columns.run([table.name, c.name, c.facts.type, c.facts.description]);
    columns.free();
    db.run('COMMIT');
    db.run(`PRAGMA user_version = ${userVersion(meta.version)}`);
    db.run('VACUUM');
    const bytes = db.export();
    db.close();
    return bytes;
  }
}
