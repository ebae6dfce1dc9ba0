/**
 * Writes the CSV tables row by row (RFC 4180 via csv-stringify, UTF-8 without a byte-order mark, a header row,
 * CRLF line ends). A null is an empty cell; an empty string is `""`. Values are written verbatim: no cell is altered
 * to defuse spreadsheet formulas (see the README's formula-injection policy).
 */
import { stringify, type Options } from 'csv-stringify/sync';
import type { OutputDir, Sink } from './output.ts';
import type { Cell, Row, TableSpec } from './tables.ts';
import { DIALECT } from './table-schema.ts';

/** Rows gathered before they are formatted and written: few calls into csv-stringify, bounded memory. */
const BATCH_ROWS = 2000;

const STRINGIFY_OPTIONS: Options = {
  delimiter: DIALECT.delimiter,
  record_delimiter: 'windows', // DIALECT.lineTerminator
  quote: DIALECT.quoteChar,
  // csv-stringify quotes values with a delimiter or a quote; a line feed in a value must be quoted too.
  quoted_match: /[\r\n]/,
  bom: false,
  cast: {
    // An empty string is quoted, so it differs from a null (an empty, unquoted cell).
    string: (value) => (value === '' ? { value: '', quoted_empty: true } : value),
    boolean: (value) => (value ? 'true' : 'false'),
    number: (value) => String(value),
  },
};

export const csvPath = (table: string) => `csv/${table}.csv`;

/** One table being written. */
class TableWriter {
  readonly #sink: Sink;
  readonly #columns: string[];
  #batch: Cell[][] = [];
  rows = 0;

  constructor(readonly table: TableSpec, out: OutputDir) {
    this.#columns = table.columns.map((c) => c.name);
    this.#sink = out.open(csvPath(table.name));
    this.#sink.write(stringify([this.#columns], STRINGIFY_OPTIONS));
  }

  add(rows: Row[]): void {
    for (const row of rows) {
      this.#batch.push(
        this.#columns.map((name) => {
          const value = row[name];
          if (value === undefined) throw new Error(`table ${this.table.name}: a row has no column ${name}`);
          return value;
        }),
      );
    }
    this.rows += rows.length;
    if (this.#batch.length >= BATCH_ROWS) this.#flush();
  }

  close(): void {
    this.#flush();
    this.#sink.close();
  }

  #flush(): void {
    if (this.#batch.length === 0) return;
    this.#sink.write(stringify(this.#batch, STRINGIFY_OPTIONS));
    this.#batch = [];
  }
}

/** The writers of every table, fed one record at a time. */
export class CsvTables {
  readonly #writers: TableWriter[];

  constructor(tables: readonly TableSpec[], out: OutputDir) {
    this.#writers = tables.map((table) => new TableWriter(table, out));
  }

  /** Adds the rows a record gives to every table of its collection. */
  add<C extends TableSpec['collection']>(collection: C, record: Parameters<Extract<TableSpec, { collection: C }>['rows']>[0]): void {
    for (const writer of this.#writers) {
      if (writer.table.collection !== collection) continue;
      writer.add((writer.table.rows as (r: typeof record) => Row[])(record));
    }
  }

  /** Closes every file; returns each table's row count. */
  close(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const writer of this.#writers) {
      writer.close();
      counts.set(writer.table.name, writer.rows);
    }
    return counts;
  }
}
