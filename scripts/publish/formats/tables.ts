/**
 * The tables as files: `csv/<table>.csv` and `parquet/<table>.parquet` for every table of the table model, made by
 * DuckDB. The canonical stream (`jsonl/<collection>.jsonl`) is read a record at a time, the table model makes each
 * record's rows, DuckDB's appender loads them, and each file is written by `COPY (SELECT … ORDER BY <primary key>)`:
 * the rows are in key order (DuckDB compares text byte by byte, which for our ASCII ids is JavaScript's `<`), whatever
 * order the records came in, and the same rows give the same bytes.
 *
 * DuckDB works within `MEMORY_LIMIT`, its database and spill files in a folder inside the staging folder (removed
 * after), on `THREADS` threads whatever the machine, so the Parquet row groups are the same everywhere. No line or
 * field size limit applies: the rows never pass through a CSV reader.
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
 * in-memory database failed at 48 MB on 2,000 articles; a file did not). 256 MB was not enough at 20,000 synthetic
 * articles: writing a table asked for one 128 MB block ("Out of Memory Error"); 512 MB builds them.
 */
const MEMORY_LIMIT = '512MB';
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
export const orderBy = (table: Table) => `ORDER BY ${table.primaryKey.map(sqlName).join(', ')}`;

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

/** Loads every table's rows into a DuckDB database, from the canonical stream under `root`, a record at a time. */
async function loadTables(connection: DuckDBConnection, model: TableModel, root: string): Promise<void> {
  const appenders = new Map<Table, DuckDBAppender>();
  for (const table of model.tables) {
    await connection.run(createTable(table));
    appenders.set(table, await connection.createAppender(table.name));
  }
  const rows = new RowMaker(model);
  for (const { name } of COLLECTIONS)
    for (const line of readLines(join(root, jsonlPath(name))))
      rows.rows(name, JSON.parse(line) as object, (table, made) => {
        const appender = appenders.get(table)!;
        for (const cells of made) appendRow(appender, table, cells);
      });
  for (const appender of appenders.values()) appender.closeSync();
}

const CSV_OPTIONS =
  `FORMAT csv, HEADER true, DELIMITER ${sqlString(DIALECT.delimiter)}, QUOTE ${sqlString(DIALECT.quoteChar)}, ` +
  `ESCAPE ${sqlString(DIALECT.quoteChar)}, NEW_LINE ${sqlString(DIALECT.lineTerminator)}, NULLSTR ''`;

function parquetOptions(table: Table, dataset: { name: string; version: string }): string {
  const metadata = [
    ['dataset', dataset.name],
    ['version', dataset.version],
    ['table', table.name],
    ['description', table.description],
    ...table.columns.map((c) => [`description:${c.name}`, c.facts.description]),
  ]
    .map(([key, value]) => `${sqlString(key!)}: ${sqlString(value!)}`)
    .join(', ');
  return `FORMAT parquet, COMPRESSION ${PARQUET_COMPRESSION}, KV_METADATA {${metadata}}`;
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
      await loadTables(connection, model, out.root);
      for (const table of model.tables) {
        const from = `FROM ${sqlName(table.name)} ${orderBy(table)}`;
        await connection.run(
          `COPY (SELECT * ${from}) TO ` + `${sqlString(join(out.root, csvPath(table.name)))} (${CSV_OPTIONS})`,
        );
        const columns = table.columns
          .map((c) =>
            c.facts.type === 'number' ? `CAST(${sqlName(c.name)} AS DOUBLE) AS ${sqlName(c.name)}` : sqlName(c.name),
          )
          .join(', ');
        await connection.run(
          `COPY (SELECT ${columns} ${from}) TO ` +
            `${sqlString(join(out.root, parquetPath(table.name)))} (${parquetOptions(table, dataset)})`,
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
