/** `npm run build` writes the annotation-tool exports, per article and for the whole dataset, listed in datapackage.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, REPO_DATA, sharedBuild } from './fixtures/publish/support.ts';

test('build: W3C, brat, Label Studio and spaCy exports for every article and for the dataset, each listed with its hash', () => {
  const out = sharedBuild(REPO_DATA);
  const ids = readdirSync(join(REPO_DATA, 'articles')).map((f) => f.replace(/\.json$/, ''));
  for (const id of ids) {
    for (const path of [
      `w3c/${id}.jsonld`,
      `brat/${id}.txt`,
      `brat/${id}.ann`,
      `label-studio/${id}.json`,
      `spacy/${id}.jsonl`,
    ]) {
      assert.ok(existsSync(join(out, 'annotations', path)), `annotations/${path} is missing`);
    }
  }
  const descriptor = readJson<{ resources: Array<{ name: string; path: string; bytes: number; hash: string }> }>(
    join(out, 'datapackage.json'),
  );
  const listed = descriptor.resources.filter((r) => typeof r.path === 'string' && r.path.startsWith('annotations/'));
  assert.deepEqual(listed.map((r) => r.name).sort(), [
    'annotations-brat-config',
    'annotations-label-studio',
    'annotations-label-studio-config',
    'annotations-spacy',
    'annotations-w3c',
  ]);
  for (const resource of listed) {
    const bytes = readFileSync(join(out, resource.path));
    assert.equal(resource.bytes, bytes.length, resource.path);
    assert.equal(resource.hash, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, resource.path);
  }
  const tasks = readJson<unknown[]>(join(out, 'annotations', 'label-studio', 'tasks.json'));
  assert.equal(tasks.length, ids.length);
  const all = readJson<{ total: number; first: { items: unknown[] } }>(join(out, 'annotations', 'w3c.jsonld'));
  const perArticle = ids.reduce(
    (n, id) => n + readJson<{ total: number }>(join(out, 'annotations', 'w3c', `${id}.jsonld`)).total,
    0,
  );
  assert.equal(all.total, perArticle);
  assert.equal(all.first.items.length, perArticle);
  assert.equal(
    readFileSync(join(out, 'annotations', 'spacy.jsonl'), 'utf8')
      .trimEnd()
      .split('\n').length,
    ids.length,
  );
  assert.match(readFileSync(join(out, 'datapackage.json'), 'utf8'), /"annotations\/brat\/annotation\.conf"/);
});
