/** The JSON outputs: data.json, index.json, per-article files, JSON Lines, derived offsets, versions and checksums. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PositionedSelector, PublishedArticleFile, PublishedDataset, PublishedIndex } from '../types/index.ts';
import { OUTPUT_MARKER } from '../scripts/lib/output-target.ts';
import { NOT_IN_NPM } from '../scripts/publish/formats/metadata.ts';
import { ROOT } from './helpers.ts';
import { FIXTURE_DATA, readJson, sharedBuild } from './fixtures/publish/support.ts';

const out = sharedBuild(FIXTURE_DATA);
const dataset = readJson<PublishedDataset>(join(out, 'data.json'));
const version = readJson<{ version: string }>(join(ROOT, 'package.json')).version;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(out, path)];
  });
}

/** Every selector object inside a value (anything with `exact`). */
function selectors(value: unknown): PositionedSelector[] {
  if (Array.isArray(value)) return value.flatMap(selectors);
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  return [
    ...('exact' in object ? [object as unknown as PositionedSelector] : []),
    ...Object.values(object).flatMap(selectors),
  ];
}

test('data.json holds every record sorted by id, with the dataset and schema versions', () => {
  assert.equal(dataset.version, version);
  assert.equal(dataset.schemaVersion, Number(version.split('.')[0]));
  assert.match(dataset.$comment, /npm run build/);
  assert.deepEqual(
    dataset.articles.map((a) => a.id),
    ['astral-launch', 'bare-article'],
  );
  assert.deepEqual(
    dataset.entities.map((e) => e.id),
    ['ana-silva', 'astral-base', 'neodymium'],
  );
  assert.deepEqual(
    dataset.redirects.map((r) => r.id),
    ['gone', 'old-launch'],
  );
  // One record per line, so a change to a record changes one line.
  const lines = new Set(
    readFileSync(join(out, 'data.json'), 'utf8')
      .split('\n')
      .map((line) => line.replace(/,$/, '')),
  );
  for (const record of [...dataset.articles, ...dataset.entities, ...dataset.outlets, ...dataset.redirects]) {
    assert.ok(lines.has(JSON.stringify(record)), `${record.id} is not on a line of its own`);
  }
});

test('records are published as in data/, plus derived offsets only', () => {
  const source = readJson<Record<string, unknown>>(join(FIXTURE_DATA, 'articles', 'astral-launch.json'));
  const strip = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value, (key, v) => (key === 'start' || key === 'end' ? undefined : v)));
  assert.deepEqual(strip(dataset.articles[0]), strip(source));
  assert.deepEqual(dataset.entities[0], readJson(join(FIXTURE_DATA, 'entities', 'ana-silva.json')));
});

test('every selector carries start/end in Unicode code points into the article text', () => {
  assert.match(dataset.offsets, /Unicode code points/);
  let checked = 0;
  for (const article of dataset.articles) {
    const codePoints = [...article.body.map((b) => b.text).join('\n')];
    for (const selector of selectors(article.annotations)) {
      assert.equal(codePoints.slice(selector.start, selector.end).join(''), selector.exact);
      checked++;
    }
  }
  assert.ok(checked >= 10);
  // After an astral character (𝔸 is two UTF-16 units), code points and UTF-16 indexes differ.
  const base = dataset.articles[0]!.annotations.mentions.find((m) => m.id === 'm-base')!.selector;
  assert.deepEqual([base.start, base.end], [14, 25]);
  const launch = dataset.articles[0]!.annotations.events.find((e) => e.id === 'e-launch')!.selector;
  assert.equal(launch.start, 32); // "-5 degrees at 𝔸stral Base\nThe 🚀 " is 32 code points, 34 UTF-16 units
});

test('one file per article, identical to its record in data.json, with versions', () => {
  for (const article of dataset.articles) {
    const file = readJson<PublishedArticleFile>(join(out, 'articles', `${article.id}.json`));
    assert.equal(file.version, version);
    assert.equal(file.schemaVersion, dataset.schemaVersion);
    assert.equal(file.offsets, dataset.offsets);
    assert.deepEqual(file.article, article);
  }
  assert.equal(readdirSync(join(out, 'articles')).length, dataset.articles.length);
});

test('JSON Lines: one flat record per line and collection, as in data.json', () => {
  for (const collection of ['articles', 'entities', 'outlets', 'redirects'] as const) {
    const text = readFileSync(join(out, 'jsonl', `${collection}.jsonl`), 'utf8');
    assert.ok(text === '' || text.endsWith('\n'));
    const lines = text.split('\n').filter(Boolean);
    assert.deepEqual(
      lines.map((line) => JSON.parse(line) as unknown),
      dataset[collection],
    );
  }
  assert.equal(statSync(join(out, 'ndjson'), { throwIfNoEntry: false }), undefined, 'no ndjson/ any more');
});

test('index.json holds article metadata without bodies, and the registries', () => {
  const index = readJson<PublishedIndex>(join(out, 'index.json'));
  assert.equal(index.version, version);
  for (const [i, summary] of index.articles.entries()) {
    const { body: _b, annotations: _a, inferences: _i, ...expected } = dataset.articles[i]!;
    assert.deepEqual(summary, expected);
  }
  assert.deepEqual(index.entities, dataset.entities);
});

test('SHA256SUMS lists exactly the npm package’s files; datapackage.json says which others it lacks', () => {
  const lines = readFileSync(join(out, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
  const listed = new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)]));
  const descriptor = readJson<{ resources: { path: string | string[]; description: string }[] }>(
    join(out, 'datapackage.json'),
  );
  const elsewhere = new Set(
    descriptor.resources.filter((r) => r.description.endsWith(NOT_IN_NPM)).flatMap((r) => [r.path].flat()),
  );
  const files = walk(out)
    .filter((f) => f !== 'SHA256SUMS' && f !== OUTPUT_MARKER && !elsewhere.has(f))
    .sort();
  assert.ok(elsewhere.size > 0, 'Parquet and SQLite are not in the npm package');
  assert.deepEqual([...listed.keys()], files);
  for (const [path, hash] of listed) {
    assert.equal(
      createHash('sha256')
        .update(readFileSync(join(out, path)))
        .digest('hex'),
      hash,
      path,
    );
  }
});

test('the schemas are published beside the data', () => {
  for (const name of ['article', 'entity', 'outlet', 'redirect']) {
    assert.equal(
      readFileSync(join(out, 'schemas', `${name}.schema.json`), 'utf8'),
      readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'),
    );
  }
});
