import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, CodedError, UserError, coded, errorTable, fail } from './cli.ts';

test('each error class has its stable code, and the exit status derives from the code', () => {
  assert.equal(new UserError('bad --count').code, 'E_USAGE');
  assert.equal(new UserError('bad --count').exitCode, 2);
  assert.equal(new CodedError('E_DATA', '2 errors').exitCode, 1);
  assert.equal(new CodedError('E_INTERNAL', 'bug').exitCode, 2);
  assert.throws(
    () => fail('no such folder'),
    (e: unknown) => e instanceof UserError && e.code === 'E_USAGE',
  );
  // Source-compatible: `fail(message, 1)` meant “the data is wrong”.
  assert.throws(
    () => fail('nothing was published', 1),
    (e: unknown) => (e as CodedError).code === 'E_DATA',
  );
  assert.equal(
    new CodedError('E_DATA', '2 errors', 'run npm run validate').format(),
    'error: 2 errors\n  hint: run npm run validate',
  );
});

test('a full disk gets its code from the system error code, with a hint; text is never searched', () => {
  const full = coded(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
  assert.equal(full.code, 'E_ENV_NOSPACE');
  assert.match(
    full.format(),
    /^error: no space left on the device \(ENOSPC\): ENOSPC: no space left on device, write\n {2}hint: make room/,
  );
  assert.equal(coded(new Error('publishing failed: ENOSPC: no space left on device')).code, 'E_INTERNAL');
  assert.equal(coded(new TypeError('x is undefined')).code, 'E_INTERNAL');
});

test('anything else thrown is an internal error, reported with its stack', () => {
  const bug = coded(new RangeError('boom'));
  assert.equal(bug.code, 'E_INTERNAL');
  assert.equal(bug.exitCode, 2);
  assert.match(bug.format(), /^internal error \(please report it\): RangeError: boom\n\s+at /);
  assert.equal(new UserError('bad', 2, 'use --data').format(), 'error: bad\n  hint: use --data');
});

test('runMain: a full disk exits 2 with one message and no stack trace', () => {
  const script = `import { runMain } from ${JSON.stringify(new URL('./cli.ts', import.meta.url).href)};
runMain(() => { throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); });`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: no space left on the device \(ENOSPC\)/);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
});

test('docs/errors.md lists every code with its exit status (regenerate the table from errorTable())', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'errors.md'), 'utf8');
  assert.ok(doc.includes(errorTable()), 'the table in docs/errors.md is stale: paste errorTable() into it');
  for (const code of Object.keys(ERROR_CODES)) assert.match(doc, new RegExp(`\\| \`${code}\` \\|`));
});
