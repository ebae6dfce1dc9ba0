/**
 * Fault tests: builds killed at random points, builds racing on one output, a build interrupted between its two
 * renames. The previous output survives byte for byte, and the next run leaves nothing behind. The kill points are
 * seeded (FUZZ_SEED) so a failure replays; FUZZ_RUNS raises the number of kills.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runScript, scriptArgs } from '../helpers.ts';
import { OUTPUT_MARKER, markerContent } from '../../scripts/lib/output-target.ts';
import { fuzzParameters, hashTree, seededRandom } from './support.ts';

/**
 * One dataset for every build (a build costs seconds of CPU): the previous output and a complete new one are then
 * byte-identical, and any half-written, missing or mixed output differs from both.
 */
const DATA = join(ROOT, 'tests', 'fixtures', 'publish', 'data');
const work = mkdtempSync(join(tmpdir(), 'hardening-faults-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Starts a build; resolves with its exit code (or signal) and stderr. */
function startBuild(
  data: string,
  out: string,
): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, scriptArgs('build.ts', ['--data', data, '--out', out]), {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

function buildOk(data: string, out: string): void {
  const result = runScript('build.ts', ['--data', data, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
}

const site = join(work, 'site');
const out = join(site, 'dist');
mkdirSync(site);
const started = Date.now();
buildOk(DATA, out);
/** How long one build takes on this machine now: kills land anywhere in it. */
const BUILD_MS = Date.now() - started;
const COMPLETE = hashTree(out);

test('a build killed at random points leaves the previous output byte-identical; the next run cleans up', async () => {
  const { seed, numRuns } = fuzzParameters(3);
  const random = seededRandom(seed);
  for (let kill = 0; kill < numRuns; kill++) {
    const previous = hashTree(out);
    const delay = Math.floor(random() * BUILD_MS);
    const signal = kill % 3 === 2 ? 'SIGTERM' : 'SIGKILL';
    const { child, done } = startBuild(DATA, out);
    const timer = setTimeout(() => child.kill(signal), delay);
    const result = await done;
    clearTimeout(timer);
    const now = hashTree(out);
    assert.equal(
      now,
      previous,
      `after ${signal} at ${delay} ms (seed ${seed}; exit ${result.code ?? result.signal}) the output is not ` +
        `the previous one, byte for byte`,
    );
    if (signal === 'SIGTERM' && result.code !== 0) {
      assert.deepEqual(readdirSync(site), ['dist'], `SIGTERM at ${delay} ms left its staging folder or lock behind`);
    }
  }
  // What a SIGKILL can leave (a staging folder, its lock) is recognised and removed by the next run.
  mkdirSync(join(site, '.build-dist-999999-0123abcd'));
  writeFileSync(join(site, '.build-dist-999999-0123abcd', OUTPUT_MARKER), markerContent('npm run build'));
  writeFileSync(join(site, '.build-dist.lock'), '999999\n');
  buildOk(DATA, out);
  assert.equal(hashTree(out), COMPLETE);
  assert.deepEqual(readdirSync(site), ['dist'], 'no staging folder, aside folder or lock is left');
});

test('two builds racing on one output both end in a complete output or a clear busy refusal', async () => {
  // The previous output is the first test's, so the race is on replacing a marked output.
  const results = await Promise.all([startBuild(DATA, out).done, startBuild(DATA, out).done]);
  assert.ok(
    results.some((r) => r.code === 0),
    results.map((r) => r.stderr).join('\n'),
  );
  for (const r of results) {
    if (r.code !== 0) {
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^error: busy: another run \(process \d+\) is writing .*Hint: /);
    }
  }
  assert.equal(hashTree(out), COMPLETE);
  assert.deepEqual(readdirSync(site), ['dist']);
});

test('an output a kill left aside between the two renames is put back by the next run', () => {
  const before = hashTree(out);
  renameSync(out, join(site, '.build-dist-999999-89abcdef-old'));
  const check = runScript('build.ts', ['--data', DATA, '--out', out, '--check']);
  assert.equal(check.code, 0, check.stderr);
  assert.equal(hashTree(out), before);
  assert.deepEqual(readdirSync(site), ['dist']);
});
