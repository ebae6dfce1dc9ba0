import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entityKinds, entityKindsTable } from './entity-kinds.ts';
import { collectionReferences, fieldKeyOf, kindsOf, KINDS_KEYWORD, referenceTarget } from '../../lib/references.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import type { Article, Entity } from '../../../types/index.ts';

const SCHEMAS = join(import.meta.dirname, '..', '..', '..', 'schemas');
const schemaOf = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, `${name}.schema.json`), 'utf8')) as object;

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
    const place = findings.find((f) => f.pointer === '/annotations/events/0/place')!;
    assert.equal(
      place.message,
      '"kyiv-energy-forum" is a event, but the event’s `place` must be one of `country`, `city`, `region`',
    );
    assert.equal(
      place.hint,
      'Reference an entity of kind `country`, `city`, `region`, or fix the entity’s `kind` in ' +
        'data/entities/kyiv-energy-forum.json.',
    );
    assert.match(
      findings.find((f) => f.pointer.startsWith('/annotations/quotes/'))!.message,
      /but the quote’s `source\.entity` must be one of `person`, `organization`, `country`$/,
    );
  },
);

test('entity-kinds: a role of an event fails, in the entity record', () => {
  const findings = findingsAfter([entityKinds], (data) =>
    editJson(data, 'entities/olena-kovalenko.json', (e: Entity) => (e.roles[0]!.of = 'kyiv-energy-forum')),
  );
  assert.deepEqual(
    findings.map((f) => [f.pointer, f.message]),
    [
      [
        '/roles/0/of',
        '"kyiv-energy-forum" is a event, but the role’s `of` must be one of ' +
          '`organization`, `country`, `city`, `region`',
      ],
    ],
  );
});

test('entity-kinds: the kinds are declared on entity references only, and are entity kinds', () => {
  const entityKindEnum = (schemaOf('entity') as { definitions: { EntityKind: { enum: string[] } } }).definitions
    .EntityKind.enum;
  const tagged: unknown[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    assert.ok(!(KINDS_KEYWORD in object), 'the kinds are a $comment, not a keyword Ajv’s strict mode refuses');
    const kinds = kindsOf(object);
    if (kinds) {
      tagged.push(kinds);
      assert.equal(referenceTarget(object), 'entities', `${JSON.stringify(object)} is not declared an EntityId`);
      assert.ok(kinds.length > 0 && kinds.every((k) => entityKindEnum.includes(k)), JSON.stringify(kinds));
    }
    Object.values(object).forEach(visit);
  };
  for (const name of ['article', 'entity', 'outlet', 'redirect']) visit(schemaOf(name));
  assert.ok(tagged.length > 0, 'no field declares its kinds');
});

test('entity-kinds: the tags reach the rule and the annotation guide', () => {
  const place = collectionReferences('articles').find((f) => fieldKeyOf(f.path) === '/annotations/events/-/place');
  assert.deepEqual(place?.kinds, ['country', 'city', 'region']);
  const roleOf = collectionReferences('entities').find((f) => fieldKeyOf(f.path) === '/roles/-/of');
  assert.deepEqual(roleOf?.kinds, ['organization', 'country', 'city', 'region']);
  const participants = collectionReferences('articles').find(
    (f) => fieldKeyOf(f.path) === '/annotations/events/-/participants/-',
  );
  assert.ok(participants, 'participants are entity references');
  assert.equal(participants.kinds, undefined, 'participants take an entity of any kind');
  const table = entityKindsTable(
    new Map(['article', 'entity', 'outlet', 'redirect'].map((n) => [`${n}.schema.json`, schemaOf(n)])),
  );
  assert.match(table, /^\| event `place` \| country, city, region \|$/m);
  assert.match(table, /^\| [^|]*role `of`[^|]* \| organization, country, city, region \|$/m);
});
