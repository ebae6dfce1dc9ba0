/**
 * Linear time, proven for validation: the validator runs in process on the valid fixture plus one article with N
 * annotations, for N = 10,000 and then 20,000. Doubling the input may at most multiply the CPU time (best of three)
 * by RATIO. Two inputs: N mentions of one repeated word, each anchored by a unique prefix (before the fix, 10,000
 * took about 4 s and 20,000 about 12 s; issue 26), and N events on N distinct words (before the fix, 0.64 s and
 * 2.2 s: every distinct `exact` was a scan of the whole text).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateData } from '../../scripts/checks/run.ts';
import { FIXTURE_ARTICLE, NOW, scratchDataset } from '../../scripts/checks/test-kit.ts';
import type { Article } from '../../types/index.ts';

const RATIO = 2.5;
const SIZES = [10_000, 20_000] as const;
const RUNS = 5;
const ID = 'repeated-word';

/** The fixture article, renamed, with one paragraph of `n` times “aN Ukraine.” and one mention for each. */
function repeatedWord(n: number): Article {
  const base = JSON.parse(readFileSync(join(scratch.dir, FIXTURE_ARTICLE), 'utf8')) as Article;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`a${i} Ukraine.`);
  const empty = Object.fromEntries(Object.keys(base.annotations).map((key) => [key, []]));
  return {
    ...base,
    id: ID,
    url: 'https://ledger.example/2025/01/repeated-word',
    headline: { ...base.headline, text: 'The same word, many times' },
    body: [{ type: 'paragraph', text: parts.join(' ') }],
    annotations: {
      ...empty,
      mentions: Array.from({ length: n }, (_, i) => ({
        id: `m-${i}`,
        selector: { exact: 'Ukraine', prefix: `a${i} ` },
        entity: 'ukraine',
        form: 'name',
      })),
    } as unknown as Article['annotations'],
    inferences: [],
  };
}

/** The fixture article, renamed, with one paragraph of `n` distinct words “xNy” among prose, and an event on each. */
function distinctWords(n: number): Article {
  const base = repeatedWord(0);
  const words = Array.from({ length: n }, (_, i) => `x${i}y`);
  const event = (word: string, i: number) => ({
    id: `e-${i}`,
    selector: { exact: word },
    description: 'A word',
    entity: null,
    setting: null,
    place: null,
    participants: [],
    time: null,
  });
  return {
    ...base,
    // Prose between the words: every scan of the text costs more, the search for all of them hardly.
    body: [{ type: 'paragraph', text: words.join(' and the rest of the sentence, then ') }],
    annotations: { ...base.annotations, events: words.map(event) },
  };
}

const scratch = scratchDataset();

/** The CPU time (user + system, ms) of one validation of the dataset with `article`, and its findings. */
async function cpuMs(article: Article): Promise<{ ms: number; findings: number }> {
  // Compact, so 20,000 events fit in a file.
  writeFileSync(join(scratch.dir, 'articles', `${ID}.json`), `${JSON.stringify(article)}\n`);
  const before = process.cpuUsage();
  const report = await validateData({ dataDir: scratch.dir, now: NOW });
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, findings: report.findings.length };
}

test.after(() => scratch.dispose());

for (const [what, article] of [
  ['mentions of one word', repeatedWord],
  ['events on distinct words', distinctWords],
] as const) {
  test(`validation: ${SIZES[1]} ${what} cost at most ${RATIO} × ${SIZES[0]} (CPU, best of ${RUNS})`, async (t) => {
    const inputs = [article(SIZES[0]), article(SIZES[1])] as const;
    await cpuMs(inputs[1]); // warm up
    // The sizes alternate, so the state of the heap weighs on both alike; the best of each counts.
    const small = { ms: Infinity, findings: 0 };
    const large = { ms: Infinity, findings: 0 };
    for (let run = 0; run < RUNS; run++)
      for (const [input, best] of [
        [inputs[0], small],
        [inputs[1], large],
      ] as const) {
        const { ms, findings } = await cpuMs(input);
        best.ms = Math.min(best.ms, ms);
        best.findings = Math.max(best.findings, findings);
      }
    const ratio = large.ms / small.ms;
    t.diagnostic(
      `${SIZES[0]}: ${small.ms.toFixed(0)} ms, ${SIZES[1]}: ${large.ms.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`,
    );
    // The article is valid: what is timed is the checking of valid data, not the reporting of findings.
    assert.equal(small.findings, 0, `the ${SIZES[0]}-annotation dataset validates clean`);
    assert.equal(large.findings, 0, `the ${SIZES[1]}-annotation dataset validates clean`);
    assert.ok(ratio <= RATIO, `doubling the annotations multiplied the CPU time by ${ratio.toFixed(2)} (> ${RATIO})`);
  });
}
