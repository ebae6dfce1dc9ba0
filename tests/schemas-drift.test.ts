/** The committed schemas and data dictionary are exactly what the types generate, and the check notices drift. */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { FormatsPlugin } from 'ajv-formats';
import { ROOT, runScript } from './helpers.ts';

/** What `npm run schemas` reads and writes: the types, and every file it generates or writes a block into. */
const SCHEMA_FILES = [
  'types',
  'schemas',
  'docs',
  'scripts/checks/generated',
  'package.json',
  'README.md',
  'CONTRIBUTING.md',
];

/** A temporary copy of SCHEMA_FILES (each run of `npm run schemas` compiles the types: a few seconds of CPU). */
function copyOfSchemaInputs(t: TestContext, prefix: string): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  for (const entry of SCHEMA_FILES) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  return copy;
}

test('the committed files are what the types generate; a schema file with no type behind it is reported', (t) => {
  // One run proves both: the copy holds the committed files and one stray schema, so the only finding is the stray.
  const copy = copyOfSchemaInputs(t, 'schemas-committed-');
  writeFileSync(join(copy, 'schemas', 'old.schema.json'), '{}\n');
  const result = runScript('schemas.ts', ['--check', '--root', copy]);
  assert.equal(result.code, 1);
  const findings = result.stderr.split('\n').filter((line) => line.startsWith('stale: '));
  assert.equal(findings.length, 1, result.stderr);
  assert.match(findings[0]!, /^stale: \S*schemas\/old\.schema\.json has no type behind it$/);
});

test('a type changed without regenerating fails the check, naming the stale files; regenerating fixes it', (t) => {
  const copy = copyOfSchemaInputs(t, 'schemas-drift-');
  const file = join(copy, 'types', 'registries.ts');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('/** The canonical name, in English. */', '/** The canonical name. */'),
  );

  const stale = runScript('schemas.ts', ['--check', '--root', copy]);
  assert.equal(stale.code, 1);
  assert.match(stale.stderr, /stale: .*entity\.schema\.json/);
  assert.match(stale.stderr, /stale: .*data-dictionary\.md/);
  assert.doesNotMatch(stale.stderr, /article\.schema\.json/);

  assert.equal(runScript('schemas.ts', ['--root', copy]).code, 0);
  const fixed = runScript('schemas.ts', ['--check', '--root', copy]);
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.match(fixed.stdout, /^Schemas and data dictionary are up to date/);
  assert.match(readFileSync(join(copy, 'schemas', 'entity.schema.json'), 'utf8'), /"The canonical name\."/);
});

test('the published schemas compile in a consumer’s plain Ajv (strict mode, with ajv-formats)', () => {
  const require = createRequire(import.meta.url);
  const { Ajv } = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new Ajv();
  addFormats(ajv);
  for (const name of ['article', 'entity', 'outlet', 'redirect']) {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as object;
    assert.doesNotThrow(() => ajv.compile(schema), `${name}.schema.json`);
  }
});
