/** The three report formats, on fixed findings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../scripts/lib/findings.ts';
import { formatGithub, formatHuman, formatJson, wantsColour, type JsonReport } from '../scripts/checks/report.ts';

const FINDINGS: Finding[] = [
  {
    file: 'data/articles/a.json',
    line: 3,
    column: 5,
    pointer: '/url',
    rule: 'urls',
    severity: 'error',
    message: 'the URL "ftp://x" uses ftp:, not http or https',
    hint: 'Use https://, 100% of the time.',
  },
  {
    file: 'data/articles/a.json',
    line: 9,
    column: 1,
    pointer: '',
    rule: 'dates',
    severity: 'warning',
    message: 'a warning',
    hint: 'Look at it.',
  },
  {
    file: 'data/entities/b.json',
    line: 1,
    column: 1,
    pointer: '/id',
    rule: 'references',
    severity: 'warning',
    message: 'nothing references "b"',
    hint: 'Remove it.',
  },
];

test('human: grouped by file, one summary line, colour only when asked', () => {
  const plain = formatHuman(FINDINGS, 10, false);
  assert.equal(plain.split('\n').filter((l) => l === 'data/articles/a.json').length, 1);
  assert.match(plain, /^ {2}3:5 +error +the URL "ftp:\/\/x" uses ftp:, not http or https +urls$/m);
  assert.match(plain, /^10 files checked: 1 error and 2 warnings in 2 files\n$/m);
  assert.doesNotMatch(plain, /\x1b\[/);
  assert.match(formatHuman(FINDINGS, 10, true), /\x1b\[31m/);
  assert.equal(formatHuman([], 3, false), '3 files checked: no errors or warnings\n');
});

test('human: colour needs a TTY and no NO_COLOR', () => {
  assert.equal(wantsColour({ isTTY: true }, {}), true);
  assert.equal(wantsColour({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(wantsColour({ isTTY: true }, { NO_COLOR: '' }), true);
  assert.equal(wantsColour({ isTTY: false }, {}), false);
  assert.equal(wantsColour({}, {}), false);
});

test('json: versioned report with summary and every finding field', () => {
  const report = JSON.parse(formatJson(FINDINGS, 10)) as JsonReport;
  assert.deepEqual(report.summary, { errors: 1, warnings: 2, filesWithFindings: 2, filesChecked: 10 });
  assert.deepEqual(report.findings[0], FINDINGS[0]);
});

test('github: workflow commands with escaped properties and data', () => {
  const lines = formatGithub(FINDINGS, 10).trim().split('\n');
  assert.equal(
    lines[0],
    '::error file=data/articles/a.json,line=3,col=5,title=urls at /url::the URL "ftp://x" uses ftp:, not http or https%0Ahint: Use https://, 100%25 of the time.',
  );
  assert.match(
    lines[1]!,
    /^::warning file=data\/articles\/a\.json,line=9,col=1,title=dates::a warning%0Ahint: Look at it\.$/,
  );
  assert.equal(lines.at(-1), '10 files checked: 1 error and 2 warnings in 2 files');
  const tricky = formatGithub([{ ...FINDINGS[0]!, file: 'data/a,b:c.json' }], 1);
  assert.match(tricky, /file=data\/a%2Cb%3Ac\.json,/);
});
