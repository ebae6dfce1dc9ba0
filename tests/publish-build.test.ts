/** `npm run build`: validates first, writes atomically, and is deterministic. dist/ is build output, not committed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript } from './helpers.ts';
import { compareFolders } from '../scripts/publish/compare.ts';
import { build, FIXTURE_DATA, sharedBuild, tempDir } from './fixtures/publish/support.ts';
import { OUTPUT_MARKER, markerContent } from '../scripts/lib/output-target.ts';
import { FORMATS } from '../scripts/publish/formats/index.ts';

test('two builds of the same data are byte-identical', () => {
  // The shared build was made by another process (possibly in an earlier run); this one is made afresh.
  const first = sharedBuild(FIXTURE_DATA);
  const second = build(FIXTURE_DATA);
  assert.deepEqual(compareFolders(first, second), []);
});

test('--check exits 1 and names the stale file; 0 when the output is current', () => {
  // A copy of the shared build: this test writes into it.
  const out = join(tempDir(), 'dist');
  cpSync(sharedBuild(FIXTURE_DATA), out, { recursive: true });
  assert.equal(runScript('build.ts', ['--data', FIXTURE_DATA, '--out', out, '--check']).code, 0);
  writeFileSync(join(out, 'csv', 'outlets.csv'), 'id\r\n');
  const result = runScript('build.ts', ['--data', FIXTURE_DATA, '--out', out, '--check']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /stale: .*csv\/outlets\.csv differs/);
});

test('invalid data publishes nothing, reports file:line:col rule message, and leaves the previous output intact', () => {
  const work = tempDir();
  const data = join(work, 'data');
  cpSync(FIXTURE_DATA, data, { recursive: true });
  const articlePath = join(data, 'articles', 'bare-article.json');
  writeFileSync(articlePath, readFileSync(articlePath, 'utf8').replace('"language": "en-GB"', '"language": "English"'));
  const out = join(work, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'previous.txt'), 'the previous build');
  writeFileSync(join(out, OUTPUT_MARKER), markerContent('npm run build'));

  const result = runScript('build.ts', ['--data', data, '--out', out]);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /bare-article\.json:\d+:\d+ \S+ /);
  assert.match(result.stderr, /nothing was published/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.deepEqual(readdirSync(out).sort(), [OUTPUT_MARKER, 'previous.txt']);
  assert.deepEqual(readdirSync(work).sort(), ['data', 'dist'], 'no staging folder is left behind');
});

test('a successful build replaces the previous output completely and leaves no staging folder', () => {
  const work = tempDir();
  const out = join(work, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'stale.txt'), 'from an older build');
  writeFileSync(join(out, OUTPUT_MARKER), markerContent('npm run build'));
  const result = runScript('build.ts', ['--data', FIXTURE_DATA, '--out', out, '--timings']);
  assert.equal(result.code, 0, result.stderr);
  // --timings says when each stage ended, in order, for the bench.
  const stages = /^timings: (.*) \(seconds since the start/m
    .exec(result.stderr)?.[1]
    ?.split('; ')
    .map((s) => /^(.+) (\d+\.\d)$/.exec(s)!);
  const ended = new Map(stages?.map((s) => [s[1]!, Number(s[2])]));
  // Validation, the canonical stream, every format of the index in its order, then the manifest.
  const expected = ['validation', 'canonical JSON Lines', ...FORMATS.map((f) => f.name), 'SHA256SUMS'];
  assert.deepEqual([...ended.keys()], expected);
  const times = expected.map((name) => ended.get(name)!);
  assert.deepEqual(
    times,
    [...times].sort((a, b) => a - b),
    'the stages end in order',
  );
  assert.equal(existsSync(join(out, 'site')), false, 'the build makes no site (npm run site does)');
  assert.equal(existsSync(join(out, 'stale.txt')), false);
  assert.equal(existsSync(join(out, 'datapackage.json')), true);
  assert.deepEqual(readdirSync(work), ['dist']);
});

test('a missing data folder is a user error, not a crash', () => {
  const result = runScript('build.ts', ['--data', join(tempDir(), 'nope'), '--out', join(tempDir(), 'dist')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^error: .*does not exist/);
});

test('an existing folder the build did not write is replaced only with --force', () => {
  const work = tempDir();
  const out = join(work, 'mine');
  mkdirSync(out);
  writeFileSync(join(out, 'notes.txt'), 'not a build');
  const refused = runScript('build.ts', ['--data', FIXTURE_DATA, '--out', out]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /^error: refusing --out .*did not write.*--force/);
  assert.deepEqual(readdirSync(out), ['notes.txt']);
  const forced = runScript('build.ts', ['--data', FIXTURE_DATA, '--out', out, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(existsSync(join(out, OUTPUT_MARKER)), true);
  assert.equal(existsSync(join(out, 'notes.txt')), false);
});
