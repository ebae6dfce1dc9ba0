/** The benchmark's verdicts on the scale targets (pure functions; no timing is measured here). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  renderSize,
  renderStartup,
  renderVerdicts,
  startupVerdict,
  verdicts,
  type SizeResult,
} from '../scripts/bench/report.ts';

const result = (
  validate: number | undefined,
  ajv: number,
  build: number,
  rss: number,
  pr = 2,
  written = { files: 110_000, bytes: 3e9 },
): SizeResult => ({
  count: 100_000,
  synthSeconds: 60,
  synthReused: false,
  bytes: 1e9,
  records: 150_000,
  steps: [
    { step: 'floor', bytes: 1e9, records: 150_000, wallSeconds: 10, peakRssMB: 100 },
    validate === undefined
      ? { step: 'validate', bytes: 1e9, records: 150_000, note: 'n/a (exit 2: boom)' }
      : { step: 'validate', bytes: 1e9, records: 150_000, wallSeconds: validate, peakRssMB: rss },
    { step: 'ajv-cli', bytes: 8e8, records: 100_000, wallSeconds: ajv, peakRssMB: 100 },
    {
      step: 'build',
      bytes: 1e9,
      records: 150_000,
      wallSeconds: build,
      peakRssMB: rss,
      filesWritten: written.files,
      bytesWritten: written.bytes,
    },
    { step: 'site', bytes: 1e9, records: 150_000, wallSeconds: build, peakRssMB: rss },
    { step: 'pr-check', bytes: 1e4, records: 1, wallSeconds: pr, peakRssMB: rss },
  ],
});

test('targets met: 1.5× and 4× the floor, faster than ajv-cli, 400 MB, 1.2 files per article, 3× the bytes', () => {
  const all = verdicts(result(14, 20, 39, 400, 3));
  assert.deepEqual(
    all.map((v) => v.target),
    [
      'validate ≤ 1.5× floor',
      'validate faster than ajv-cli',
      'build ≤ 4× floor',
      'site ≤ 4× floor',
      'files written by the build ≤ 1.2 per article',
      'bytes written by the build ≤ 3× the source bytes',
      'validate peak RSS ≤ 400 MB',
      'build peak RSS ≤ 400 MB',
      'site peak RSS ≤ 400 MB',
      'pull-request check ≤ 3 s',
    ],
  );
  assert.ok(
    all.every((v) => v.met === true),
    JSON.stringify(all),
  );
});

test('targets missed are reported with the measured ratio', () => {
  const all = verdicts(result(25, 20, 45, 600, 3.5, { files: 130_000, bytes: 3.5e9 }));
  assert.ok(
    all.every((v) => v.met === false),
    JSON.stringify(all),
  );
  assert.equal(all[0]!.measured, '2.50×');
  assert.match(
    renderVerdicts([result(25, 20, 45, 600, 3.5)]),
    /\| 100,000 \| validate ≤ 1\.5× floor \| 2\.50× \| MISSED \|/,
  );
  assert.match(renderVerdicts([result(25, 20, 45, 600, 3.5)]), /\| pull-request check ≤ 3 s \| 3\.50 s \| MISSED \|/);
  assert.match(renderVerdicts([result(25, 20, 45, 600, 3.5)]), /\| site ≤ 4× floor \| 4\.50× \| MISSED \|/);
  assert.match(
    renderVerdicts([result(25, 20, 45, 600, 3.5, { files: 130_000, bytes: 3.5e9 })]),
    /\| files written by the build ≤ 1\.2 per article \| 1\.30 \(130000 files\) \| MISSED \|/,
  );
});

test('a step that could not run shows n/a with its reason, and no verdict', () => {
  const r = result(undefined, 20, 39, 500);
  const all = verdicts(r);
  assert.equal(all[0]!.met, null);
  assert.equal(all[0]!.measured, 'n/a (exit 2: boom)');
  assert.match(renderSize(r), /\| validate \| n\/a \(exit 2: boom\) \|/);
});

test('the start-up verdict: npm run validate on the one-article dataset within 0.6 s', () => {
  const startup = { articles: 1, runs: 5, npmSeconds: 0.55, nodeSeconds: 0.3, bareNodeSeconds: 0.05, load: 0.5 };
  assert.equal(startupVerdict(startup).met, true);
  assert.equal(startupVerdict({ ...startup, npmSeconds: 0.61 }).met, false);
  assert.match(
    renderVerdicts([], { ...startup, npmSeconds: 0.61 }),
    /\| 1 \| `npm run validate` on the 1-article dataset ≤ 0\.6 s \| 0\.61 s \| MISSED \|/,
  );
  assert.match(renderStartup(startup), /\| 0\.55 \| 0\.30 \| 0\.05 \|/);
});
