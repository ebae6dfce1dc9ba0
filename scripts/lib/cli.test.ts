import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { environmentProblem } from './cli.ts';

test('environmentProblem: a full disk is named with a hint, on the error or in a message from another thread', () => {
  const direct = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  assert.match(
    environmentProblem(direct)!,
    /^no space left on the device \(ENOSPC\): ENOSPC: no space left on device, write\n  hint: /,
  );
  const relayed = new Error(
    'publishing failed: Error: ENOSPC: no space left on device, write\n    at writeSync (node:fs:933:3)',
  );
  assert.doesNotMatch(environmentProblem(relayed)!, /at writeSync/);
  assert.equal(environmentProblem(new Error('ENOSPCX is not a code')), null);
  assert.equal(environmentProblem(new TypeError('x is undefined')), null);
});

test('runMain: a full disk exits 2 with one message and no stack trace', () => {
  const script = `import { runMain } from ${JSON.stringify(new URL('./cli.ts', import.meta.url).href)};
runMain(() => { throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); });`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: no space left on the device \(ENOSPC\)/);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
});
