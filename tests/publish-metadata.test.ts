/**
 * CITATION.cff at the repository root is valid Citation File Format 1.2.0 (checked against the official JSON
 * Schema, vendored in tests/vendor/citation-file-format-1.2) and cites the version package.json gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import * as yaml from 'js-yaml';
import { ROOT } from './helpers.ts';

const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;
const CFF_SCHEMA = join(ROOT, 'tests', 'vendor', 'citation-file-format-1.2', 'schema.json');

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(CFF_SCHEMA, 'utf8')) as object);
}

test("CITATION.cff validates against the CFF 1.2.0 schema and cites package.json's version", () => {
  const citation = yaml.load(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8'), { schema: yaml.JSON_SCHEMA }) as Record<
    string,
    unknown
  >;
  const validate = validator();
  assert.ok(validate(citation), JSON.stringify(validate.errors, null, 2));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(String(citation.version), pkg.version);
  assert.equal(citation.type, 'dataset');
});

test('the CFF schema rejects a citation without authors (the check can fail)', () => {
  const validate = validator();
  assert.equal(validate({ 'cff-version': '1.2.0', message: 'Cite it.', title: 'x' }), false);
});
