/** The progress reporter draws on a terminal only, outside CI, and not more often than its interval. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createProgress, progressEnabled, type ProgressStream } from '../scripts/lib/progress.ts';
import { ROOT } from './helpers.ts';

function fakeStream(isTTY: boolean): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

test('progress prints nothing when the stream is not a terminal', () => {
  const stream = fakeStream(false);
  const progress = createProgress('work', 10, { stream, env: {} });
  for (let i = 0; i < 10; i++) progress.tick();
  progress.done();
  assert.deepEqual(stream.written, []);
});

test('progress prints nothing in CI, even on a terminal', () => {
  for (const CI of ['true', '1']) {
    const stream = fakeStream(true);
    const progress = createProgress('work', 10, { stream, env: { CI } });
    progress.tick(10);
    progress.done();
    assert.deepEqual(stream.written, [], `CI=${CI}`);
  }
  assert.equal(progressEnabled({ isTTY: true, write: () => true }, { CI: 'false' }), true);
});

test('progress on a terminal redraws at most once per interval, then clears its line', () => {
  const stream = fakeStream(true);
  let clock = 0;
  const progress = createProgress('work', 1000, { stream, env: {}, intervalMs: 100, now: () => clock });
  for (let i = 0; i < 500; i++) progress.tick();
  assert.equal(stream.written.length, 1, 'many ticks within one interval draw once');
  clock = 150;
  progress.tick(500);
  assert.equal(stream.written.length, 2);
  assert.match(stream.written[1]!, /work: 1000\/1000 \(100%\)/);
  progress.done();
  progress.done();
  assert.equal(stream.written.length, 3, 'done clears the line once');
  assert.equal(stream.written[2], '\r\x1b[K');
  progress.tick();
  assert.equal(stream.written.length, 3, 'nothing after done');
});

test('a real process whose stderr is a pipe gets no progress output', () => {
  const script = [
    `import { createProgress } from ${JSON.stringify(join(ROOT, 'scripts', 'lib', 'progress.ts'))};`,
    "const p = createProgress('work', 3, { intervalMs: 0 });",
    'p.tick(); p.tick(); p.tick(); p.done();',
    "process.stdout.write('finished');",
  ].join('\n');
  const env = { ...process.env };
  delete env.CI;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, 'finished');
  assert.equal(result.stderr, '');
});
