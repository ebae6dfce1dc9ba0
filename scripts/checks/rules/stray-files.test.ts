import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strayFiles } from './stray-files.ts';
import { findingsAfter } from '../test-kit.ts';

test('stray-files: the valid fixture passes', async () => {
  assert.deepEqual(await findingsAfter([strayFiles]), []);
});

test('stray-files: files that are not <id>.json in a collection folder fail', async () => {
  const findings = await findingsAfter([strayFiles], (dir) => {
    writeFileSync(join(dir, 'articles', 'notes.txt'), 'x');
    writeFileSync(join(dir, 'articles', 'Draft Article.json'), '{}');
    mkdirSync(join(dir, 'people'));
    writeFileSync(join(dir, 'entities', '.gitkeep'), '');
  });
  const files = findings.map((f) => f.file).sort();
  assert.equal(files.length, 3, files.join('\n'));
  assert.ok(files.includes('articles/Draft Article.json'));
  assert.ok(files.includes('articles/notes.txt'));
  assert.ok(files.some((f) => f.endsWith('/people')));
});
