import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferencePointers, resolvePointer } from './inference-pointers.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';

test('inference-pointers: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([inferencePointers]), []);
});

test(
  'inference-pointers: a field that is not in the annotation, or not under a null value, fails with the ' +
    'fields that are',
  () => {
    const findings = findingsAfter([inferencePointers], (data) =>
      editJson(data, FIXTURE_ARTICLE, (a) => {
        a.inferences[0].field = '/date';
        a.inferences.push({ ...a.inferences[0], id: 'inf-2', about: 'article', field: '/headline/subtitle' });
        a.inferences.push({ ...a.inferences[0], id: 'inf-3', about: 'article', field: '/datePublished' });
      }),
    );
    assert.deepEqual(
      findings.map((f) => f.pointer),
      ['/inferences/0/field', '/inferences/1/field'],
    );
    assert.match(findings[0]!.hint, /\/place/);
    assert.match(findings[1]!.hint, /\/headline\/text/);
  },
);

test('inference-pointers: RFC 6901 escapes and array indexes', () => {
  const value = { 'a/b': [{ '~x': null }] };
  assert.deepEqual(resolvePointer(value, '/a~1b/0/~0x'), { found: true, value: null });
  assert.deepEqual(resolvePointer(value, '/a~1b/1'), { found: false, at: '/a~1b' });
  assert.deepEqual(resolvePointer(value, '/a~1b/01'), { found: false, at: '/a~1b' });
});
