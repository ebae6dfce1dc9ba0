import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeholders } from './placeholders.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import type { Article } from '../../../types/index.ts';

test('placeholders: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([placeholders]), []);
});

test('placeholders: a TODO left from the template fails', () => {
  const findings = findingsAfter([placeholders], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a: Article) => (a.provenance.source = 'TODO: how the text was obtained')),
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.pointer, '/provenance/source');
});
