import { test } from 'node:test';
import assert from 'node:assert/strict';
import { references } from './references.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import type { Article } from '../../../types/index.ts';

test('references: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([references]), []);
});

test('references: an unknown entity, outlet or inference target fails', () => {
  const findings = findingsAfter([references], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a: Article) => {
      a.annotations.quotes[0]!.source.entity = 'nobody-known';
      a.publisher = 'no-such-outlet';
      a.inferences[0]!.about = 'no-such-annotation';
    }),
  );
  const pointers = findings
    .filter((f) => f.severity === 'error')
    .map((f) => f.pointer)
    .sort();
  assert.deepEqual(pointers, ['/annotations/quotes/0/source/entity', '/inferences/0/about', '/publisher']);
});
