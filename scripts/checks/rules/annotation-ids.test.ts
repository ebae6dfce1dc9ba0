import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationIds } from './annotation-ids.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import type { Article } from '../../../types/index.ts';

test('annotation-ids: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([annotationIds]), []);
});

test('annotation-ids: an id used twice in an article fails at the second use', () => {
  const findings = findingsAfter([annotationIds], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a: Article) => (a.annotations.figures[1]!.id = 'm-ukraine-1')),
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.pointer, '/annotations/figures/1/id');
  assert.match(findings[0]!.message, /already used at \/annotations\/mentions\/0\/id/);
});
