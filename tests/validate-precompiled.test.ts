/**
 * The validators compiled ahead of time (scripts/checks/generated/, made by `npm run schemas`) give exactly the
 * errors Ajv gives when it compiles the schemas at run time, and are used only for the schema files they came from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';
import { VALID_FIXTURE } from '../scripts/checks/test-kit.ts';
import { COLLECTIONS } from '../scripts/lib/collections.ts';
import { createAjv } from '../scripts/lib/validator-code.ts';
import { rootSchemaOf, schemaIssues, schemaValidators } from '../scripts/checks/schema.ts';
import * as generated from '../scripts/checks/generated/validators.cjs';

const SCHEMAS = join(ROOT, 'schemas');

/** Records that break the schema in different ways, made from each data record. */
function variants(record: Record<string, unknown>): unknown[] {
  const { id: _id, ...noId } = record;
  return [
    record,
    noId,
    { ...record, id: 'Not A Slug' },
    { ...record, stray: 1 },
    { ...record, headline: 42, url: 'ftp:/x', datePublished: '2025-13' },
    { ...record, annotations: { mentions: [{}] }, aliases: [null] },
    [],
  ];
}

test('the generated validators give the same verdicts and errors as validators compiled at run time', () => {
  const ajv = createAjv(false);
  for (const { name, dir, schema } of COLLECTIONS) {
    const runtime = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `${schema}.schema.json`), 'utf8')) as object);
    const folder = join(VALID_FIXTURE, dir);
    const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    assert.ok(files.length > 0, `no ${dir} fixture`);
    for (const file of files) {
      for (const value of variants(JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>)) {
        const expected = runtime(value);
        assert.equal(generated[name](value), expected, `${name}/${file}`);
        assert.deepEqual(generated[name].errors ?? null, runtime.errors ?? null, `${name}/${file}`);
        if (!expected) {
          const used = schemaValidators(SCHEMAS)[name];
          assert.deepEqual(rootSchemaOf(used), runtime.schema);
          assert.deepEqual(
            schemaIssues(generated[name].errors ?? [], rootSchemaOf(used)),
            schemaIssues(runtime.errors ?? [], runtime.schema as object),
          );
        }
      }
    }
  }
});

test('the repository schemas use the generated validators; a changed schema is compiled instead', (t) => {
  assert.equal(schemaValidators(SCHEMAS).articles, generated.articles);
  const copy = mkdtempSync(join(tmpdir(), 'precompiled-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(SCHEMAS, copy, { recursive: true });
  // The copy lets an outlet carry one more field, which the repository's schema (and generated code) rejects.
  const file = join(copy, 'outlet.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: Record<string, unknown> };
  schema.properties.motto = { type: 'string' };
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  const outlet = {
    ...(JSON.parse(readFileSync(join(VALID_FIXTURE, 'outlets', 'wire-service.json'), 'utf8')) as object),
    motto: 'News.',
  };
  assert.equal(generated.outlets(outlet), false);
  const validators = schemaValidators(copy);
  assert.notEqual(validators.outlets, generated.outlets);
  assert.equal(validators.outlets(outlet), true);
});
