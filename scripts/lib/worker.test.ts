import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { threadError } from './worker.ts';

test('a thread that runs out of its capped heap is named, with its cap', async () => {
  const worker = new Worker('const kept = []; for (;;) kept.push(new Array(100000).fill(1));', {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: 16 },
  });
  const error = await new Promise<Error>((resolve) => worker.once('error', resolve));
  const named = threadError('publishing thread', error, 16);
  assert.equal((named as { code?: string }).code, 'ERR_WORKER_OUT_OF_MEMORY');
  assert.match(named.message, /^the publishing thread ran out of memory \(its heap is capped at 16 MB\)/);
  assert.match(threadError('compiling thread', new Error('boom')).message, /^the compiling thread failed: boom$/);
});
