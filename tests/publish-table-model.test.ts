/**
 * The table model guards every published field: each field of the JSON Schemas is a column of some table, or is on
 * the commented exclusion list (`EXCLUDED_FIELDS` in scripts/publish/table-model.ts). A field the model cannot
 * publish fails here until it is published or excluded with a reason. Also: keys, names and descriptions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '../scripts/lib/collections.ts';
import { SchemaFields, type SchemaNode } from '../scripts/publish/schema-fields.ts';
import { EXCLUDED_FIELDS, TableModel } from '../scripts/publish/table-model.ts';
import { ROOT } from './helpers.ts';
import { tempDir } from './fixtures/publish/support.ts';

/** Every leaf field of the schemas (`article:annotations.quotes[].hedges[].exact`), found by a walk of its own. */
function schemaLeaves(schemas: SchemaFields): string[] {
  const leaves: string[] = [];
  const walk = (schema: string, node: SchemaNode, field: string, depth: number) => {
    if (depth > 20) throw new Error(`${field}: the schema nests too deep (a recursive type?)`);
    const { node: target } = schemas.resolve(schema, node);
    if (target.type === 'array') walk(schema, target.items as SchemaNode, `${field}[]`, depth + 1);
    else if (target.properties) {
      for (const [key, child] of Object.entries(target.properties as Record<string, SchemaNode>)) {
        walk(schema, child, field.endsWith(':') ? `${field}${key}` : `${field}.${key}`, depth + 1);
      }
    } else leaves.push(field);
  };
  for (const { schema } of COLLECTIONS) walk(schema, schemas.schema(schema), `${schema}:`, 0);
  return leaves;
}

/** What the coverage test reports: fields neither published nor excluded, and exclusions that name no field. */
function coverageProblems(model: TableModel): string[] {
  const published = new Set(model.tables.flatMap((t) => t.columns.map((c) => c.field)).filter((f) => f !== null));
  const leaves = schemaLeaves(model.schemas);
  const excluded = (field: string) =>
    Object.keys(EXCLUDED_FIELDS).some((x) => field === x || field.startsWith(`${x}.`) || field.startsWith(`${x}[]`));
  const unpublished = new Set(model.unpublished.map((u) => u.field));
  const problems = leaves
    .filter((field) => !published.has(field) && !excluded(field) && !unpublished.has(field))
    .map(
      (field) => `${field} is in the schemas but in no table: publish it, or add it to EXCLUDED_FIELDS with the reason`,
    );
  for (const { field, reason } of model.unpublished) {
    if (!excluded(field))
      problems.push(`${field} cannot be published (${reason}): give it a shape the tables can hold, or exclude it`);
  }
  for (const [field, reason] of Object.entries(EXCLUDED_FIELDS)) {
    if (!leaves.some((leaf) => leaf === field || leaf.startsWith(field)))
      problems.push(`EXCLUDED_FIELDS names ${field}, which is not in the schemas`);
    if (reason.trim().length < 10) problems.push(`EXCLUDED_FIELDS gives no reason for ${field}`);
  }
  return problems;
}

const MODEL = new TableModel(new SchemaFields(join(ROOT, 'schemas')));

test('every field of the schemas is a column of a table or excluded with a reason', () => {
  assert.deepEqual(coverageProblems(MODEL), []);
});

test('every table has a primary key of its own columns, a description, and a foreign key to its parent', () => {
  for (const table of MODEL.tables) {
    const names = table.columns.map((c) => c.name);
    assert.equal(new Set(names).size, names.length, `${table.name}: duplicate column names`);
    for (const key of table.primaryKey)
      assert.ok(names.includes(key), `${table.name}: primary key ${key} is not a column`);
    assert.ok(table.description.length > 0, `${table.name} has no description`);
    for (const column of table.columns)
      assert.ok(column.facts.description.length > 0, `${table.name}.${column.name} has no description`);
    for (const fk of table.foreignKeys) {
      const target = MODEL.table(fk.reference.resource);
      for (const field of fk.reference.fields)
        assert.ok(
          target.columns.some((c) => c.name === field),
          `${table.name} → ${target.name}.${field}`,
        );
    }
    if (table.parent)
      assert.equal(
        table.foreignKeys[0]?.reference.resource,
        table.parent.table.name,
        `${table.name} has no key to its parent`,
      );
    assert.match(table.name, /^[a-z][a-z0-9_]*$/);
  }
  assert.equal(new Set(MODEL.tables.map((t) => t.name)).size, MODEL.tables.length, 'two tables share a name');
});

/** A copy of schemas/ with one property added to a definition of the article schema. */
function schemasWith(definition: string, property: string, node: SchemaNode): string {
  const dir = join(tempDir('table-model-'), 'schemas');
  cpSync(join(ROOT, 'schemas'), dir, { recursive: true });
  const path = join(dir, 'article.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as {
    definitions: Record<string, { properties: Record<string, unknown> }>;
  };
  schema.definitions[definition]!.properties[property] = node;
  writeFileSync(path, JSON.stringify(schema));
  return dir;
}

test(
  'a new scalar field reaches its table with its description; a new list becomes a child table keyed to its ' +
    'parent',
  () => {
    const dir = schemasWith('Mention', 'confidenceNote', { type: 'string', description: 'A note, for the test.' });
    const model = new TableModel(new SchemaFields(dir));
    const column = model.table('mentions').columns.find((c) => c.name === 'confidence_note');
    assert.equal(column?.facts.description, 'A note, for the test.');
    assert.deepEqual(coverageProblems(model), []);

    const listDir = schemasWith('Quote', 'cues', {
      type: 'array',
      items: { $ref: '#/definitions/TextQuoteSelector' },
      description: 'Cue words.',
    });
    const cues = new TableModel(new SchemaFields(listDir)).table('quote_cues');
    assert.deepEqual(cues.primaryKey, ['article', 'quote', 'position']);
    assert.deepEqual(cues.columns.map((c) => c.name).slice(-5), ['exact', 'prefix', 'suffix', 'start', 'end']);
  },
);

test('a field the tables cannot hold fails the coverage check until it is published or excluded', () => {
  const dir = schemasWith('Mention', 'labels', {
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'A map.',
  });
  const problems = coverageProblems(new TableModel(new SchemaFields(dir)));
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, /^article:annotations\.mentions\[\]\.labels /);
});
