/**
 * `npm run agreement`: the statistics against values computed by hand, and the command on two annotations of a
 * small article of its own (the validation fixture).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript } from './helpers.ts';
import { scratchDataset, FIXTURE_ARTICLE } from '../scripts/checks/test-kit.ts';
import { cohenKappa, compareLayer, f1, pairSpans, type LayerAgreement, type Span } from '../scripts/lib/agreement.ts';
import type { Article } from '../types/index.ts';

const span = (id: string, start: number, end: number, labels: Record<string, string> = {}): Span => ({
  id,
  start,
  end,
  text: id,
  labels,
});

test("Cohen's kappa: the textbook 2×2 table, a small case by hand, and the undefined case", () => {
  // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15. pₒ = 0.7; pₑ = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.4.
  const a = [...Array<string>(25).fill('yes'), ...Array<string>(25).fill('no')];
  const b = [
    ...Array<string>(20).fill('yes'),
    ...Array<string>(5).fill('no'),
    ...Array<string>(10).fill('yes'),
    ...Array<string>(15).fill('no'),
  ];
  assert.ok(Math.abs(cohenKappa(a, b)! - 0.4) < 1e-12);
  // pₒ = 3/4; pₑ = 0.5·0.25 + 0.5·0.75 = 0.5; κ = 0.5.
  assert.ok(Math.abs(cohenKappa(['x', 'x', 'y', 'y'], ['x', 'y', 'y', 'y'])! - 0.5) < 1e-12);
  assert.equal(cohenKappa(['x', 'y'], ['x', 'y']), 1);
  assert.equal(cohenKappa(['x', 'x'], ['x', 'x']), null, 'one label only: pₑ = 1');
  assert.equal(cohenKappa([], []), null);
});

test('span F1, exact and overlapping, and one-to-one pairing by the largest overlap', () => {
  const a = [span('a1', 0, 5), span('a2', 10, 15), span('a3', 20, 25)];
  const b = [span('b1', 0, 5), span('b2', 11, 15), span('b3', 30, 35)];
  const layer = compareLayer('mentions', a, b);
  assert.deepEqual(layer.exact, { matches: 1, f1: 2 / 6 });
  assert.deepEqual(layer.overlap, { matches: 2, f1: 4 / 6 });
  assert.deepEqual(
    layer.disagreements.map((d) => `${d.kind}:${d.a?.id ?? ''}:${d.b?.id ?? ''}`),
    ['boundary:a2:b2', 'only-a:a3:', 'only-b::b3'],
  );
  assert.equal(f1(0, 0, 0), null);
  // [0,10) overlaps [0,3) by 3 and [2,10) by 8: it pairs with the larger.
  const pairs = pairSpans([span('x', 0, 10)], [span('p', 0, 3), span('q', 2, 10)], false);
  assert.deepEqual(
    pairs.map(([x, y]) => `${x.id}-${y.id}`),
    ['x-q'],
  );
});

test('labels: kappa over matched spans, and each differing label listed', () => {
  const a = [span('a1', 0, 5, { form: 'name' }), span('a2', 10, 15, { form: 'name' })];
  const b = [span('b1', 0, 5, { form: 'name' }), span('b2', 10, 15, { form: 'nominal' })];
  const layer = compareLayer('mentions', a, b);
  // pₒ = 1/2; pₑ = 1·0.5 + 0·0.5 = 0.5; κ = 0.
  assert.deepEqual(layer.labels, [{ label: 'form', pairs: 2, observed: 0.5, kappa: 0 }]);
  assert.deepEqual(
    layer.disagreements.map((d) => `${d.kind}:${d.label}:${d.a!.labels.form}/${d.b!.labels.form}`),
    ['label:form:name/nominal'],
  );
});

test('npm run agreement: two annotations of one article, as text and as JSON; different texts are refused', (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  const fileA = join(dir, FIXTURE_ARTICLE);
  const article = JSON.parse(readFileSync(fileA, 'utf8')) as Article;
  const mention = article.annotations.mentions[0]!;
  article.annotations.mentions = [{ ...mention, form: mention.form === 'name' ? 'nominal' : 'name' }];
  const fileB = join(dir, 'b.json');
  writeFileSync(fileB, JSON.stringify(article));
  const same = runScript('agreement.ts', [fileA, fileA, '--json']);
  assert.equal(same.code, 0, same.stderr);
  for (const layer of (JSON.parse(same.stdout) as { layers: LayerAgreement[] }).layers) {
    assert.deepEqual(layer.disagreements, [], layer.layer);
    if (layer.a > 0) assert.equal(layer.exact.f1, 1, layer.layer);
  }
  const text = runScript('agreement.ts', [fileA, fileB]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /form: A (name|nominal) ≠ B (name|nominal)/);
  assert.doesNotMatch(text.stdout, /NaN|undefined/);
  article.body[0]!.text = `${article.body[0]!.text} More.`;
  writeFileSync(fileB, JSON.stringify(article));
  const refused = runScript('agreement.ts', [fileA, fileB]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /annotate different texts: they first differ in body block 1, at character \d+/);
  assert.doesNotMatch(refused.stderr, /\n\s+at /);
});
