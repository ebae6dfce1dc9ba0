/**
 * Writes the CSV tables row by row: RFC 4180, UTF-8 without a byte-order mark, a header row, CRLF line ends. A null
 * is an empty cell; an empty string is `""`. Values are written verbatim: no cell is altered to defuse spreadsheet
 * formulas (see the README's formula-injection policy).
 *
 * The cells are formatted by `csvRow`, a few lines of RFC 4180 rather than csv-stringify: at 100,000 articles the
 * tables have millions of rows and csv-stringify took about ten times as long per row. csv-stringify stays the
 * reference: tests/publish-csv-format.test.ts checks that `csvRow` gives the same bytes as csv-stringify with
 * `REFERENCE_OPTIONS` on every published table and on adversarial cells.
 */
import type { Options } from 'csv-stringify/sync';
import type { OutputDir, Sink } from './output.ts';
import type { Cell, Row, Table } from './table-model.ts';
import { DIALECT } from './table-schema.ts';

/** Characters that make a cell quoted: the delimiter, the quote, and any line break (CR or LF). */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTES = /"/g;

/**
 * The csv-stringify options `csvRow` reproduces (used only by the tests, which compare the two byte for byte):
 * a value with a delimiter, a quote or a line break is quoted, quotes are doubled, an empty string is `""`.
 */
export const REFERENCE_OPTIONS: Options = {
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

/** One cell as RFC 4180 text. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'string') {
    if (value === '') return '""';
    return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTES, '""')}"` : value;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** One record as RFC 4180 text, with its line end. */
export function csvRow(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i > 0 ? DIALECT.delimiter : '') + csvCell(cells[i]!);
  return line + DIALECT.lineTerminator;
}

/** Text gathered per table before it goes to the file's sink: few, large writes. */
const PENDING_CHARS = 1 << 16;

export const csvPath = (table: string) => `csv/${table}.csv`;

/** One table being written. */
class TableWriter {
  readonly #sink: Sink;
  #pending = '';
  rows = 0;

  constructor(
    readonly table: Table,
    out: OutputDir,
  ) {
    this.#sink = out.open(csvPath(table.name));
    this.#sink.write(csvRow(table.columns.map((c) => c.name)));
  }

  add(rows: readonly Row[]): void {
    for (const row of rows) this.#pending += csvRow(row);
    this.rows += rows.length;
    if (this.#pending.length >= PENDING_CHARS) this.#flush();
  }

  close(): void {
    this.#flush();
    this.#sink.close();
  }

  #flush(): void {
    this.#sink.write(this.#pending);
    this.#pending = '';
  }
}

/** The CSV file of every table of the model, fed rows table by table (see `RowMaker`). */
export class CsvTables {
  readonly #writers = new Map<Table, TableWriter>();

  constructor(tables: readonly Table[], out: OutputDir) {
    for (const table of tables) this.#writers.set(table, new TableWriter(table, out));
  }

  add(table: Table, rows: readonly Row[]): void {
    if (rows.length > 0) this.#writers.get(table)!.add(rows);
  }

  /** Closes every file; returns each table's row count. */
  close(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const writer of this.#writers.values()) {
      writer.close();
      counts.set(writer.table.name, writer.rows);
    }
    return counts;
  }
}
