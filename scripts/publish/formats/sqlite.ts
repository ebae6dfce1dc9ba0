/**
 * `annotated-news.sqlite`: every table of the table model in one SQLite database, with primary and foreign keys,
 * an index per foreign key, views that put names beside ids (`mentions_with_names`, `quotes_with_names`…), full-text
 * indexes (FTS5) over the article text and the quotes, the column descriptions, and the dataset version
 * (`PRAGMA user_version` and the `dataset_metadata` table).
 *
 * The rows are the Parquet tables' (formats/tables.ts, which runs first), read by DuckDB in primary-key order, so the
 * database holds the same rows in the same order as the CSV and Parquet files, and the same rows give the same bytes.
 * DuckDB cannot write SQLite here (its sqlite extension is a download), so the database is written with
 * node-sqlite3-wasm (SQLite compiled to WebAssembly: no native build, and the file goes to disk page by page).
 */
import { createRequire } from 'node:module';
import { chmodSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, JSValue, Statement } from 'node-sqlite3-wasm';
import type { Table } from '../table-model.ts';
import type { FieldFacts } from '../schema-fields.ts';
import type { Format } from './format.ts';
import { DATA_LICENSE } from './metadata.ts';
import { parquetPath, sqlName, sqlString, withDuckDb } from './tables.ts';

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

/** The full-text indexes: an FTS5 table over some text columns of a table (external content: no copy of the text). */
export const FULL_TEXT: ReadonlyArray<{ name: string; table: string; columns: readonly string[] }> = [
  { name: 'articles_fts', table: 'articles', columns: ['headline_text', 'text'] },
  { name: 'quotes_fts', table: 'quotes', columns: ['exact'] },
  { name: 'claims_fts', table: 'claims', columns: ['exact', 'claim_reviewed'] },
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
    const references = table.foreignKeys.filter(
      (fk) => fk.fields.length === 1 && NAMED.includes(fk.reference.resource),
    );
    if (references.length === 0) continue;
    const taken = new Set(table.columns.map((c) => c.name));
    const columns = ['t.*'];
    const joins: string[] = [];
    references.forEach((fk, i) => {
      const column = fk.fields[0]!;
      const name = `${column}_name`;
      if (taken.has(name)) return;
      taken.add(name);
      columns.push(`r${i}.name AS ${sqlName(name)}`);
      joins.push(`LEFT JOIN ${sqlName(fk.reference.resource)} r${i} ON r${i}.id = t.${sqlName(column)}`);
    });
    result[`${table.name}_with_names`] =
      `SELECT ${columns.join(', ')} FROM ${sqlName(table.name)} t ${joins.join(' ')}`;
  }
  return result;
}

function createTable(table: Table): string {
  const columns = table.columns.map((c) => {
    const type = SQL_TYPE[c.facts.type];
    const checks = c.facts.type === 'boolean' ? ` CHECK (${sqlName(c.name)} IN (0, 1))` : '';
    return `  ${sqlName(c.name)} ${type}${c.facts.required ? ' NOT NULL' : ''}${checks}`;
  });
  const keys = [`  PRIMARY KEY (${table.primaryKey.map(sqlName).join(', ')})`];
  for (const fk of table.foreignKeys) {
    keys.push(
      `  FOREIGN KEY (${fk.fields.map(sqlName).join(', ')}) REFERENCES ` +
        `${sqlName(fk.reference.resource)} (${fk.reference.fields.map(sqlName).join(', ')})`,
    );
  }
  return `CREATE TABLE ${sqlName(table.name)} (\n${[...columns, ...keys].join(',\n')}\n)`;
}

/** An index per foreign key that the primary key does not already start with. */
function createIndexes(table: Table): string[] {
  return table.foreignKeys
    .filter((fk) => fk.fields.some((f, i) => table.primaryKey[i] !== f))
    .map(
      (fk) =>
        `CREATE INDEX ${sqlName(`${table.name}_${fk.fields.join('_')}`)} ON ` +
        `${sqlName(table.name)} (${fk.fields.map(sqlName).join(', ')})`,
    );
}

/**
 * The page cache while writing (KiB). The file is on disk, so this is all the memory the database needs; it is large
 * enough that appending rows and building the indexes rarely read a page back.
 */
const CACHE_KIB = 32 * 1024;

/**
 * The most rows one INSERT statement takes, fewer for wide tables: a statement binds at most 32,766 values (SQLite's
 * limit).
 */
const BATCH_ROWS = 128;
const MAX_VARIABLES = 32_766;

/**
 * Inserts a table's rows `batch` at a time by prepared multi-row `INSERT … VALUES (…), (…)…` statements (one per
 * size): each statement run costs a few calls into WebAssembly whatever its size, so batching makes inserting
 * several times cheaper. The rows keep their order, so the file is the same from run to run.
 */
function inserter(db: Database, table: Table) {
  const batch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_VARIABLES / table.columns.length)));
  const row = `(${table.columns.map(() => '?').join(', ')})`;
  const statements = new Map<number, Statement>();
  const insert = (rows: number) => {
    if (!statements.has(rows))
      statements.set(rows, db.prepare(`INSERT INTO ${sqlName(table.name)} VALUES ${Array(rows).fill(row).join(', ')}`));
    return statements.get(rows)!;
  };
  return {
    add(rows: JSValue[][]): void {
      for (let at = 0; at < rows.length; at += batch) {
        const part = rows.slice(at, at + batch);
        insert(part.length).run(part.flat());
      }
    },
    finish: () => statements.forEach((statement) => statement.finalize()),
  };
}

/**
 * Writes the database: the tables are created, each table's rows inserted in one transaction in primary-key order,
 * then the indexes, views, full-text indexes and metadata are added (building an index once is cheaper than keeping
 * it sorted row by row). The file is written under a temporary name and renamed when complete.
 */
export const sqlite: Format = {
  name: 'sqlite',
  description:
    'Every table in one SQLite database, with keys, indexes, views with names beside ids and full-text indexes.',
  async write({ out, model, info, dataset }) {
    const { Database } = createRequire(import.meta.url)('node-sqlite3-wasm') as typeof import('node-sqlite3-wasm');
    const partial = join(out.root, `${SQLITE_PATH}.partial`);
    // A stale file, or the lock folder a killed build left (node-sqlite3-wasm locks with a `.lock` folder).
    rmSync(partial, { force: true });
    rmSync(`${partial}.lock`, { force: true, recursive: true });
    const db = new Database(partial);
    try {
      db.exec(
        `PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = ` +
          `EXCLUSIVE; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -${CACHE_KIB}`,
      );
      db.exec('BEGIN');
      await withDuckDb(out.root, async (duckdb) => {
        for (const table of model.tables) {
          db.exec(createTable(table));
          const inserts = inserter(db, table);
          const columns = table.columns
            .map((c) => (c.facts.type === 'date' ? `CAST(${sqlName(c.name)} AS VARCHAR)` : sqlName(c.name)))
            .join(', ');
          const parquet = sqlString(join(out.root, parquetPath(table.name)));
          // The Parquet file is in primary-key order (tables.ts), and DuckDB keeps a file's order.
          const result = await duckdb.stream(`SELECT ${columns} FROM read_parquet(${parquet})`);
          for (let chunk; (chunk = await result.fetchChunk()) && chunk.rowCount > 0;)
            inserts.add(chunk.getRows() as JSValue[][]);
          inserts.finish();
        }
      });
      for (const table of model.tables) for (const sql of createIndexes(table)) db.exec(sql);
      for (const [view, sql] of Object.entries(views(model.tables))) db.exec(`CREATE VIEW ${sqlName(view)} AS ${sql}`);
      for (const fts of FULL_TEXT) {
        const columns = fts.columns.map(sqlName).join(', ');
        db.exec(
          `CREATE VIRTUAL TABLE ${sqlName(fts.name)} USING fts5(${columns}, content=${sqlName(fts.table)}, ` +
            `tokenize=unicode61)`,
        );
        db.exec(`INSERT INTO ${sqlName(fts.name)} (${sqlName(fts.name)}) VALUES ('rebuild')`);
      }
      const meta = {
        name: dataset.name,
        version: dataset.version,
        schemaVersion: String(info.schemaVersion),
        license: DATA_LICENSE,
        notice: info.$comment,
      };
      db.exec('CREATE TABLE dataset_metadata (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)');
      for (const row of Object.entries(meta)) db.run('INSERT INTO dataset_metadata VALUES (?, ?)', row);
      db.exec(
        'CREATE TABLE dataset_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, type TEXT NOT NULL, ' +
          'description TEXT NOT NULL, PRIMARY KEY (table_name, column_name))',
      );
      const columns = model.tables.flatMap((t) =>
        t.columns.map((c) => [t.name, c.name, c.facts.type, c.facts.description]),
      );
      for (const row of columns) db.run('INSERT INTO dataset_columns VALUES (?, ?, ?, ?)', row);
      db.exec(`PRAGMA user_version = ${userVersion(info.version)}`);
      db.exec('COMMIT');
    } finally {
      db.close();
    }
    const path = join(out.root, SQLITE_PATH);
    renameSync(partial, path);
    chmodSync(path, 0o644); // node-sqlite3-wasm creates the file readable by its owner only
    out.recordFromDisk(SQLITE_PATH);
    return [
      {
        name: 'sqlite',
        path: SQLITE_PATH,
        format: 'sqlite',
        mediatype: 'application/vnd.sqlite3',
        description:
          'Every table in one SQLite database: primary and foreign keys, indexes, views with names beside ids ' +
          '(mentions_with_names, quotes_with_names…), FTS5 full-text indexes (articles_fts, quotes_fts), the version ' +
          'in PRAGMA user_version and dataset_metadata, the column descriptions in dataset_columns.',
        npm: false,
        croissant: true,
      },
    ];
  },
};
