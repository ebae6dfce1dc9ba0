/**
 * The analyst formats, read back by real clients: DuckDB reads every JSONL file one row per record; the Croissant file
 * expands as JSON-LD (offline) and names every table and column; two builds of the same data give the same bytes.
 * The tables (CSV, Parquet, SQLite) are read back in tests/publish-tables.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { PublishedDataset } from '../types/index.ts';
import { COLLECTIONS } from '../scripts/lib/collections.ts';
import { tableModel } from '../scripts/publish/table-model.ts';
import { jsonlPath } from '../scripts/publish/formats/json.ts';
import { CROISSANT_PATH } from '../scripts/publish/formats/metadata.ts';
import { ROOT } from './helpers.ts';
import { build, FIXTURE_DATA, REPO_DATA, readJson, sharedBuild } from './fixtures/publish/support.ts';

const MODEL = tableModel(join(ROOT, 'schemas'));

async function withDuckDb<T>(run: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await run(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

const repo = sharedBuild(REPO_DATA);
const fixture = sharedBuild(FIXTURE_DATA);

for (const [label, out] of [
  ['the fixture', fixture],
  ['a fresh build of data/', repo],
] as const) {
  const dataset = readJson<PublishedDataset>(join(out, 'data.json'));

  test(`${label}: DuckDB's read_json loads each JSONL file as one row per record, one column per field`, async () => {
    await withDuckDb(async (db) => {
      for (const { name } of COLLECTIONS) {
        const records = dataset[name] as unknown as Record<string, unknown>[];
        const path = join(out, jsonlPath(name));
        const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
        assert.deepEqual(
          lines.map((l) => JSON.parse(l) as unknown),
          records,
          name,
        );
        if (records.length === 0) continue;
        const [count] = await rows(
          db,
          `SELECT count(*)::INTEGER AS n FROM read_json('${path}', format = 'newline_delimited')`,
        );
        assert.equal(count!.n, records.length, name);
        const columns = await rows(
          db,
          `SELECT column_name FROM (DESCRIBE SELECT * FROM read_json('${path}', format = 'newline_delimited'))`,
        );
        const keys = new Set(records.flatMap((r) => Object.keys(r)));
        assert.deepEqual(new Set(columns.map((c) => c.column_name)), keys, name);
      }
    });
  });
}

test('croissant.json is valid JSON-LD (expanded offline) whose record sets name every table and column', async () => {
  const document = readJson<object>(join(repo, CROISSANT_PATH));
  const documentLoader = (url: string) =>
    Promise.reject(new Error(`offline: the test loads no remote context (${url})`));
  const expanded = (await jsonld.expand(document, { documentLoader, base: 'https://example.org/dist/' })) as Record<
    string,
    unknown
  >[];
  assert.equal(expanded.length, 1);
  const dataset = expanded[0]!;
  const CR = 'http://mlcommons.org/croissant/';
  const SC = 'https://schema.org/';
  const values = (node: Record<string, unknown>, key: string) =>
    (node[key] as Record<string, unknown>[] | undefined) ?? [];
  assert.deepEqual(values(dataset, '@type'), [`${SC}Dataset`]);
  assert.equal(
    values(dataset, 'http://purl.org/dc/terms/conformsTo')[0]?.['@value'],
    'http://mlcommons.org/croissant/1.1',
  );
  const recordSets = values(dataset, `${CR}recordSet`);
  const named = new Map(recordSets.map((rs) => [values(rs, `${SC}name`)[0]?.['@value'], rs]));
  assert.deepEqual([...named.keys()].sort(), MODEL.tables.map((t) => t.name).sort());
  for (const table of MODEL.tables) {
    const fields = values(named.get(table.name)!, `${CR}field`);
    assert.deepEqual(
      fields.map((f) => values(f, `${SC}name`)[0]?.['@value']),
      table.columns.map((c) => c.name),
      table.name,
    );
    for (const field of fields) assert.ok(values(field, `${CR}dataType`)[0]?.['@id']?.toString().startsWith(SC));
  }
  for (const key of ['dataCollection', 'dataAnnotationProtocol', 'dataLimitations', 'personalSensitiveInformation']) {
    assert.ok(values(dataset, `${CR}RAI/${key}`).length > 0, `rai:${key}`);
  }
});

test('the same data builds to the same bytes, Parquet and SQLite included', () => {
  const again = build(REPO_DATA);
  // SHA256SUMS hashes what the npm package ships; datapackage.json every resource, Parquet and SQLite included.
  for (const file of ['SHA256SUMS', 'datapackage.json'])
    assert.equal(readFileSync(join(again, file), 'utf8'), readFileSync(join(repo, file), 'utf8'), file);
  const descriptor = readFileSync(join(repo, 'datapackage.json'), 'utf8');
  for (const path of ['annotated-news.sqlite', 'parquet/articles.parquet', 'jsonl/articles.jsonl'])
    assert.ok(descriptor.includes(`"path": "${path}"`), path);
  assert.match(descriptor, /"hash": "sha256:[0-9a-f]{64}"/);
});
