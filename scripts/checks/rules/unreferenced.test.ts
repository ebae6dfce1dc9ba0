import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unreferenced } from './unreferenced.ts';
import { findingsAfter } from '../test-kit.ts';

test('unreferenced: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([unreferenced]), []);
});

test('unreferenced: an entity nothing references gets a warning on its own file', () => {
  const findings = findingsAfter([unreferenced], (data) =>
    data.set('entities/lonely.json', {
      id: 'lonely',
      kind: 'city',
      name: 'Lonely',
      aliases: [],
      demonyms: [],
      roles: [],
      identifiers: {},
    }),
  );
  assert.deepEqual(
    findings.map((f) => [f.file, f.pointer, f.severity]),
    [['entities/lonely.json', '/id', 'warning']],
  );
  assert.match(findings[0]!.hint, /data\/entities\/lonely\.json/);
});
