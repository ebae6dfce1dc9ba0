/** Loads the committed JSON Schemas and compiles them once with Ajv. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import type { FormatsPlugin } from 'ajv-formats';
import { COLLECTIONS, type Collection } from './collections.ts';

// ajv-formats is CommonJS (`module.exports` is the plugin); require it rather than guess at ESM interop.
const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;

export function compileSchemas(schemaDir: string): Record<Collection, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const validators = {} as Record<Collection, ValidateFunction>;
  for (const { name, schema } of COLLECTIONS) {
    const json = JSON.parse(readFileSync(join(schemaDir, `${schema}.schema.json`), 'utf8')) as object;
    validators[name] = ajv.compile(json);
  }
  return validators;
}
