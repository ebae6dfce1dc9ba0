/** The benchmark's verdicts on the scale targets (pure functions; no timing is measured here). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSize, renderVerdicts, verdicts, type SizeResult } from '../scripts/bench/report.ts';

const result = (validate: number | undefined, ajv: number, build: number, rss: number): SizeResult => ({
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
    { step: 'build', bytes: 1e9, records: 150_000, wallSeconds: build, peakRssMB: rss },
  ],
});

test('targets met: within 2× and 4× the floor, faster than ajv-cli, under 512 MB', () => {
  const all = verdicts(result(19, 20, 39, 500));
  assert.equal(all.length, 5);
  assert.ok(all.every((v) => v.met === true), JSON.stringify(all));
});

test('targets missed are reported with the measured ratio', () => {
  const all = verdicts(result(25, 20, 45, 600));
  assert.ok(all.every((v) => v.met === false), JSON.stringify(all));
  assert.equal(all[0]!.measured, '2.50×');
  assert.match(renderVerdicts([result(25, 20, 45, 600)]), /\| 100,000 \| validate ≤ 2× floor \| 2\.50× \| MISSED \|/);
});

test('a step that could not run shows n/a with its reason, and no verdict', () => {
  const r = result(undefined, 20, 39, 500);
  const all = verdicts(r);
  assert.equal(all[0]!.met, null);
  assert.equal(all[0]!.measured, 'n/a (exit 2: boom)');
  assert.match(renderSize(r), /\| validate \| n\/a \(exit 2: boom\) \|/);
});
