/** The committed schemas and data dictionary are exactly what the types generate, and the check notices drift. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runScript } from './helpers.ts';

test('npm run schemas -- --check passes on the committed files', () => {
  const result = runScript('schemas.ts', ['--check']);
  assert.equal(result.code, 0, result.stderr);
});

test('the check fails, naming the stale files, when a type changes without regenerating', (t) => {
  const copy = mkdtempSync(join(tmpdir(), 'schemas-drift-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  for (const entry of ['types', 'schemas', 'docs', 'package.json']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  const file = join(copy, 'types', 'registries.ts');
  writeFileSync(file, readFileSync(file, 'utf8').replace('/** The canonical name, in English. */', '/** The canonical name. */'));

  const stale = runScript('schemas.ts', ['--check', '--root', copy]);
  assert.equal(stale.code, 1);
  assert.match(stale.stderr, /stale: .*entity\.schema\.json/);
  assert.match(stale.stderr, /stale: .*data-dictionary\.md/);
  assert.doesNotMatch(stale.stderr, /article\.schema\.json/);

  assert.equal(runScript('schemas.ts', ['--root', copy]).code, 0);
  assert.equal(runScript('schemas.ts', ['--check', '--root', copy]).code, 0);
  assert.match(readFileSync(join(copy, 'schemas', 'entity.schema.json'), 'utf8'), /"The canonical name\."/);
});

test('a schema file with no type behind it is reported', (t) => {
  const copy = mkdtempSync(join(tmpdir(), 'schemas-stray-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  for (const entry of ['types', 'schemas', 'docs', 'package.json']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  writeFileSync(join(copy, 'schemas', 'old.schema.json'), '{}\n');
  const result = runScript('schemas.ts', ['--check', '--root', copy]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /old\.schema\.json has no type behind it/);
});
