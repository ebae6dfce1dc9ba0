/**
 * The build formats CSV with its own RFC 4180 writer (`csvRow`), for speed; csv-stringify is the reference. These
 * tests prove the two give the same bytes: on adversarial cells, and on every table of a fresh build of data/ and of
 * a fixture build, recomputed from data.json and formatted by csv-stringify with `REFERENCE_OPTIONS`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { PublishedDataset } from '../types/index.ts';
import { csvCell, csvPath, csvRow, REFERENCE_OPTIONS } from '../scripts/publish/csv.ts';
import { RowMaker, tableModel, type Cell, type Table } from '../scripts/publish/table-model.ts';
import { ROOT } from './helpers.ts';
import { FIXTURE_DATA, readJson, REPO_DATA, sharedBuild } from './fixtures/publish/support.ts';

const reference = (rows: readonly (readonly Cell[])[]) => stringify(rows as Cell[][], REFERENCE_OPTIONS);

const ADVERSARIAL: Cell[] = [
  null,
  '',
  ' ',
  'plain',
  'a,b',
  ',',
  '"',
  '""',
  'say "hi"',
  '"quoted"',
  'line\nfeed',
  'carriage\rreturn',
  'crlf\r\nend',
  '\n',
  '\r',
  '\r\n',
  'trailing\n',
  '=SUM(A1:A2)',
  '+1',
  '-1',
  '@cmd',
  '\t=tab',
  '＝fullwidth',
  "'apostrophe",
  '𝔸stral 🚀 and ∑',
  '\uD83D', // a lone surrogate
  'comma, "quote" and\r\nbreak',
  ' leading and trailing ',
  0,
  -0,
  1,
  -1,
  12.5,
  -5e-7,
  1e21,
  Number.MAX_SAFE_INTEGER,
  true,
  false,
];

test('csvCell formats every adversarial cell exactly as csv-stringify does', () => {
  for (const cell of ADVERSARIAL) {
    assert.equal(csvRow([cell]), reference([[cell]]), `cell ${JSON.stringify(cell)}`);
    assert.equal(`${csvCell(cell)}\r\n`, reference([[cell]]), `cell ${JSON.stringify(cell)}`);
  }
});

test('an empty string and a null differ: `""` versus an empty cell', () => {
  assert.equal(csvRow(['', null, '']), '"",,""\r\n');
  assert.equal(csvRow([null]), '\r\n');
  assert.equal(reference([['', null, '']]), '"",,""\r\n');
});

test('csvRow matches csv-stringify on rows of adversarial cells in every order', () => {
  const rows: Cell[][] = [];
  for (let i = 0; i < ADVERSARIAL.length; i++) {
    rows.push([
      ADVERSARIAL[i]!,
      ADVERSARIAL[(i * 7 + 3) % ADVERSARIAL.length]!,
      ADVERSARIAL[(i * 13 + 5) % ADVERSARIAL.length]!,
    ]);
  }
  assert.equal(rows.map(csvRow).join(''), reference(rows));
});

/** Every CSV file of a build, recomputed from its data.json and formatted by csv-stringify. */
function assertTablesMatchReference(out: string): void {
  const dataset = readJson<PublishedDataset>(join(out, 'data.json'));
  const model = tableModel(join(ROOT, 'schemas'));
  const maker = new RowMaker(model);
  const rows = new Map<Table, Cell[][]>(model.tables.map((t) => [t, [t.columns.map((c) => c.name)]]));
  for (const table of model.tables.filter((t) => !t.parent)) {
    for (const record of dataset[table.collection])
      maker.rows(table.collection, record, (t, made) => rows.get(t)!.push(...made));
  }
  let rowsSeen = 0;
  for (const [table, cells] of rows) {
    rowsSeen += cells.length - 1;
    const written = readFileSync(join(out, csvPath(table.name)), 'utf8');
    assert.equal(written, reference(cells), `${csvPath(table.name)} differs from csv-stringify's output`);
  }
  assert.ok(rowsSeen > 0, 'the build has rows to compare');
}

test('every table of a fresh build of data/ is byte-identical to csv-stringify output', () => {
  assertTablesMatchReference(sharedBuild(REPO_DATA));
});

test('every table of the fixture build (astral characters, quotes, formulas, CRLF) is byte-identical to csv-stringify output', () => {
  assertTablesMatchReference(sharedBuild(FIXTURE_DATA));
});
