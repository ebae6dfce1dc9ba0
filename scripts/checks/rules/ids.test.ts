import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ids } from './ids.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import type { Article, Entity } from '../../../types/index.ts';

test('ids: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([ids]), []);
});

test('ids: an id that differs from its file name fails, naming both', () => {
  const findings = findingsAfter([ids], (data) => editJson(data, FIXTURE_ARTICLE, (a: Article) => (a.id = 'other-id')));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.pointer, '/id');
  assert.match(findings[0]!.message, /"other-id" does not match the file name "ukraine-energy-grid-repairs.json"/);
});

test('ids: two files that swap ids are not duplicates (only mismatched names)', () => {
  const findings = findingsAfter([ids], (data) => {
    editJson(data, 'entities/ukraine.json', (e: Entity) => (e.id = 'olena-kovalenko'));
    editJson(data, 'entities/olena-kovalenko.json', (e: Entity) => (e.id = 'ukraine'));
  });
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => /does not match the file name/.test(f.message)));
});
