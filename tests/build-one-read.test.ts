/**
 * Reads and searches: the build reads each record file twice (once to validate, once, strictly, to publish the
 * canonical stream) and the publisher finds each selector once. Counted with the trace seam (scripts/lib/trace.ts)
 * from a real build. And the one order: records sorted by id (JS `<`), also when one id is a prefix of another.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, runScript } from './helpers.ts';
import { extraArticles } from './extra-articles.ts';
import { build, FIXTURE_DATA, REPO_DATA, tempDir } from './fixtures/publish/support.ts';
import { readLayout } from '../scripts/checks/layout.ts';
import { selectorsIn } from '../scripts/checks/selectors.ts';
import { COLLECTIONS } from '../scripts/lib/collections.ts';
import { readLines } from '../scripts/lib/lines.ts';
import { jsonlPath } from '../scripts/publish/formats/json.ts';

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
  test(`a build of ${name} reads each record file twice and the publisher searches each selector once`, () => {
    const counts = tracedBuild(dataDir);
    const records = readLayout(dataDir).records;
    assert.ok(records.length > 0);
    for (const { path } of records) assert.equal(counts.get(`read ${resolve(path)}`), 2, `${path} is read twice`);
    const searched = new Map<string, number>();
    for (const { collection, path } of records) {
      if (collection !== 'articles') continue;
      const article = JSON.parse(readFileSync(path, 'utf8')) as { annotations: unknown };
      for (const [, selector] of selectorsIn(article.annotations, '/annotations')) {
        const event = `search ${JSON.stringify(selector.exact)}`;
        searched.set(event, (searched.get(event) ?? 0) + 1);
      }
    }
    for (const [event, times] of searched) assert.equal(counts.get(event), times, `${event}: once per selector`);
    const searches = [...counts].filter(([event]) => event.startsWith('search ')).reduce((n, [, c]) => n + c, 0);
    assert.equal(
      searches,
      [...searched.values()].reduce((n, c) => n + c, 0),
      'no other search',
    );
  });
}

test('the canonical stream is sorted by id with JS `<`, also when an id is a prefix of another', () => {
  const data = join(tempDir('order-'), 'data');
  cpSync(FIXTURE_DATA, data, { recursive: true });
  // Two articles renamed `x` and `x-copy`: `x-copy.json` sorts before `x.json` by file name (`-` < `.`), but `x` <
  // `x-copy` by id. And an entity `y-copy` beside `y`.
  const [first, second] = extraArticles(2);
  for (const [added, id] of [
    [first!, 'order-x'],
    [second!, 'order-x-copy'],
  ] as const) {
    for (const [path, text] of added.files) {
      const renamed = path === `articles/${added.id}.json`;
      writeFileSync(
        join(data, renamed ? `articles/${id}.json` : path),
        renamed ? text.replace(`"id": "${added.id}"`, `"id": "${id}"`) : text,
      );
    }
  }
  const [entity] = readLayout(data).records.filter((r) => r.collection === 'entities');
  const original = JSON.parse(readFileSync(entity!.path, 'utf8')) as { id: string; name: string };
  const copy = { ...original, id: `${original.id}-copy`, name: `${original.name} (a copy)` };
  writeFileSync(join(data, 'entities', `${copy.id}.json`), `${JSON.stringify(copy, null, 2)}\n`);
  const out = build(data);
  for (const { name } of COLLECTIONS) {
    const ids = [...readLines(join(out, jsonlPath(name)))].map((line) => (JSON.parse(line) as { id: string }).id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      `${name} sorted by id`,
    );
    if (name === 'entities') assert.ok(ids.indexOf(original.id) < ids.indexOf(copy.id), `${original.id} first`);
    if (name === 'articles')
      assert.ok(ids.indexOf('order-x') >= 0 && ids.indexOf('order-x') < ids.indexOf('order-x-copy'));
  }
});
