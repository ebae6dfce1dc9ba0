/**
 * Bounded work: the hints over text (the closest passage to a selector that is not found, the shortest selector
 * that settles an ambiguous one) have a cost bound, so no record can make validation take more than a moment.
 * Each case must finish within 2 s, or, on a machine so loaded that it cannot, within 40 times a linear pass over
 * the same text measured in the same run (lower-casing it and scanning it ten times). Before the bounds, the first
 * case took about 60 s, thousands of such passes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { grounding } from '../../scripts/checks/rules/grounding.ts';
import { VALID_FIXTURE, FIXTURE_ARTICLE, NOW } from '../../scripts/checks/test-kit.ts';
import { closestPassage, MAX_HINT_EXACT } from '../../scripts/checks/selectors.ts';
import { minimalSelector } from '../../scripts/lib/text-quote.ts';
import type { Article } from '../../types/index.ts';
import { seededRandom } from './support.ts';

const LIMIT_MS = 2000;
const RATIO = 40;

/** The time of a linear pass over `text`, ten times (the baseline the bound is relative to on a loaded machine). */
function linearPassMs(text: string): number {
  const started = performance.now();
  for (let i = 0; i < 10; i++) if (text.toLowerCase().indexOf('\u0000') !== -1) break;
  return performance.now() - started;
}

function assertBounded(ms: number, text: string, what: string): void {
  if (ms < LIMIT_MS) return;
  const baseline = linearPassMs(text);
  assert.ok(
    ms < RATIO * baseline,
    `${what} took ${ms.toFixed(0)} ms, more than ${LIMIT_MS} ms and ${RATIO} × a linear pass ` +
      `(${baseline.toFixed(0)} ms)`,
  );
}
const base = JSON.parse(readFileSync(join(VALID_FIXTURE, FIXTURE_ARTICLE), 'utf8')) as Article;

/** Pseudo-random prose of about `length` characters (deterministic). */
function prose(length: number, seed: number): string {
  const random = seededRandom(seed);
  const words = [
    'grid',
    'power',
    'repair',
    'energy',
    'station',
    'minister',
    'said',
    'the',
    'of',
    'winter',
    'Kyiv',
    'crews',
    'cable',
  ];
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const word =
      words[Math.floor(random() * words.length)]! + (random() < 0.3 ? String(Math.floor(random() * 1000)) : '');
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ');
}

function groundingOn(body: string, exact: string) {
  const record = structuredClone(base);
  record.body = [{ ...record.body[0]!, text: body }];
  // Only one mention: every other annotation list emptied, whatever lists the model has.
  const empty = Object.fromEntries(Object.keys(record.annotations).map((key) => [key, []]));
  record.annotations = {
    ...empty,
    mentions: [{ ...record.annotations.mentions[0]!, selector: { exact } }],
  } as unknown as Article['annotations'];
  const started = performance.now();
  const issues = grounding.check({
    collection: 'articles',
    record,
    file: 'x.json',
    fileId: record.id,
    now: NOW,
  });
  return { issues, ms: performance.now() - started };
}

test('a 400 KB exact not in a 2 MB paragraph gets its hint within the bound; the hint says it was capped', () => {
  const body = prose(2_000_000, 1);
  const exact = `${prose(400_000, 2)} unmatched`;
  const { issues, ms } = groundingOn(body, exact);
  assertBounded(ms, body, 'the closest-passage hint');
  assert.equal(issues.length, 1);
  assert.match(issues[0]!.message, /is not in the article text/);
  if (/Closest passage/.test(issues[0]!.hint))
    assert.match(issues[0]!.hint, new RegExp(`first ${MAX_HINT_EXACT} characters`));
});

test('an ambiguous one-letter selector in a 1 MB paragraph of repeats gets its hint within the bound', () => {
  const body = Array.from({ length: 500_000 }, () => 'a').join(' ');
  const { issues, ms } = groundingOn(body, 'a');
  assertBounded(ms, body, 'the ambiguous-selector hint');
  assert.equal(issues.length, 1);
  assert.match(issues[0]!.message, /occurs 500000 times/);
});

test('the hint helpers stay bounded on adversarial inputs without spaces', () => {
  const text = 'x'.repeat(2_000_000);
  let started = performance.now();
  assert.throws(() => minimalSelector(text, 1_000_000, 1_000_001), /within the work budget|No selector/);
  assertBounded(performance.now() - started, text, 'minimalSelector');
  started = performance.now();
  closestPassage(text, 'y'.repeat(400_000));
  assertBounded(performance.now() - started, text, 'closestPassage');
  // Bounds do not cost the ordinary case its answer.
  assert.deepEqual(minimalSelector('one two one three', 8, 11), { exact: 'one', prefix: 'two ' });
  assert.equal(
    closestPassage('The minister said the grid was repaired.', 'the grid was repiared')?.passage,
    'the grid was repaired',
  );
});
