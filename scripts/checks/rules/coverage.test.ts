import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { coverage } from './coverage.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import { validateData } from '../run.ts';

test('coverage: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([coverage]), []);
});

test('coverage: a registered name without a mention is a warning with its position and a selector to paste', () => {
  const findings = findingsAfter([coverage], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a) => {
      a.annotations.mentions = a.annotations.mentions.filter((m: { id: string }) => m.id !== 'm-ukraine-2');
      a.annotations.citedSources = [];
    }),
  );
  assert.deepEqual(
    findings.map((f) => [f.pointer, f.severity]),
    [
      ['/body/0/text', 'warning'],
      ['/body/2/text', 'warning'],
    ],
  );
  const wire = findings.find((f) => f.message.includes('Wire Service'))!;
  assert.match(wire.message, /character \d+ of body block 0/);
  assert.match(wire.hint, /"outlet":"wire-service"/);
  const ukraine = findings.find((f) => f.message.startsWith('"Ukraine"'))!;
  const snippet = JSON.parse(/add to annotations\.mentions: (\{.*\}) \(number/.exec(ukraine.hint)![1]!);
  assert.deepEqual(snippet.selector, { exact: 'Ukraine', prefix: 'that ' });
  assert.equal(snippet.entity, 'ukraine');
});

test('coverage: the seed article has no unannotated registered name', async () => {
  const report = await validateData({
    dataDir: join(import.meta.dirname, '..', '..', '..', 'data'),
    rules: [coverage],
  });
  assert.deepEqual(report.findings, []);
});
