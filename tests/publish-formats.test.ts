/**
 * The analyst formats, read back by real clients: DuckDB reads every Parquet table with the CSV's rows and types and
 * every JSONL file one row per record; Debian's Python opens the SQLite database (foreign keys hold, full-text search
 * finds the seed article); the Croissant file expands as JSON-LD (offline) and names every table and column; two
 * builds of the same data give the same bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { PublishedDataset } from '../types/index.ts';
import { COLLECTIONS } from '../scripts/lib/collections.ts';
import { RowMaker, tableModel } from '../scripts/publish/table-model.ts';
import { csvPath } from '../scripts/publish/csv.ts';
import { jsonlPath } from '../scripts/publish/json.ts';
import { DUCKDB_TYPE, parquetPath, readCsvSql } from '../scripts/publish/parquet.ts';
import { FULL_TEXT, SQLITE_PATH, userVersion, views } from '../scripts/publish/sqlite.ts';
import { CROISSANT_PATH } from '../scripts/publish/formats/metadata.ts';
import { ROOT, SEED_ID } from './helpers.ts';
import { build, FIXTURE_DATA, REPO_DATA, readJson, sharedBuild } from './fixtures/publish/support.ts';

const MODEL = tableModel(join(ROOT, 'schemas'));
const PYTHON = '/usr/bin/python3';

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
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

const repo = sharedBuild(REPO_DATA);
const fixture = sharedBuild(FIXTURE_DATA);

for (const [label, out] of [
  ['the fixture', fixture],
  ['a fresh build of data/', repo],
] as const) {
  const dataset = readJson<PublishedDataset>(join(out, 'data.json'));

  test(`${label}: DuckDB reads every Parquet table with the CSV's rows, the model's types and the descriptions`, async () => {
    await withDuckDb(async (db) => {
      for (const table of MODEL.tables) {
        const parquet = join(out, parquetPath(table.name));
        const csv = readCsvSql(join(out, csvPath(table.name)), table);
        const types = await rows(
          db,
          `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${parquet}'))`,
        );
        assert.deepEqual(
          types.map((r) => [r.column_name, r.column_type]),
          table.columns.map((c) => [c.name, DUCKDB_TYPE[c.facts.type]]),
          table.name,
        );
        const [counts] = await rows(
          db,
          `SELECT (SELECT count(*) FROM read_parquet('${parquet}'))::INTEGER AS parquet, (SELECT count(*) FROM ${csv})::INTEGER AS csv,
             (SELECT count(*) FROM (SELECT * FROM read_parquet('${parquet}') EXCEPT ALL SELECT * FROM ${csv}))::INTEGER AS only_parquet,
             (SELECT count(*) FROM (SELECT * FROM ${csv} EXCEPT ALL SELECT * FROM read_parquet('${parquet}')))::INTEGER AS only_csv`,
        );
        assert.deepEqual(counts, { parquet: counts!.csv, csv: counts!.csv, only_parquet: 0, only_csv: 0 }, table.name);
        const metadata = await rows(
          db,
          `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${parquet}')`,
        );
        const kv = new Map(metadata.map((r) => [r.key, r.value]));
        assert.equal(kv.get('description'), table.description);
        for (const column of table.columns)
          assert.equal(kv.get(`description:${column.name}`), column.facts.description);
        const codecs = await rows(db, `SELECT DISTINCT compression FROM parquet_metadata('${parquet}')`);
        assert.deepEqual(
          codecs.map((r) => r.compression),
          counts!.csv === 0 ? [] : ['ZSTD'],
          table.name,
        ); // an empty table has no column chunks
      }
    });
  });

  test(`${label}: DuckDB's read_json loads each JSONL file as one row per record, one column per field`, async () => {
    await withDuckDb(async (db) => {
      for (const { name } of COLLECTIONS) {
        const records = dataset[name] as unknown as Record<string, unknown>[];
        const path = join(out, jsonlPath(name));
        const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
        assert.deepEqual(
          lines.map((l) => JSON.parse(l)),
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

test('Python (Debian sqlite3) opens the database: foreign keys hold, full-text search finds the seed article', () => {
  if (!existsSync(PYTHON)) assert.fail(`${PYTHON} is missing: run .ci/run, or apt-get install -y python3`);
  const script = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda sql: db.execute(sql).fetchall()
print(json.dumps({
  "integrity": q("PRAGMA integrity_check"),
  "fk": q("PRAGMA foreign_key_check"),
  "version": q("PRAGMA user_version")[0][0],
  "meta": dict(q("SELECT key, value FROM dataset_metadata")),
  "tables": {t: q(f'SELECT count(*) FROM "{t}"')[0][0] for (t,) in q("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'dataset_%'")},
  "views": {v: q(f'SELECT count(*) FROM "{v}"')[0][0] for (v,) in q("SELECT name FROM sqlite_schema WHERE type = 'view'")},
  "fts": [r[0] for r in q("SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH 'neodymium'")],
  "named": q("SELECT count(*) FROM mentions_with_names WHERE entity_name IS NULL")[0][0],
  "quotes_fts": q("SELECT count(*) FROM quotes_fts")[0][0],
  "fks": sum(len(q(f'PRAGMA foreign_key_list("{t}")')) for (t,) in q("SELECT name FROM sqlite_schema WHERE type = 'table'")),
}))
`;
  const result = spawnSync(PYTHON, ['-c', script, join(repo, SQLITE_PATH)], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const facts = JSON.parse(result.stdout) as {
    integrity: string[][];
    fk: unknown[];
    version: number;
    meta: Record<string, string>;
    tables: Record<string, number>;
    views: Record<string, number>;
    fts: string[];
    quotes_fts: number;
    named: number;
    fks: number;
  };
  const dataset = readJson<PublishedDataset>(join(repo, 'data.json'));
  assert.deepEqual(facts.integrity, [['ok']]);
  assert.deepEqual(facts.fk, []);
  assert.equal(facts.version, userVersion(dataset.version));
  assert.equal(facts.meta.version, dataset.version);
  assert.deepEqual(Object.keys(facts.tables).sort(), MODEL.tables.map((t) => t.name).sort());
  const expected: Record<string, number> = Object.fromEntries(MODEL.tables.map((t) => [t.name, 0]));
  const maker = new RowMaker(MODEL);
  for (const { name } of COLLECTIONS)
    for (const record of dataset[name]) maker.rows(name, record, (t, made) => (expected[t.name]! += made.length));
  assert.deepEqual(facts.tables, expected);
  const expectedViews = Object.keys(views(MODEL.tables)).sort();
  assert.deepEqual(Object.keys(facts.views).sort(), expectedViews);
  assert.ok(
    expectedViews.includes('mentions_with_names') && expectedViews.includes('quotes_with_names'),
    expectedViews.join(', '),
  );
  for (const view of expectedViews)
    assert.equal(facts.views[view], facts.tables[view.replace(/_with_names$/, '')], view);
  assert.ok(facts.fts.includes(SEED_ID), `full-text search for "neodymium" found ${JSON.stringify(facts.fts)}`);
  assert.equal(facts.quotes_fts, facts.tables.quotes);
  assert.equal(facts.named, 0, "every mention has its entity's name beside it");
  assert.equal(
    facts.fks,
    MODEL.tables.reduce((n, t) => n + t.foreignKeys.reduce((m, fk) => m + fk.fields.length, 0), 0),
  );
  assert.ok(FULL_TEXT.filter((f) => !f.optional).every((f) => MODEL.tables.some((t) => t.name === f.table)));
});

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
