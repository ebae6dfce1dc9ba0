import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityKinds } from './entity-kinds.ts';
import { ENTITY_FIELD_KINDS } from '../entity-fields.ts';
import { collectionReferences, fieldKeyOf } from '../../lib/references.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import type { Article } from '../../../types/index.ts';

test('entity-kinds: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([entityKinds]), []);
});

test(
  'entity-kinds: an event whose entity is a person, a place that is an event and a source that is ' + 'an event fail',
  () => {
    const findings = findingsAfter([entityKinds], (data) =>
      editJson(data, FIXTURE_ARTICLE, (a: Article) => {
        a.annotations.events[0]!.entity = 'olena-kovalenko';
        a.annotations.events[0]!.place = 'kyiv-energy-forum';
        a.annotations.quotes[0]!.source.entity = 'kyiv-energy-forum';
      }),
    );
    assert.deepEqual(findings.map((f) => f.pointer).sort(), [
      '/annotations/events/0/entity',
      '/annotations/events/0/place',
      '/annotations/quotes/0/source/entity',
    ]);
    assert.ok(findings.every((f) => f.severity === 'error'));
    assert.match(findings.find((f) => f.pointer.endsWith('/entity') && f.pointer.includes('events'))!.hint, /setting/);
  },
);

test('entity-kinds: every field in the table is an entity reference, as the types declare (EntityId)', () => {
  const declared = new Set(
    (['articles', 'entities'] as const).flatMap((c) =>
      collectionReferences(c)
        .filter((f) => f.target === 'entities')
        .map((f) => fieldKeyOf(f.path)),
    ),
  );
  for (const key of ENTITY_FIELD_KINDS.keys()) assert.ok(declared.has(key), `${key} is not declared an EntityId`);
});
