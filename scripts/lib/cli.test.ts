import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  ERROR_CODES,
  CodedError,
  DataError,
  InternalError,
  UserError,
  coded,
  errorTable,
  fail,
  fromErrorData,
  toErrorData,
  type ErrorData,
} from './cli.ts';

test('each error class has its stable code, and the exit status derives from the code', () => {
  assert.equal(new UserError('bad --count').code, 'E_USAGE');
  assert.equal(new UserError('bad --count').exitCode, 2);
  assert.equal(new DataError('2 errors').exitCode, 1);
  assert.equal(new InternalError('bug').exitCode, 2);
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
    new DataError('2 errors', 'run npm run validate').format(),
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

test('errors cross a real thread boundary as { code, message, hint } and come back with the same code', async () => {
  const script = `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ code: 'E_ENV_NOSPACE', message: 'no space left on the device (ENOSPC): write', hint: \
'make room' });`;
  const data = await new Promise<ErrorData>((resolve, reject) => {
    const worker = new Worker(script, { eval: true });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const back = fromErrorData(data);
  assert.equal(back.code, 'E_ENV_NOSPACE');
  assert.equal(back.exitCode, 2);
  assert.deepEqual(toErrorData(back), data);
  assert.deepEqual(toErrorData(new UserError('bad', 2, 'use --data')), {
    code: 'E_USAGE',
    message: 'bad',
    hint: 'use --data',
  });
  // An internal error travels with its stack as text; an unknown code is internal, not guessed.
  const bug = toErrorData(new RangeError('boom'));
  assert.equal(bug.code, 'E_INTERNAL');
  assert.match(bug.message, /RangeError: boom\n\s+at /);
  assert.equal(fromErrorData({ code: 'E_NOPE' as never, message: 'x' }).code, 'E_INTERNAL');
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
