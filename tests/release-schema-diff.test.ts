/** The schema classifier: each kind of change, on small schemas shaped like the generated ones. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSchema, diffSchemas } from '../scripts/release/schema-diff.ts';
import type { JsonObject } from '../scripts/release/snapshot.ts';
import { ROOT } from './helpers.ts';

/** A record schema like the generated ones: closed objects, `$ref`s to definitions, nullable `anyOf`s. */
function base(): JsonObject {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'urn:annotated-news:schema:v1:thing',
    title: 'Thing',
    description: 'A thing.',
    type: 'object',
    properties: {
      id: { $ref: '#/definitions/Id', description: 'The id.' },
      kind: { $ref: '#/definitions/Kind', description: 'The kind.' },
      name: { type: 'string', minLength: 1, maxLength: 100, description: 'The name.' },
      url: { description: 'The address.', anyOf: [{ $ref: '#/definitions/Url' }, { type: 'null' }] },
      tags: { type: 'array', items: { type: 'string' }, description: 'Tags.' },
    },
    additionalProperties: false,
    required: ['id', 'kind', 'name', 'url', 'tags'],
    definitions: {
      Id: { type: 'string', pattern: '^[a-z]+$', description: 'An id.' },
      Kind: { type: 'string', enum: ['a', 'b'], description: 'A kind.' },
      Url: { type: 'string', pattern: '^https?://', format: 'uri', description: 'A URL.' },
    },
  };
}

// The edits reach into nested schema objects freely; the result is compared, not typed.
type Edit = (schema: any) => void;

function classify(edit: Edit): { level: string; field: string; change: string }[] {
  const after = structuredClone(base());
  edit(after);
  return diffSchema('thing', base(), after).map(({ level, field, change }) => ({ level, field, change }));
}

test('identical schemas, and a new major version in the $id alone, are no change', () => {
  assert.deepEqual(
    classify(() => {}),
    [],
  );
  assert.deepEqual(
    classify((s) => (s.$id = 'urn:annotated-news:schema:v2:thing')),
    [],
  );
});

test('a new optional field is a minor; a new required field is a major', () => {
  assert.deepEqual(
    classify((s) => (s.properties.note = { type: 'string', description: 'A note.' })),
    [{ level: 'minor', field: 'note', change: 'new optional field' }],
  );
  assert.deepEqual(
    classify((s) => {
      s.properties.note = { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] };
      s.required.push('note');
    }),
    [{ level: 'major', field: 'note', change: 'new required field' }],
  );
});

test('a new optional object reports the object once, not each field inside it', () => {
  const changes = classify((s) => {
    s.properties.source = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      required: ['a', 'b'],
    };
  });
  assert.deepEqual(changes, [{ level: 'minor', field: 'source', change: 'new optional field' }]);
});

test('a removed field is a major, reported once', () => {
  assert.deepEqual(
    classify((s) => {
      delete s.properties.url;
      s.required = s.required.filter((r: string) => r !== 'url');
    }),
    [{ level: 'major', field: 'url', change: 'field removed (or renamed)' }],
  );
});

test('a renamed field is a removal (major) plus an addition', () => {
  const changes = classify((s) => {
    s.properties.title = s.properties.name;
    delete s.properties.name;
    s.required = s.required.map((r: string) => (r === 'name' ? 'title' : r));
  });
  assert.deepEqual(changes, [
    { level: 'major', field: 'name', change: 'field removed (or renamed)' },
    { level: 'major', field: 'title', change: 'new required field' },
  ]);
});

test('made required and made optional are both major', () => {
  assert.deepEqual(
    classify((s) => (s.required = s.required.filter((r: string) => r !== 'tags'))),
    [{ level: 'major', field: 'tags', change: 'made optional (records may now omit it)' }],
  );
  const withOptional = base();
  (withOptional.properties as JsonObject).note = { type: 'string' };
  const madeRequired = structuredClone(withOptional);
  (madeRequired.required as string[]).push('note');
  assert.deepEqual(
    diffSchema('thing', withOptional, madeRequired).map((c) => c.change),
    ['made required'],
  );
});

test('a narrowed or widened type is a major (a field that may now be null breaks the code that reads it)', () => {
  assert.deepEqual(
    classify((s) => (s.properties.url = { $ref: '#/definitions/Url', description: 'The address.' })),
    [{ level: 'major', field: 'url', change: 'type narrowed: no longer null' }],
  );
  assert.deepEqual(
    classify(
      (s) =>
        (s.properties.name = {
          anyOf: [{ type: 'string', minLength: 1, maxLength: 100 }, { type: 'null' }],
          description: 'The name.',
        }),
    ),
    [{ level: 'major', field: 'name', change: 'type widened: may now be null' }],
  );
});

test('a new enum member is a minor (enums are open), a removed one a major', () => {
  assert.deepEqual(
    classify((s) => s.definitions.Kind.enum.push('c')),
    [{ level: 'minor', field: 'kind', change: 'new enum member: "c"' }],
  );
  assert.deepEqual(
    classify((s) => (s.definitions.Kind.enum = ['a'])),
    [{ level: 'major', field: 'kind', change: 'enum member removed: "b"' }],
  );
});

test('limits: tightened is a major, relaxed is a minor', () => {
  assert.deepEqual(
    classify((s) => (s.properties.name.maxLength = 50)),
    [{ level: 'major', field: 'name', change: 'maxLength tightened: 100 → 50' }],
  );
  assert.deepEqual(
    classify((s) => delete s.properties.name.maxLength),
    [{ level: 'minor', field: 'name', change: 'maxLength relaxed: 100 → none' }],
  );
  assert.deepEqual(
    classify((s) => (s.properties.tags.minItems = 1)),
    [{ level: 'major', field: 'tags', change: 'minItems tightened: none → 1' }],
  );
});

test('a changed pattern is a major (it cannot be proved wider); a dropped one a minor', () => {
  assert.deepEqual(
    classify((s) => (s.definitions.Id.pattern = '^[a-z0-9]+$')),
    [{ level: 'major', field: 'id', change: 'pattern changed: ^[a-z0-9]+$' }],
  );
  assert.deepEqual(
    classify((s) => delete s.definitions.Url.format),
    [{ level: 'minor', field: 'url', change: 'format dropped: uri' }],
  );
});

test('a pattern widened by alternatives put in front of it is a minor; a capturing group in them is not', () => {
  assert.deepEqual(
    classify((s) => (s.definitions.Id.pattern = '^(?:NONE|UNKNOWN)$|^[a-z]+$')),
    [{ level: 'minor', field: 'id', change: 'pattern widened: ^(?:NONE|UNKNOWN)$|^[a-z]+$' }],
  );
  // A capturing group would renumber the old pattern's backreferences; a broken prefix is no regular expression.
  for (const pattern of ['^(NONE)$|^[a-z]+$', '^[a-z|^[a-z]+$', '^[a-z]+$|x'])
    assert.equal(classify((s) => (s.definitions.Id.pattern = pattern))[0]!.level, 'major', pattern);
});

test('the model 1.1 changes (PAST_REF, PRESENT_REF, FUTURE_REF, unit measure with unitCode) are minors', () => {
  const now = JSON.parse(readFileSync(join(ROOT, 'schemas/article.schema.json'), 'utf8')) as JsonObject;
  const before = structuredClone(now) as any;
  const definitions = before.definitions;
  definitions.TimeValue.pattern = definitions.TimeValue.pattern.replace('^(?:PAST_REF|PRESENT_REF|FUTURE_REF)$|', '');
  definitions.FigureUnit.enum = definitions.FigureUnit.enum.filter((u: string) => u !== 'measure');
  delete definitions.Figure.properties.unitCode;
  delete definitions.UnitCode;
  const changes = diffSchema('article', before, now).filter((c) => c.level !== 'patch');
  assert.deepEqual(changes.map(({ level, field, change }) => `${level} ${field}: ${change.split(':')[0]}`).sort(), [
    'minor annotations.events[].time.value: pattern widened',
    'minor annotations.figures[].unit: new enum member',
    'minor annotations.figures[].unitCode: new optional field',
  ]);
});

test('a change inside a list item or a definition is found at the field that uses it', () => {
  assert.deepEqual(
    classify((s) => (s.properties.tags.items = { type: 'string', maxLength: 20 })),
    [{ level: 'major', field: 'tags[]', change: 'maxLength tightened: none → 20' }],
  );
});

test('descriptions alone are a patch', () => {
  assert.deepEqual(
    classify((s) => (s.properties.kind.description = 'What kind of thing.')),
    [{ level: 'patch', field: 'kind', change: 'description changed' }],
  );
  assert.deepEqual(
    classify((s) => (s.definitions.Kind.description = 'What kind of thing.')),
    [{ level: 'patch', field: '#/definitions/Kind', change: 'description changed' }],
  );
  assert.deepEqual(
    classify((s) => (s.description = 'Anything.')),
    [{ level: 'patch', field: '', change: 'description changed' }],
  );
  // The kinds of entity a reference accepts are a note too (its `$comment`): the schema does not validate them.
  assert.deepEqual(
    classify((s) => (s.properties.url.$comment = 'entityKinds: person')),
    [{ level: 'patch', field: 'url', change: 'description changed' }],
  );
});

test('opening or closing an object, and keywords the classifier does not model', () => {
  assert.deepEqual(
    classify((s) => (s.additionalProperties = true)),
    [{ level: 'minor', field: '', change: 'open to unknown properties' }],
  );
  assert.deepEqual(
    classify((s) => (s.properties.name.not = { const: 'x' })),
    [{ level: 'major', field: 'name', change: 'changed in a way the classifier does not recognise (review it)' }],
  );
});

test('whole schemas: a new one is a minor, a removed one a major', () => {
  const thing = base();
  assert.deepEqual(
    diffSchemas(
      new Map([['thing', thing]]),
      new Map([
        ['thing', thing],
        ['other', thing],
      ]),
    ),
    [{ level: 'minor', schema: 'other', field: '', change: 'new schema' }],
  );
  assert.deepEqual(diffSchemas(new Map([['thing', thing]]), new Map()), [
    { level: 'major', schema: 'thing', field: '', change: 'schema removed' },
  ]);
});

test('every committed schema flattens and compares equal to itself', () => {
  for (const name of ['article', 'entity', 'outlet', 'redirect']) {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as JsonObject;
    assert.deepEqual(diffSchema(name, schema, structuredClone(schema)), [], name);
  }
});
