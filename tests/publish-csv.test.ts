/**
 * The CSV tables as datapackage.json describes them: every table conforms to its Table Schema and dialect; the
 * descriptor validates against the official Frictionless v2 profile. (The tables' contents and order:
 * tests/publish-tables.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import type { PublishedDataset } from '../types/index.ts';
import { FRICTIONLESS_PROFILES } from './helpers.ts';
import { sharedBuild, FIXTURE_DATA, REPO_DATA, readCsv, readJson, type CsvCell } from './fixtures/publish/support.ts';

const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;
const PROFILES = FRICTIONLESS_PROFILES;

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  description: string;
  constraints: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
  };
}
interface Resource {
  name: string;
  path: string;
  type?: string;
  bytes: number;
  hash: string;
  encoding: string;
  dialect?: { delimiter: string; lineTerminator: string; header: boolean };
  schema?: {
    fields: Field[];
    missingValues: string[];
    primaryKey: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  };
}
interface Descriptor {
  name: string;
  version: string;
  resources: Resource[];
}

type Value = string | number | boolean | null;

/** A cell typed by its Table Schema field; null when missing. */
function typed(cell: CsvCell, field: Field): Value {
  if (cell === null) return null;
  switch (field.type) {
    case 'integer':
    case 'number':
      return Number(cell);
    case 'boolean':
      return cell === 'true';
    default:
      return cell;
  }
}

/** Every table of a build, typed by its Table Schema. */
function loadTables(out: string, descriptor: Descriptor): Map<string, Record<string, Value>[]> {
  const tables = new Map<string, Record<string, Value>[]>();
  for (const resource of descriptor.resources.filter((r) => r.schema)) {
    const { rows } = readCsv(join(out, resource.path));
    const fields = resource.schema!.fields;
    tables.set(
      resource.name,
      rows.map((row) => Object.fromEntries(fields.map((f) => [f.name, typed(row[f.name] ?? null, f)]))),
    );
  }
  return tables;
}

/** Checks one table against its Table Schema the way a Frictionless validator would; returns the problems. */
function conformance(out: string, resource: Resource, all: Map<string, Record<string, Value>[]>): string[] {
  const problems: string[] = [];
  const schema = resource.schema!;
  const { header, rows } = readCsv(join(out, resource.path));
  if (JSON.stringify(header) !== JSON.stringify(schema.fields.map((f) => f.name)))
    problems.push(`header ${header.join(',')}`);
  const missing = (cell: CsvCell) => cell === null || schema.missingValues.includes(cell);
  rows.forEach((row, i) => {
    for (const field of schema.fields) {
      const cell = row[field.name] ?? null;
      const where = `${resource.path} row ${i + 2} ${field.name}`;
      const c = field.constraints;
      if (missing(cell)) {
        if (c.required) problems.push(`${where}: required`);
        continue;
      }
      const text = cell!;
      const valid = {
        integer: /^-?\d+$/.test(text),
        number: /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text),
        boolean: text === 'true' || text === 'false',
        date: /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)),
        string: true,
      }[field.type];
      if (!valid) problems.push(`${where}: not a ${field.type}: ${text}`);
      if (c.enum && !c.enum.includes(text)) problems.push(`${where}: not in enum`);
      const length = [...text].length;
      if (c.minLength !== undefined && length < c.minLength) problems.push(`${where}: shorter than ${c.minLength}`);
      if (c.maxLength !== undefined && length > c.maxLength) problems.push(`${where}: longer than ${c.maxLength}`);
      if (c.minimum !== undefined && Number(text) < c.minimum) problems.push(`${where}: below ${c.minimum}`);
      if (c.maximum !== undefined && Number(text) > c.maximum) problems.push(`${where}: above ${c.maximum}`);
    }
  });
  const keyOf = (row: Record<string, unknown>, fields: string[]) => JSON.stringify(fields.map((f) => row[f]));
  const primary = new Set(rows.map((row) => keyOf(row, schema.primaryKey)));
  if (primary.size !== rows.length) problems.push(`${resource.path}: primary key ${schema.primaryKey} is not unique`);
  for (const field of schema.fields.filter((f) => f.constraints.unique)) {
    if (new Set(rows.map((r) => r[field.name])).size !== rows.length)
      problems.push(`${resource.path}: ${field.name} not unique`);
  }
  const typedRows = all.get(resource.name)!;
  for (const fk of schema.foreignKeys ?? []) {
    const target = all.get(fk.reference.resource);
    if (!target) {
      problems.push(`${resource.path}: foreign key to unknown resource ${fk.reference.resource}`);
      continue;
    }
    const keys = new Set(target.map((row) => keyOf(row, fk.reference.fields)));
    for (const row of typedRows) {
      if (fk.fields.some((f) => row[f] === null)) continue;
      if (!keys.has(keyOf(row, fk.fields)))
        problems.push(`${resource.path}: ${fk.fields} = ${keyOf(row, fk.fields)} not in ${fk.reference.resource}`);
    }
  }
  return problems;
}

for (const [label, out] of [
  ['the fixture', sharedBuild(FIXTURE_DATA)],
  ['a fresh build of data/', sharedBuild(REPO_DATA)],
] as const) {
  const descriptor = readJson<Descriptor>(join(out, 'datapackage.json'));
  const dataset = readJson<PublishedDataset>(join(out, 'data.json'));
  const tables = loadTables(out, descriptor);

  test(`${label}: every CSV conforms to its Table Schema (header, types, constraints, keys)`, () => {
    const problems = descriptor.resources.filter((r) => r.schema).flatMap((r) => conformance(out, r, tables));
    assert.deepEqual(problems, []);
  });

  test(`${label}: CSV files are UTF-8 without a BOM, CRLF-terminated, as the dialect says`, () => {
    for (const resource of descriptor.resources.filter((r) => r.schema)) {
      const bytes = readFileSync(join(out, resource.path));
      assert.notDeepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${resource.path} has a BOM`);
      assert.equal(resource.dialect?.lineTerminator, '\r\n');
      assert.ok(bytes.toString('utf8').endsWith('\r\n'), resource.path);
      assert.equal(resource.encoding, 'utf-8');
    }
  });

  test(`${label}: datapackage.json validates against the official Frictionless v2 profile; sizes and hashes match`, () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(readJson<object>(join(PROFILES, 'datapackage.json')));
    assert.ok(validate(descriptor), JSON.stringify(validate.errors, null, 2));
    const validateSchema = ajv.compile(readJson<object>(join(PROFILES, 'tableschema.json')));
    const validateDialect = ajv.compile(readJson<object>(join(PROFILES, 'tabledialect.json')));
    for (const resource of descriptor.resources) {
      // A resource with several files (a Frictionless `path` array) states their total size; each file's hash is
      // in SHA256SUMS or the bundle's.
      const paths = [resource.path].flat();
      const bytes = Buffer.concat(paths.map((path) => readFileSync(join(out, path))));
      assert.equal(resource.bytes, bytes.length, paths[0]);
      if (typeof resource.path === 'string')
        assert.equal(resource.hash, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, resource.path);
      if (resource.schema) {
        assert.ok(validateSchema(resource.schema), `${resource.name}: ${JSON.stringify(validateSchema.errors)}`);
        assert.ok(validateDialect(resource.dialect), `${resource.name}: ${JSON.stringify(validateDialect.errors)}`);
        for (const field of resource.schema.fields)
          assert.ok(field.description.length > 0, `${resource.name}.${field.name} has no description`);
      }
    }
    const csvFiles = readdirSync(join(out, 'csv'))
      .map((f) => `csv/${f}`)
      .sort();
    // Every published file is in a resource (not the descriptor and the checksums, which cover it).
    const listed = new Set(descriptor.resources.flatMap((r) => [r.path].flat()));
    const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.slice(66));
    assert.deepEqual(
      sums.filter((p) => !listed.has(p) && p !== 'datapackage.json'),
      [],
    );
    assert.deepEqual(
      descriptor.resources
        .filter((r) => r.schema)
        .map((r) => r.path)
        .sort(),
      csvFiles,
    );
    assert.equal(descriptor.version, dataset.version);
  });
}
