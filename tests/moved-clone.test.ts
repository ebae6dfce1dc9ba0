/**
 * A working clone still works once moved or copied: nothing made in it (by `npm ci`'s `prepare`, by a run) holds the
 * folder's absolute path. The test prepares a copy of the repository, moves it, and runs `npm run validate` and
 * `npm run build` at the new place; then edits a script and sees the edit run (scripts/compiled.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';

/** What a clone has besides its sources: none of it is copied (node_modules is linked). */
const SKIPPED = new Set(['node_modules', '.git', 'dist', '.compiled']);

function npm(cwd: string, ...args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every file under `dir` (node_modules left out) whose bytes contain `text`. */
function filesHolding(dir: string, text: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !join(entry.parentPath, entry.name).includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => readFileSync(file).includes(text));
}

test('a prepared clone, moved to another folder, validates and builds there', (t) => {
  const parent = mkdtempSync(join(tmpdir(), 'moved-clone-'));
  t.after(() => rmSync(parent, { recursive: true, force: true }));
  const before = join(parent, 'before');
  const after = join(parent, 'after');
  cpSync(ROOT, before, { recursive: true, filter: (source) => !SKIPPED.has(source.slice(ROOT.length + 1)) });
  symlinkSync(join(ROOT, 'node_modules'), join(before, 'node_modules'));
  const prepared = npm(before, 'prepare');
  assert.equal(prepared.code, 0, prepared.output);
  assert.ok(existsSync(join(before, '.compiled', 'validate.js')), '`npm run prepare` bundles validate');

  renameSync(before, after);
  const validated = npm(after, 'validate');
  assert.equal(validated.code, 0, validated.output);
  assert.match(validated.output, /^\d+ files checked: /m);
  const built = npm(after, 'build');
  assert.equal(built.code, 0, built.output);
  assert.ok(existsSync(join(after, 'dist', 'datapackage.json')), built.output);
  assert.deepEqual(filesHolding(after, before), [], 'no file names the folder the clone was prepared in');

  // An edited source is never run from a stale bundle: the edit shows at once (under tsx, until `npm run prepare`).
  appendFileSync(join(after, 'scripts', 'validate.ts'), "\nconsole.error('edited after npm ci');\n");
  const edited = npm(after, 'validate');
  assert.equal(edited.code, 0, edited.output);
  assert.match(edited.output, /^edited after npm ci$/m);
});
