/**
 * The Parquet tables: one file per table of the table model, `parquet/<table>.parquet`, written by DuckDB from the
 * CSV files just built (read with their Table Schema types, so a Parquet file holds exactly the CSV's rows).
 *
 * Columns are typed (BIGINT, DOUBLE, BOOLEAN, DATE for full dates, VARCHAR), null and `""` stay apart, and the
 * table's and each column's description travel in the file's key-value metadata (`description`,
 * `description:<column>`), with the dataset's name and version. Compression is zstd. DuckDB runs on one thread, so
 * the same CSV gives the same bytes.
 *
 * Why DuckDB rather than hyparquet-writer: see the README ("Parquet: how it is written"). DuckDB is a
 * devDependency: the build needs it, the published package does not.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Table } from './table-model.ts';
import type { FieldFacts } from './schema-fields.ts';
import type { OutputDir } from './output.ts';
import { csvPath } from './csv.ts';

export const PARQUET_COMPRESSION = 'zstd';
export const parquetPath = (table: string) => `parquet/${table}.parquet`;

/** The DuckDB (and so Parquet) type of each Table Schema type. */
export const DUCKDB_TYPE: Record<FieldFacts['type'], string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
};

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** `read_csv` of a built table with its typed columns; `""` stays an empty string, an empty cell is null. */
export function readCsvSql(path: string, table: Table): string {
  const columns = table.columns.map((c) => `${literal(c.name)}: ${literal(DUCKDB_TYPE[c.facts.type])}`).join(', ');
  return `read_csv(${literal(path)}, header = true, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, auto_detect = false, columns = {${columns}})`;
}

export async function writeParquet(
  out: OutputDir,
  tables: readonly Table[],
  dataset: { name: string; version: string },
): Promise<void> {
  mkdirSync(join(out.root, 'parquet'), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    for (const table of tables) {
      const metadata = [
        ['dataset', dataset.name],
        ['version', dataset.version],
        ['table', table.name],
        ['description', table.description],
        ...table.columns.map((c) => [`description:${c.name}`, c.facts.description]),
      ]
        .map(([key, value]) => `${literal(key!)}: ${literal(value!)}`)
        .join(', ');
      const target = join(out.root, parquetPath(table.name));
      await connection.run(
        `COPY (SELECT * FROM ${readCsvSql(join(out.root, csvPath(table.name)), table)}) TO ${literal(target)} ` +
          `(FORMAT parquet, COMPRESSION ${PARQUET_COMPRESSION}, KV_METADATA {${metadata}})`,
      );
      out.recordFromDisk(parquetPath(table.name));
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
