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

test('stray-files: no name is exempt: a .gitkeep folder or a non-empty .gitkeep fails, with what to do', async () => {
  const findings = await findingsAfter([strayFiles], (dir) => {
    mkdirSync(join(dir, 'entities', '.gitkeep'));
    writeFileSync(join(dir, 'entities', '.gitkeep', 'hidden.json'), '{}');
    writeFileSync(join(dir, 'outlets', '.gitkeep'), '{"id": "x"}');
    mkdirSync(join(dir, 'articles', 'folder.json'));
  });
  const byFile = new Map(findings.map((f) => [f.file, f]));
  assert.match(byFile.get('entities/.gitkeep')?.message ?? '', /\.gitkeep is a folder/);
  assert.match(byFile.get('outlets/.gitkeep')?.message ?? '', /\.gitkeep is not empty/);
  assert.match(byFile.get('articles/folder.json')?.hint ?? '', /regular files/);
  assert.equal(findings.length, 3);
});
