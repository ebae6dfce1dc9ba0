/**
 * The tables as files: `csv/<table>.csv` and `parquet/<table>.parquet` for every table of the table model, made by
 * DuckDB. The canonical stream (`jsonl/<collection>.jsonl`) is read a record at a time, the table model makes each
 * record's rows, DuckDB's appender loads them, and each file is written by `COPY (SELECT …)`: the rows are in key
 * order (JavaScript's `<`, which is DuckDB's byte order for our ASCII ids), whatever order the records came in, and the
 * same rows give the same bytes. Each record's rows of a table are appended sorted by the rest of the key, so a stream
 * sorted by id, as the build's is, loads every table in key order and needs no SQL sort (DuckDB could not sort
 * 100,000 articles' texts within its memory budget); any other stream is sorted by `ORDER BY <primary key>`.
 *
 * DuckDB works within `MEMORY_LIMIT`, its database and spill files in a folder inside the staging folder (removed
 * after), on `THREADS` threads whatever the machine, so the Parquet row groups are the same everywhere; a table of
 * wide rows (articles with their text) gets smaller row groups (`rowGroupSize`). No line or field size limit
 * applies: the rows never pass through a CSV reader.
 *
 * CSV: RFC 4180 (`DIALECT`), UTF-8 without a byte-order mark, a header row, CRLF. A null is an empty
 * cell, an empty string `""`; a cell with a comma, a quote, a line break or `#` is quoted (DuckDB quotes `#` so that
 * readers that take it for a comment do not). A number cell is the text data.json has (JavaScript's), not DuckDB's
 * (`5`, not `5.0`). Values are written verbatim: no cell is altered to defuse spreadsheet formulas (see the README).
 *
 * Parquet: typed columns (`DUCKDB_TYPE`), zstd, and in the key-value metadata the dataset, the version, the table's
 * and each column's description (`description`, `description:<column>`).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { FieldFacts } from '../schema-fields.ts';
import { RowMaker, type Row, type Table, type TableModel } from '../table-model.ts';
import type { Format, Resource } from './format.ts';
import { jsonlPath } from './json.ts';
import { COLLECTIONS } from '../../lib/collections.ts';
import { readLines } from '../../lib/lines.ts';

/** RFC 4180: comma, double quotes doubled inside quoted fields, CRLF line ends, a header row. */
export const DIALECT = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true };
/** A table's resource name in datapackage.json (Frictionless names allow `-` but not `_`). */
export const resourceName = (table: string) => table.replaceAll('_', '-');
export const csvPath = (table: string) => `csv/${table}.csv`;
export const parquetPath = (table: string) => `parquet/${table}.parquet`;
const PARQUET_COMPRESSION = 'zstd';

/**
 * DuckDB's memory budget. The database is a file in the temporary folder, so loaded rows can leave memory (an
 * in-memory database failed at 48 MB on 2,000 articles; a file did not). 512 MB was not enough at 100,000 synthetic
 * articles: a Parquet row group of 2,048 articles (DuckDB's smallest) is 70 MB of text, and each thread holds one.
 */
const MEMORY_LIMIT = '1GB';
/** DuckDB's default Parquet row group, and its smallest (one vector). */
const [MAX_ROW_GROUP, MIN_ROW_GROUP] = [122_880, 2_048];
/** About what one Parquet row group should hold, so that writing it fits the memory budget. */
const ROW_GROUP_CHARS = 32 * 1024 * 1024;

/** Rows per Parquet row group for rows of `chars` characters on average: whole vectors, the default at most. */
function rowGroupSize(chars: number): number {
  const rows = Math.floor(ROW_GROUP_CHARS / Math.max(chars, 1) / MIN_ROW_GROUP) * MIN_ROW_GROUP;
  return Math.min(MAX_ROW_GROUP, Math.max(MIN_ROW_GROUP, rows));
}
/** Fixed, so the files do not depend on the machine's cores. */
const THREADS = 2;
const TEMP_DIR = '.duckdb-tmp';

/** The DuckDB (and so Parquet) type of each Table Schema type. */
export const DUCKDB_TYPE: Record<FieldFacts['type'], string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
};

export const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
export const sqlName = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** `ORDER BY` a table's primary key. */
const orderBy = (table: Table) => `ORDER BY ${table.primaryKey.map(sqlName).join(', ')}`;

/** Compares rows by the cells at `key` (ids as strings, positions as numbers). */
const byKey = (key: number[]) => (a: Row, b: Row) => {
  for (const k of key) if (a[k] !== b[k]) return a[k]! < b[k]! ? -1 : 1;
  return 0;
};

/**
 * Appends one row's cells. A number is appended as its text, the text data.json has (JavaScript's: `5`, not DuckDB's
 * `5.0`), which the CSV writes as it is and Parquet casts back to the same double. DuckDB casts the rest on the way
 * in: an integer (a JavaScript number) to BIGINT, a date's text to DATE.
 */
function appendRow(a: DuckDBAppender, table: Table, row: Row): void {
  row.forEach((cell, i) => {
    if (cell === null) a.appendNull();
    else if (typeof cell === 'boolean') a.appendBoolean(cell);
    else if (table.columns[i]!.facts.type === 'integer') a.appendDouble(cell as number);
    else a.appendVarchar(String(cell));
  });
  a.endRow();
}

const createTable = (table: Table) =>
  `CREATE TABLE ${sqlName(table.name)} (${table.columns
    .map((c) => `${sqlName(c.name)} ${c.facts.type === 'number' ? 'VARCHAR' : DUCKDB_TYPE[c.facts.type]}`)
    .join(', ')})`;

/**
 * Loads every table's rows into a DuckDB database, from the canonical stream under `root`, a record at a time; returns
 * each table's average characters per row, and the collections whose records came sorted by id.
 */
async function loadTables(connection: DuckDBConnection, model: TableModel, root: string) {
  const loads = new Map<
    Table,
    { appender: DuckDBAppender; order: ReturnType<typeof byKey>; rows: number; chars: number }
  >();
  const rows = new RowMaker(model);
  for (const table of model.tables) {
    await connection.run(createTable(table));
    const order = byKey(rows.keyOf(table));
    loads.set(table, { appender: await connection.createAppender(table.name), order, rows: 0, chars: 0 });
  }
  const sorted = new Set<string>();
  for (const { name } of COLLECTIONS) {
    let previous = '';
    let ascending = true;
    for (const line of readLines(join(root, jsonlPath(name)))) {
      const record = JSON.parse(line) as { id: string };
      ascending &&= previous < record.id;
      previous = record.id;
      rows.rows(name, record, (table, made) => {
        const load = loads.get(table)!;
        for (const cells of [...made].sort(load.order)) {
          appendRow(load.appender, table, cells);
          for (const cell of cells) if (typeof cell === 'string') load.chars += cell.length;
        }
        load.rows += made.length;
      });
    }
    if (ascending) sorted.add(name);
  }
  for (const { appender } of loads.values()) appender.closeSync();
  const rowChars = new Map([...loads].map(([table, { rows, chars }]) => [table, chars / Math.max(rows, 1)]));
  return { rowChars, sorted };
}

const CSV_OPTIONS =
  `FORMAT csv, HEADER true, DELIMITER ${sqlString(DIALECT.delimiter)}, QUOTE ${sqlString(DIALECT.quoteChar)}, ` +
  `ESCAPE ${sqlString(DIALECT.quoteChar)}, NEW_LINE ${sqlString(DIALECT.lineTerminator)}, NULLSTR ''`;

function parquetOptions(table: Table, dataset: { name: string; version: string }, rowChars: number): string {
  const metadata = [
    ['dataset', dataset.name],
    ['version', dataset.version],
    ['table', table.name],
    ['description', table.description],
    ...table.columns.map((c) => [`description:${c.name}`, c.facts.description]),
  ]
    .map(([key, value]) => `${sqlString(key!)}: ${sqlString(value!)}`)
    .join(', ');
  const rowGroup = rowGroupSize(rowChars);
  const size = rowGroup < MAX_ROW_GROUP ? `, ROW_GROUP_SIZE ${rowGroup}` : '';
  return `FORMAT parquet, COMPRESSION ${PARQUET_COMPRESSION}${size}, KV_METADATA {${metadata}}`;
}

/** Opens DuckDB with its limits, its files in a folder under `root`; closes and removes them after `run`. */
export async function withDuckDb<T>(root: string, run: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const temp = join(root, TEMP_DIR);
  mkdirSync(temp, { recursive: true });
  // DuckDB (40 MB) is loaded when a table format runs, not with the build.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(join(temp, 'tables.duckdb'), {
    memory_limit: MEMORY_LIMIT,
    threads: String(THREADS),
    temp_directory: temp,
  });
  const connection = await instance.connect();
  try {
    return await run(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(temp, { recursive: true, force: true });
  }
}

export const tables: Format = {
  name: 'tables',
  description: 'Every table as CSV (RFC 4180) and as Parquet (typed, zstd, described), rows in primary-key order.',
  async write({ out, model, dataset }) {
    for (const folder of ['csv', 'parquet']) mkdirSync(join(out.root, folder), { recursive: true });
    await withDuckDb(out.root, async (connection) => {
      const { rowChars, sorted } = await loadTables(connection, model, out.root);
      for (const table of model.tables) {
        const from = `FROM ${sqlName(table.name)} ${sorted.has(table.collection) ? '' : orderBy(table)}`;
        await connection.run(
          `COPY (SELECT * ${from}) TO ` + `${sqlString(join(out.root, csvPath(table.name)))} (${CSV_OPTIONS})`,
        );
        const columns = table.columns
          .map((c) =>
            c.facts.type === 'number' ? `CAST(${sqlName(c.name)} AS DOUBLE) AS ${sqlName(c.name)}` : sqlName(c.name),
          )
          .join(', ');
        await connection.run(
          `COPY (SELECT ${columns} ${from}) TO ${sqlString(join(out.root, parquetPath(table.name)))} ` +
            `(${parquetOptions(table, dataset, rowChars.get(table)!)})`,
        );
      }
    });
    const csv = model.tables.map((table): Resource => ({
      name: resourceName(table.name),
      path: csvPath(table.name),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      description: table.description,
      npm: true,
      croissant: true,
      table: table.name,
    }));
    const parquet = model.tables.map((table): Resource => ({
      name: `${resourceName(table.name)}-parquet`,
      path: parquetPath(table.name),
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      description:
        `The ${table.name} table (the rows and columns of ${csvPath(table.name)}), typed, ` +
        `${PARQUET_COMPRESSION}-compressed; descriptions in the file's key-value metadata.`,
      npm: false,
      croissant: true,
      table: table.name,
    }));
    for (const { path } of [...csv, ...parquet]) out.recordFromDisk(path as string);
    return [...csv, ...parquet];
  },
};
