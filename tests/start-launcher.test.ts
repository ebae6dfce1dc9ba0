/**
 * The launcher (scripts/start/run.mjs, what every `npm run` script starts with) keeps transpiled JavaScript in a
 * cache; these tests prove it never runs stale code: an edited, a deleted and a new source are seen at the next
 * start, even when the edit keeps the file's size and modification time. Each test runs a copy of the launcher in a
 * temporary project, so the repository's cache is never touched.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAUNCHER, ROOT } from './helpers.ts';

/** A project with the launcher, one script importing one module, and esbuild (linked from the repository). */
function project(t: TestContext): { dir: string; run: () => { code: number | null; stdout: string; stderr: string } } {
  const dir = mkdtempSync(join(tmpdir(), 'launcher-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const folder of ['scripts/start', 'scripts/lib', 'types', 'site', 'node_modules'])
    mkdirSync(join(dir, folder), { recursive: true });
  copyFileSync(LAUNCHER, join(dir, 'scripts', 'start', 'run.mjs'));
  symlinkSync(join(ROOT, 'node_modules', 'esbuild'), join(dir, 'node_modules', 'esbuild'));
  writeFileSync(
    join(dir, 'scripts', 'hello.ts'),
    "import { word } from './lib/word.ts';\nconst shown: string = word;\nconsole.log(shown);\n",
  );
  writeFileSync(join(dir, 'scripts', 'lib', 'word.ts'), "export const word: string = 'one';\n");
  const run = () => {
    const result = spawnSync(process.execPath, [join(dir, 'scripts', 'start', 'run.mjs'), 'hello'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return { dir, run };
}

test('an edit that keeps the size and the modification time runs the new code at the next start', (t) => {
  const { dir, run } = project(t);
  assert.deepEqual(run(), { code: 0, stdout: 'one\n', stderr: '' });
  assert.ok(
    existsSync(join(dir, 'node_modules', '.cache', 'annotated-news', 'js', 'scripts', 'lib', 'word.js')),
    "the cache is the project's own",
  );
  const file = join(dir, 'scripts', 'lib', 'word.ts');
  const { atime, mtime } = statSync(file);
  writeFileSync(file, "export const word: string = 'two';\n");
  utimesSync(file, atime, mtime);
  assert.deepEqual(run(), { code: 0, stdout: 'two\n', stderr: '' });
  // And once more with nothing changed: the cached code is the new one.
  assert.deepEqual(run(), { code: 0, stdout: 'two\n', stderr: '' });
  // The script ran from its bundle (one file holding its modules), made again after the edit.
  const bundle = join(dir, 'node_modules', '.cache', 'annotated-news', 'js', 'scripts', 'hello.bundle.js');
  assert.match(readFileSync(bundle, 'utf8'), /"two"/);
});

test('a deleted module fails to import, as under tsx, and a new one is transpiled', (t) => {
  const { dir, run } = project(t);
  assert.equal(run().stdout, 'one\n');
  unlinkSync(join(dir, 'scripts', 'lib', 'word.ts'));
  const missing = run();
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /word/);
  assert.equal(missing.stdout, '');
  writeFileSync(join(dir, 'scripts', 'lib', 'word.ts'), "export const word: string = 'three';\n");
  assert.deepEqual(run(), { code: 0, stdout: 'three\n', stderr: '' });
});
