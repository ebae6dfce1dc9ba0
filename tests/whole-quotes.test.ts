/**
 * Whole quotes and dataset-unique annotation keys: the quotes table's `full_text` is the quote's passages in order,
 * joined by the documented separator (as the package's `quoteText`), and every annotation table has a `global_id`
 * (`<article>:<id>`) unique across articles that reuse the same annotation ids.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SchemaFields } from '../scripts/publish/schema-fields.ts';
import { RowMaker, TableModel, type Row, type Table } from '../scripts/publish/table-model.ts';
import { QUOTE_SEPARATOR, quoteText } from '../runtime/dataset.ts';
import { ROOT } from './helpers.ts';

const model = new TableModel(new SchemaFields(join(ROOT, 'schemas')));
const ANNOTATION_TABLES = ['mentions', 'quotes', 'figures', 'cited_sources', 'events', 'claims', 'inferences'];

function rowsOf(articles: object[]): Map<string, Array<Record<string, unknown>>> {
  const out = new Map<string, Array<Record<string, unknown>>>();
  const maker = new RowMaker(model);
  for (const article of articles)
    maker.rows('articles', article, (table: Table, rows: Row[]) => {
      const named = rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]])));
      out.set(table.name, [...(out.get(table.name) ?? []), ...named]);
    });
  return out;
}

const quote = (id: string, exact: string, continuations: string[]) => ({
  id,
  selector: { exact },
  continuations: continuations.map((c) => ({ exact: c })),
  kind: 'direct',
  source: { kind: 'unnamed', entity: null, affiliation: null, selector: null },
  cue: [],
  hedges: [],
  outlet: null,
});
const article = (id: string, quotes: object[]) => ({
  id,
  body: [{ type: 'paragraph', text: 'x' }],
  annotations: { mentions: [], quotes, figures: [], citedSources: [], events: [], claims: [] },
  inferences: [{ id: 'inf-1', about: 'article', field: '/url', value: 'v', rationale: 'r', confidence: 'low' }],
  keywords: [],
});

test('quotes: full_text joins the first passage and the continuations in order with " … ", as quoteText does', () => {
  assert.equal(QUOTE_SEPARATOR, ' … ');
  const two = quote('q-1', 'We will rebuild', ['Every region matters.', 'And soon.']);
  const rows = rowsOf([article('a', [two, quote('q-2', 'Alone.', [])])]).get('quotes')!;
  const byId = new Map(rows.map((r) => [r.id, r]));
  assert.equal(byId.get('q-1')!.full_text, 'We will rebuild … Every region matters. … And soon.');
  assert.equal(byId.get('q-1')!.full_text, quoteText(two as Parameters<typeof quoteText>[0]));
  assert.equal(byId.get('q-2')!.full_text, 'Alone.');
  const column = model.table('quotes').columns.find((c) => c.name === 'full_text')!;
  assert.match(column.facts.description, /continuations .* in order, joined by " … "/);
});

test('annotation tables: global_id is <article>:<id>, unique across articles that reuse an id', () => {
  const tables = rowsOf([article('x', [quote('q-1', 'A', [])]), article('x-copy', [quote('q-1', 'A', [])])]);
  for (const name of ANNOTATION_TABLES) {
    const column = model.table(name).columns.find((c) => c.name === 'global_id');
    assert.ok(column, `${name} has no global_id`);
    assert.match(column.facts.description, /unique only within its article/);
  }
  const quotes = tables.get('quotes')!;
  assert.deepEqual(quotes.map((r) => r.global_id).sort(), ['x-copy:q-1', 'x:q-1']);
  assert.deepEqual(
    tables
      .get('inferences')!
      .map((r) => r.global_id)
      .sort(),
    ['x-copy:inf-1', 'x:inf-1'],
  );
});
