import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ids } from './ids.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';

test('ids: the valid fixture passes', async () => {
  assert.deepEqual(await findingsAfter([ids]), []);
});

test('ids: an id that differs from its file name fails, naming both', async () => {
  const findings = await findingsAfter([ids], (dir) => editJson(dir, FIXTURE_ARTICLE, (a) => (a.id = 'other-id')));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.pointer, '/id');
  assert.equal(findings[0]!.line, 2);
  assert.match(findings[0]!.message, /"other-id" does not match the file name "ukraine-energy-grid-repairs.json"/);
});

test('ids: two files declaring the same id fail, naming the other file', async () => {
  const findings = await findingsAfter([ids], (dir) =>
    copyFileSync(join(dir, 'entities/ukraine.json'), join(dir, 'entities/ukraine-2.json')),
  );
  const duplicate = findings.find((f) => /already used/.test(f.message));
  assert.ok(duplicate);
  assert.match(duplicate.message, /entities\/ukraine/);
});

test('ids: two files that swap ids are not duplicates (only mismatched names)', async () => {
  const { editJson: edit } = await import('../test-kit.ts');
  const findings = await findingsAfter([ids], (dir) => {
    edit(dir, 'entities/ukraine.json', (e) => (e.id = 'olena-kovalenko'));
    edit(dir, 'entities/olena-kovalenko.json', (e) => (e.id = 'ukraine'));
  });
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => /does not match the file name/.test(f.message)));
});
