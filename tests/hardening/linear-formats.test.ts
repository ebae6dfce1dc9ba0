/**
 * Linear time, proven for the build's stages that the other doubling tests do not time: the canonical stream's
 * positioning (scripts/publish/positions.ts), the JSON formats (`json`, `articles`), the tables (CSV and Parquet by
 * DuckDB) and SQLite. Each is timed on an article with N mentions of one word, each told apart by its suffix, and on
 * the same with 2N: the CPU time (user + system, every thread of the process, so DuckDB's too; best of three, the
 * sizes alternating after a warm-up) may at most be multiplied by RATIO; positioning is also timed on N distinct
 * words. Before the fix,
 * positioning 10,000 mentions took 0.6 s and 20,000 2.0 s (every selector searched the whole text twice), and N
 * distinct words as much (every distinct `exact` scanned the whole text). Validation: linear-validation.test.ts; the
 * annotation exports: tests/interop-build.test.ts; the site: tests/site-scale.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { Entity } from '../../types/index.ts';
import type { Format } from '../../scripts/publish/formats/format.ts';
import { articles, json } from '../../scripts/publish/formats/json.ts';
import { tables } from '../../scripts/publish/formats/tables.ts';
import { sqlite } from '../../scripts/publish/formats/sqlite.ts';
import { positionArticle } from '../../scripts/publish/positions.ts';
import { canonicalStream, cpuMs, repeatedWordArticle, writeFormats } from './support.ts';

const RATIO = 2.5;
const RUNS = 5;
const WORD: Entity = { id: 'word', kind: 'topic', name: 'word', aliases: [], demonyms: [], roles: [], identifiers: {} };

/**
 * Times `run` on the inputs `prepare` makes (untimed) for `n` and `2n`, alternately, RUNS times each after a warm-up,
 * and fails when the ratio of the best times exceeds RATIO. `dispose` cleans the inputs up.
 */
async function doubling<T>(
  t: { diagnostic: (message: string) => void },
  what: string,
  n: number,
  prepare: (n: number) => T | Promise<T>,
  run: (input: T) => unknown,
  dispose: (input: T) => void = () => {},
): Promise<void> {
  const inputs = [await prepare(n), await prepare(2 * n)];
  try {
    await run(inputs[0]!);
    const best = [Infinity, Infinity];
    for (let i = 0; i < RUNS; i++)
      for (const k of [0, 1]) best[k] = Math.min(best[k]!, await cpuMs(() => run(inputs[k]!)));
    const [small, large] = best as [number, number];
    const message =
      `${what}: ${n} mentions ${small.toFixed(0)} ms, ${2 * n} ${large.toFixed(0)} ms ` +
      `(CPU, best of ${RUNS}, alternately)`;
    t.diagnostic(message);
    assert.ok(large / small <= RATIO, `${message}: the ratio ${(large / small).toFixed(2)} is more than ${RATIO}`);
  } finally {
    inputs.forEach(dispose);
  }
}

test('the canonical stream positions 40,000 mentions of one word in at most 2.5 × the time of 20,000', (t) =>
  doubling(t, 'positioning', 20_000, repeatedWordArticle, (article) => positionArticle(article)));

/** The repeated-word article with every mention's `exact` a distinct word (`word3x` for the fourth). */
function distinctWords(n: number) {
  const article = repeatedWordArticle(n);
  article.body = [
    { type: 'paragraph', text: Array.from({ length: n }, (_, i) => `word${i}x`).join(' and the rest, then ') },
  ];
  article.annotations.mentions = article.annotations.mentions.map((m, i) => ({
    ...m,
    selector: { exact: `word${i}x` },
  }));
  return article;
}

test('the canonical stream positions 40,000 distinct words in at most 2.5 × the time of 20,000', (t) =>
  doubling(t, 'positioning distinct words', 20_000, distinctWords, (article) => positionArticle(article)));

/** A canonical stream of one n-mention article, with the outputs of `before` written (untimed). */
const streamWith = (before: Format[]) => async (n: number) => {
  const root = canonicalStream([repeatedWordArticle(n)], [WORD]);
  await writeFormats(root, before);
  return root;
};
const remove = (root: string) => rmSync(root, { recursive: true, force: true });

// The JSON formats cost little per mention: more of them, each written `times` times, so that what is timed is more
// than the noise (not many more: past 100,000 mentions, a line of 20 MB costs more per byte to allocate).
for (const [format, before, n, times] of [
  [json, [], 40_000, 3],
  [articles, [], 40_000, 3],
  [tables, [], 20_000, 1],
  [sqlite, [tables], 20_000, 1],
] as const) {
  const run = async (root: string) => {
    for (let i = 0; i < times; i++) await writeFormats(root, [format]);
  };
  test(`${format.name}: ${2 * n} mentions of one word cost at most 2.5 × ${n}`, (t) =>
    doubling(t, format.name, n, streamWith([...before]), run, remove));
}
