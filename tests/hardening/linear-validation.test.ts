/**
 * Linear time, proven for validation: the validator runs in process on the valid fixture plus one article with N
 * mentions of one repeated word, each anchored by a unique prefix, for N = 10,000 and then 20,000. Doubling the
 * input may at most multiply the CPU time (best of three) by RATIO. Before the fix, 10,000 mentions took about 4 s
 * and 20,000 about 12 s (issue 26).
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
const RUNS = 3;
const ID = 'repeated-word';

/** The fixture article, renamed, with one paragraph of `n` times “aN Ukraine.” and one mention for each. */
function articleWith(n: number): Article {
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

const scratch = scratchDataset();

/** The best CPU time (user + system, ms) of RUNS validations of the dataset with an `n`-mention article. */
async function cpuMs(n: number): Promise<{ ms: number; findings: number }> {
  writeFileSync(join(scratch.dir, 'articles', `${ID}.json`), `${JSON.stringify(articleWith(n), null, 2)}\n`);
  let best = Infinity;
  let findings = 0;
  for (let run = 0; run < RUNS; run++) {
    const before = process.cpuUsage();
    const report = await validateData({ dataDir: scratch.dir, now: NOW, workers: 0 });
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
    findings = report.findings.length;
  }
  return { ms: best, findings };
}

const TITLE = `validation: ${SIZES[1]} mentions of one word cost at most ${RATIO} × ${SIZES[0]} (CPU, best of ${RUNS})`;

test(TITLE, async (t) => {
  try {
    const small = await cpuMs(SIZES[0]);
    const large = await cpuMs(SIZES[1]);
    const ratio = large.ms / small.ms;
    t.diagnostic(
      `${SIZES[0]}: ${small.ms.toFixed(0)} ms, ${SIZES[1]}: ${large.ms.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`,
    );
    // The article is valid: what is timed is the checking of valid data, not the reporting of findings.
    assert.equal(small.findings, 0, 'the 10,000-mention dataset validates clean');
    assert.equal(large.findings, 0, 'the 20,000-mention dataset validates clean');
    assert.ok(ratio <= RATIO, `doubling the mentions multiplied the CPU time by ${ratio.toFixed(2)} (> ${RATIO})`);
  } finally {
    scratch.dispose();
  }
});
