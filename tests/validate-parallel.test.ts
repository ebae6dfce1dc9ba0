/** Worker threads change how fast the validator runs, never what it reports. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateData } from '../scripts/checks/run.ts';
import { mapInParallel, CHUNK_SIZE } from '../scripts/checks/pool.ts';
import { RULES } from '../scripts/checks/rules/index.ts';
import { summaryParts } from '../scripts/checks/rule.ts';
import { schemaValidators } from '../scripts/checks/schema.ts';
import { checkFile, type FileJob, type FileResult } from '../scripts/checks/check-file.ts';
import { scratchDataset, NOW, FIXTURE_ARTICLE } from '../scripts/checks/test-kit.ts';
import { ROOT } from './helpers.ts';
import { EMPTY_REGISTRY } from '../scripts/checks/registry.ts';

/** Enough articles for several chunks, some broken in every way a worker must report like the main thread. */
function largeBrokenDataset(dir: string): void {
  const base = JSON.parse(readFileSync(join(dir, FIXTURE_ARTICLE), 'utf8'));
  for (let i = 0; i < CHUNK_SIZE * 3; i++) {
    const a = structuredClone(base);
    a.id = `copy-${String(i).padStart(3, '0')}`;
    // Distinct bodies and URLs, except for a few deliberate duplicates below.
    a.url = `https://ledger.example/copy-${i}`;
    a.body[0].text = `${a.body[0].text} Copy number ${i} of the report.`;
    if (i % 17 === 3) a.annotations.mentions[0].selector.exact = 'Ukraina'; // not grounded
    if (i % 23 === 5) a.publisher = 7; // schema
    if (i % 29 === 7) a.url = base.url; // same URL as the fixture article: “first” must be the same file
    if (i % 31 === 9) a.id = `renamed-${i}`; // id does not match the file name
    const text = `${JSON.stringify(a, null, 2)}\n`;
    writeFileSync(
      join(dir, 'articles', `copy-${String(i).padStart(3, '0')}.json`),
      i % 37 === 11 ? text.replace('"id"', '"id": "x", "id"') : text,
    );
  }
  writeFileSync(join(dir, 'articles', 'copy-broken.json'), '{"id": ');
}

test('with worker threads the findings are exactly those of a single thread', async (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  largeBrokenDataset(dir);
  const serial = await validateData({ dataDir: dir, now: NOW, workers: 0 });
  const rules = new Set(serial.findings.map((f) => f.rule));
  for (const rule of ['grounding', 'schema', 'duplicates', 'ids', 'duplicate-key', 'json-syntax'])
    assert.ok(rules.has(rule), `expected a ${rule} finding`);
  const threaded = await validateData({ dataDir: dir, now: NOW, workers: 2, mainThread: 'none' });
  assert.deepEqual(threaded, serial);
  assert.deepEqual(await validateData({ dataDir: dir, now: NOW, workers: 1, mainThread: 'warm-up' }), serial);
  const chosen = join(dir, 'articles', 'copy-003.json');
  assert.deepEqual(
    await validateData({ dataDir: dir, now: NOW, workers: 1, mainThread: 'none', paths: [chosen] }),
    await validateData({ dataDir: dir, now: NOW, workers: 0, paths: [chosen] }),
  );
});

test('the pool really hands files to a worker thread, and gives them all back', async (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  largeBrokenDataset(dir);
  const jobs: FileJob[] = Array.from({ length: CHUNK_SIZE * 3 }, (_, i) => {
    const file = join(dir, 'articles', `copy-${String(i).padStart(3, '0')}.json`);
    return {
      index: i,
      collection: 'articles',
      fileId: `copy-${String(i).padStart(3, '0')}`,
      path: file,
      reporting: true,
    };
  });
  const schemaDir = join(ROOT, 'schemas');
  const none = {
    articles: new Set<string>(),
    entities: new Set<string>(),
    outlets: new Set<string>(),
    redirects: new Set<string>(),
  };
  const seen: number[] = [];
  const { byWorkers } = await mapInParallel(
    jobs,
    () => (job: FileJob) =>
      checkFile(job, {
        validators: schemaValidators(schemaDir),
        rules: RULES,
        parts: summaryParts(RULES),
        known: { articles: new Set(), entities: new Set(), outlets: new Set(), redirects: new Set() },
        registry: EMPTY_REGISTRY,
        now: NOW,
      }),
    {
      module: new URL('../scripts/checks/worker.ts', import.meta.url),
      workers: 1,
      mainThread: 'none',
      setup: () => ({
        schemaDir,
        ruleNames: RULES.map((r) => r.name),
        known: none,
        registry: EMPTY_REGISTRY,
        now: NOW.getTime(),
        cacheable: false,
      }),
    },
    (result: FileResult) => seen.push(result.index),
  );
  assert.equal(byWorkers, jobs.length);
  assert.deepEqual(
    seen.sort((a, b) => a - b),
    jobs.map((j) => j.index),
  );
});
