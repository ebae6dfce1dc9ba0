// The portable-filename rule (scripts/lib/portable-names.ts), clause by clause, and the ids rule that applies it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameProblem } from './portable-names.ts';
import { ids } from '../checks/rules/ids.ts';
import type { RecordContext } from '../checks/rule.ts';

test('portable names: clause 1, lowercase slugs only', () => {
  for (const bad of ['Kyiv', 'a.b', '-a', 'a-', 'a--b', 'a_b', 'a b', 'ä', ''])
    assert.match(nameProblem(bad)!, /slug/, bad);
  for (const good of ['kyiv', 'a-b', 'x1', '2025-budget']) assert.equal(nameProblem(good), null, good);
});

test('portable names: clause 2, at most 120 characters', () => {
  assert.equal(nameProblem('a'.repeat(120)), null);
  assert.match(nameProblem('a'.repeat(121))!, /longer than 120/);
});

test('portable names: clause 3, every Windows device name, in any case, with or without an extension', () => {
  const devices = ['con', 'prn', 'aux', 'nul', ...[...'0123456789'].flatMap((d) => [`com${d}`, `lpt${d}`])];
  assert.equal(devices.length, 24);
  for (const name of devices) {
    assert.match(nameProblem(name)!, /Windows reserves/, name);
    assert.match(nameProblem(`${name}.json`)!, /slug|Windows/, name); // never a valid name either way
  }
  for (const near of ['cons', 'com10', 'lpt', 'null', 'auxiliary', 'con-edison'])
    assert.equal(nameProblem(near), null, near);
});

test('portable names: clause 4, names the outputs write beside records', () => {
  for (const name of ['index', 'page-1', 'page-2', 'page-10', 'tasks', 'config', 'annotation'])
    assert.match(nameProblem(name)!, /outputs use it/, name);
  for (const near of ['index-of-prices', 'page', 'page-two', 'tasks-ahead'])
    assert.equal(nameProblem(near), null, near);
});

test('ids rule: an entity or article id that Windows or the outputs reserve is an error with a working hint', () => {
  for (const [collection, id] of [
    ['entities', 'index'],
    ['articles', 'page-2'],
    ['outlets', 'nul'],
    ['entities', 'com1'],
  ] as const) {
    const context = { phase: 'record', collection, fileId: id, record: { id } } as unknown as RecordContext;
    const [issue, ...rest] = ids.check(context);
    assert.equal(rest.length, 0);
    assert.equal(issue!.pointer, '/id');
    const suggested = /e\.g\. "([^"]+)"/.exec(issue!.hint)![1]!;
    assert.equal(nameProblem(suggested), null, suggested);
  }
  assert.deepEqual(
    ids.check({
      phase: 'record',
      collection: 'entities',
      fileId: 'kyiv',
      record: { id: 'kyiv' },
    } as unknown as RecordContext),
    [],
  );
});
