/**
 * One read per file: the build reads and parses each record file once (validation hands the publisher each record;
 * the registries' facts are still read once more, before checking) and finds each selector once (where the
 * grounding rule checks it). Counted with the trace seam
 * (scripts/lib/trace.ts), from every thread of a real build; and the validator's feed, in process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT, runScript } from './helpers.ts';
import { FIXTURE_DATA, REPO_DATA, tempDir } from './fixtures/publish/support.ts';
import { readLayout } from '../scripts/checks/layout.ts';
import { selectorsIn } from '../scripts/checks/selectors.ts';
import { validateData } from '../scripts/checks/run.ts';
import { publishOrder, type RecordFeed } from '../scripts/checks/record-feed.ts';
import type { Collection } from '../scripts/lib/collections.ts';
import type { FileJob, PublishedRecord } from '../scripts/checks/check-file.ts';

/** The trace of one build of `dataDir`: each event with how often it happened. */
function tracedBuild(dataDir: string): Map<string, number> {
  const dir = tempDir('one-read-');
  const log = join(dir, 'trace.log');
  const result = runScript('build.ts', ['--data', dataDir, '--out', join(dir, 'dist')], ROOT, {
    ANNOTATED_NEWS_TRACE: log,
  });
  assert.equal(result.code, 0, result.stderr);
  const counts = new Map<string, number>();
  for (const line of readFileSync(log, 'utf8').split('\n')) if (line) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

for (const [name, dataDir] of [
  ['the fixture data', FIXTURE_DATA],
  ["the repository's data", REPO_DATA],
] as const) {
  test(`a build of ${name} reads each record file once and finds each selector once`, () => {
    const counts = tracedBuild(dataDir);
    const records = readLayout(dataDir).records;
    assert.ok(records.length > 0);
    for (const { path } of records) assert.equal(counts.get(`read ${resolve(path)}`), 1, `${path} is read once`);
    // Not yet one read for the registries: the validator first reads entities and outlets leniently for the facts
    // article rules look up (./scripts/checks/registry.ts), once each; articles and redirects only once in all.
    for (const { collection, path } of records) {
      const facts = counts.get(`read-facts ${resolve(path)}`);
      assert.equal(facts, collection === 'entities' || collection === 'outlets' ? 1 : undefined, path);
    }
    let selectors = 0;
    for (const { collection, path } of records) {
      if (collection !== 'articles') continue;
      const article = JSON.parse(readFileSync(path, 'utf8')) as { annotations: unknown };
      for (const [pointer] of selectorsIn(article.annotations, '/annotations')) {
        selectors++;
        assert.equal(
          counts.get(`ground ${relative(ROOT, path)}#${pointer}`),
          1,
          `${path}#${pointer} is found once, by grounding`,
        );
      }
    }
    // The publisher places every selector where grounding found it: it searches for none.
    assert.deepEqual(
      [...counts.keys()].filter((event) => event.startsWith('search ')),
      [],
    );
    if (dataDir === FIXTURE_DATA) assert.ok(selectors > 0, 'the fixture has selectors');
  });
}

/** A feed that records what it is given and finishes each batch at once. */
function recordingFeed() {
  const pushed: Array<{ collection: Collection; record: PublishedRecord }> = [];
  let ended = 0;
  let abandoned = 0;
  const feed: RecordFeed = {
    push: (collection, records) => pushed.push(...records.map((record) => ({ collection, record }))),
    end: () => ended++,
    abandon: () => abandoned++,
    consumed: () => pushed.length,
    onProgress: () => {},
    open: () => abandoned === 0,
  };
  return { feed, pushed, ended: () => ended, abandoned: () => abandoned };
}

test('validation with a feed hands over every record once, in publish order, with the same findings', async () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const { feed, pushed, ended, abandoned } = recordingFeed();
  const fed = await validateData({ dataDir: FIXTURE_DATA, now, feed });
  const plain = await validateData({ dataDir: FIXTURE_DATA, now });
  assert.deepEqual(fed, plain);
  assert.equal(ended(), 1);
  assert.equal(abandoned(), 0);
  const records = readLayout(FIXTURE_DATA).records;
  const jobs: FileJob[] = records.map((r, index) => ({
    index,
    collection: r.collection,
    fileId: r.id,
    path: r.path,
    reporting: true,
  }));
  const order = publishOrder(jobs);
  assert.deepEqual(
    pushed.map((p) => p.collection),
    order.map((job) => job.collection),
  );
  // Each record is the file's record: ids in publish order, articles with their index entry.
  assert.deepEqual(
    pushed.map((p) => (JSON.parse(p.record.json) as { id: string }).id),
    order.map((job) => job.fileId),
  );
  for (const { collection, record } of pushed) assert.equal(record.summary !== undefined, collection === 'articles');
});

test('validation with a feed abandons it at the first file with an error, and the findings do not change', async () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const data = join(tempDir('one-read-invalid-'), 'data');
  cpSync(FIXTURE_DATA, data, { recursive: true });
  const article = readLayout(data).records.find((r) => r.collection === 'articles')!;
  assert.ok(existsSync(article.path));
  writeFileSync(article.path, readFileSync(article.path, 'utf8').replace(/"exact": "/, '"exact": "not in the text '));
  const { feed, ended, abandoned } = recordingFeed();
  const fed = await validateData({ dataDir: data, now, feed });
  const plain = await validateData({ dataDir: data, now });
  assert.ok(plain.findings.some((f) => f.severity === 'error' && f.rule === 'grounding'));
  assert.deepEqual(fed, plain);
  assert.equal(abandoned(), 1);
  assert.equal(ended(), 0);
});
