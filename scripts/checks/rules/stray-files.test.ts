import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { strayFiles } from './stray-files.ts';
import { fixtureRecords, summaryOf } from '../test-kit.ts';
import { readLayout } from '../layout.ts';

/** The rule's findings on the strays the layout finds in a data folder made by `make`. */
function findingsIn(make: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'annotated-news-strays-'));
  try {
    for (const collection of ['articles', 'entities', 'outlets', 'redirects']) mkdirSync(join(dir, collection));
    make(dir);
    const strays = readLayout(dir).strays.map((s) => ({ ...s, file: relative(dir, s.path) }));
    return strayFiles.check({ ...summaryOf(fixtureRecords()), strays });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('stray-files: the valid fixture passes', () => {
  assert.deepEqual(strayFiles.check(summaryOf(fixtureRecords())), []);
  assert.deepEqual(
    findingsIn((dir) => writeFileSync(join(dir, 'articles', 'a.json'), '{}')),
    [],
  );
});

test('stray-files: files that are not <id>.json in a collection folder fail', () => {
  const findings = findingsIn((dir) => {
    writeFileSync(join(dir, 'articles', 'notes.txt'), 'x');
    writeFileSync(join(dir, 'articles', 'Draft Article.json'), '{}');
    mkdirSync(join(dir, 'people'));
    writeFileSync(join(dir, 'entities', '.gitkeep'), '');
  });
  assert.deepEqual(findings.map((f) => f.file).sort(), ['articles/Draft Article.json', 'articles/notes.txt', 'people']);
});

test('stray-files: no name is exempt: a .gitkeep folder or a non-empty .gitkeep fails, with what to do', () => {
  const findings = findingsIn((dir) => {
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
