import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grounding } from './grounding.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import type { Article } from '../../../types/index.ts';

test('grounding: the valid fixture passes (selectors, continuations, attribution, hedges, event times)', () => {
  assert.deepEqual(findingsAfter([grounding]), []);
});

test('grounding: a passage not in the text fails, with the closest passage as a hint', () => {
  const findings = findingsAfter([grounding], (data) =>
    editJson(
      data,
      FIXTURE_ARTICLE,
      (a: Article) => (a.annotations.quotes[0]!.continuations[0]!.exact = 'Every region matter.'),
    ),
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.pointer, '/annotations/quotes/0/continuations/0/exact');
  assert.match(findings[0]!.hint, /Closest passage in the text: "Every region matters/);
});

test('grounding: an ambiguous passage fails and suggests a settling prefix or suffix', () => {
  const findings = findingsAfter([grounding], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a: Article) => (a.annotations.events[0]!.time!.selector = { exact: 'the' })),
  );
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /occurs \d+ times/);
  assert.match(findings[0]!.hint, /"prefix"|"suffix"/);
});

test('grounding: a prefix that is not in the text fails even when exact is', () => {
  const findings = findingsAfter([grounding], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a: Article) => (a.annotations.mentions[3]!.selector.prefix = 'than ')),
  );
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /not with this prefix\/suffix/);
});
