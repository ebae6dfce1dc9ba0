import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figures } from './figures.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import { surfaceNumber } from '../surface-number.ts';

test('figures: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([figures]), []);
});

test('figures: wrong scale, percent out of range, bad or misplaced currency fail', () => {
  const findings = findingsAfter([figures], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a) => {
      a.annotations.figures[0].value = 1.5;
      a.annotations.figures[0].currency = 'EUD';
      a.annotations.figures[1].value = 400;
      a.annotations.figures[1].currency = 'USD';
    }),
  );
  const summary = findings.map((f) => `${f.pointer}: ${f.message}`);
  assert.ok(
    summary.some((s) => /figures\/0\/value: value 1.5 does not match the text "1.5 million" \(1500000\)/.test(s)),
    summary.join('\n'),
  );
  assert.ok(summary.some((s) => /figures\/0\/currency: "EUD" is not an ISO 4217/.test(s)));
  assert.ok(summary.some((s) => /figures\/1\/value: a percentage of 400 is outside/.test(s)));
  assert.ok(summary.some((s) => /figures\/1\/currency: a figure with unit "percent" cannot have a currency/.test(s)));
});

test('figures: a currency figure without a currency fails', () => {
  const findings = findingsAfter([figures], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a) => (a.annotations.figures[0].currency = null)),
  );
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /needs a currency/);
});

test('figures: a measure needs a unitCode, and only a measure has one', () => {
  const findings = findingsAfter([figures], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a) => {
      a.annotations.figures[0].unit = 'measure';
      a.annotations.figures[0].currency = null;
      a.annotations.figures[1].unitCode = 'SMI';
      a.annotations.figures.push({ ...a.annotations.figures[0], id: 'f-road', unitCode: 'SMI' });
    }),
  );
  assert.deepEqual(
    findings.map((f) => `${f.pointer}: ${f.message}`),
    [
      '/annotations/figures/0/unit: a figure with unit "measure" needs a unitCode',
      '/annotations/figures/1/unitCode: a figure with unit "percent" cannot have a unitCode',
    ],
  );
  assert.match(findings[0]!.hint, /"SMI"/);
  assert.match(findings[1]!.hint, /remove unitCode/);
});

test('surfaceNumber reads scale words, percents and separators', () => {
  assert.deepEqual(surfaceNumber('300 billion')?.values, [3e11]);
  assert.deepEqual(surfaceNumber('50%')?.values, [50]);
  assert.equal(surfaceNumber('50%')?.percent, true);
  assert.deepEqual(surfaceNumber('$1.5 million')?.values, [1.5e6]);
  assert.ok(surfaceNumber('12,000 troops')?.values.includes(12000));
  assert.deepEqual(surfaceNumber('US$2.3bn')?.values, [2.3e9]);
  assert.equal(surfaceNumber('half of it'), null);
});
