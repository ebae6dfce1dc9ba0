import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uniqueIds } from './unique-ids.ts';
import { editJson, findingsAfter } from '../test-kit.ts';
import type { Entity } from '../../../types/index.ts';

test('unique-ids: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([uniqueIds]), []);
});

test('unique-ids: two files declaring the same id fail, naming the other file', () => {
  const findings = findingsAfter([uniqueIds], (data) =>
    data.set('entities/ukraine-2.json', structuredClone(data.get('entities/ukraine.json'))),
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.file, 'entities/ukraine-2.json');
  assert.match(findings[0]!.message, /"ukraine" is already used by entities\/ukraine\.json/);
});

test('unique-ids: two files that swap ids are no clash', () => {
  const findings = findingsAfter([uniqueIds], (data) => {
    editJson(data, 'entities/ukraine.json', (e: Entity) => (e.id = 'olena-kovalenko'));
    editJson(data, 'entities/olena-kovalenko.json', (e: Entity) => (e.id = 'ukraine'));
  });
  assert.deepEqual(findings, []);
});
