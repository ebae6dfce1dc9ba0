/**
 * The tables (scripts/publish/formats/tables.ts and sqlite.ts), read back by real clients: csv-parse and
 * csv-stringify, DuckDB, pandas and Python's sqlite3. They hold every value of the canonical stream, conform to their
 * Table Schemas, are
 * RFC 4180 as the dialect says, and list their rows in one order, JavaScript's, whatever order the records came in;
 * the same stream gives the same bytes; a 2.5 MB paragraph builds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify, type Options } from 'csv-stringify/sync';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { COLLECTIONS } from '../scripts/lib/collections.ts';
import type { Cell } from '../scripts/publish/table-model.ts';
import { tableSchema } from '../scripts/publish/formats/metadata.ts';
import { csvPath, DIALECT, DUCKDB_TYPE, parquetPath } from '../scripts/publish/formats/tables.ts';
import { FULL_TEXT, SQLITE_PATH, userVersion, views } from '../scripts/publish/formats/sqlite.ts';
import { SEED_ID } from './helpers.ts';
import {
  build,
  FIXTURE_DATA,
  readCsv,
  recordLeaves,
  REPO_DATA,
  sharedBuild,
  tableLeaves,
  tempDir,
  type TableValue,
} from './fixtures/publish/support.ts';
import { expectedRows, hardStream, MODEL, readStream, VERSION, writeTables } from './fixtures/publish/tables.ts';

const PYTHON = '/usr/bin/python3';

/** Cells a spreadsheet or a CSV reader could trip on, published verbatim (see the README's formula-cell policy). */
const HOSTILE = [
  ' ',
  'a,b',
  ',',
  '"',
  '""',
  'say "hi"',
  'line\nfeed',
  'carriage\rreturn',
  'crlf\r\nend',
  '#comment',
  'not # a comment',
  '=SUM(A1:A2)',
  '+1',
  '-1',
  '@cmd',
  '\t=tab',
  '＝fullwidth',
  "'apostrophe",
  '𝔸stral 🚀 and ∑',
  'comma, "quote" and\r\nbreak',
  ' leading and trailing ',
  'NULL',
];

/**
 * The dialect, as csv-stringify options: a cell with a delimiter, a quote, a line break or `#` is quoted, quotes are
 * doubled, an empty string is `""`, a null an empty cell; CRLF; numbers as JavaScript writes them.
 */
const REFERENCE: Options = {
  delimiter: DIALECT.delimiter,
  record_delimiter: 'windows',
  quote: DIALECT.quoteChar,
  quoted_match: /[\r\n#]/,
  bom: false,
  cast: {
    string: (value) => (value === '' ? { value: '', quoted_empty: true } : value),
    boolean: (value) => (value ? 'true' : 'false'),
    number: (value) => String(value),
  },
};

async function withDuckDb<T>(run: (db: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    return await run(db);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
const rows = async (db: DuckDBConnection, sql: string) =>
  (await db.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];

const fixture = readStream(sharedBuild(FIXTURE_DATA));
const hard = hardStream(fixture, HOSTILE);
const built = await writeTables(hard);
const repo = readStream(sharedBuild(REPO_DATA));
const repoBuilt = await writeTables(repo);

for (const [label, stream, { root, resources }] of [
  ['the fixture, made harder', hard, built],
  ['data/', repo, repoBuilt],
] as const) {
  const expected = expectedRows(stream);

  test(`${label}: each CSV is csv-stringify's output of the model's rows in primary-key order, byte for byte`, () => {
    for (const [table, made] of expected) {
      const reference = stringify([table.columns.map((c) => c.name), ...made] as Cell[][], REFERENCE);
      assert.equal(readFileSync(join(root, csvPath(table.name)), 'utf8'), reference, csvPath(table.name));
    }
  });

  test(`${label}: the CSVs, read back with csv-parse, hold every value and list of the canonical stream`, () => {
    const typed = (table: string) => {
      const schema = tableSchema(MODEL.table(table));
      return readCsv(join(root, csvPath(table))).rows.map((row) =>
        Object.fromEntries(
          schema.fields.map((f): [string, TableValue] => {
            const cell = row[f.name] ?? null;
            if (cell === null) return [f.name, null];
            if (f.type === 'integer' || f.type === 'number') return [f.name, Number(cell)];
            return [f.name, f.type === 'boolean' ? cell === 'true' : cell];
          }),
        ),
      );
    };
    const fromTables = tableLeaves(MODEL, typed);
    const fromStream = COLLECTIONS.flatMap(({ name }) =>
      stream[name].map((r) => recordLeaves(name, r as { id: string })).flat(),
    );
    assert.deepEqual(fromTables.sort(), fromStream.sort());
  });

  test(`${label}: every table is a resource with its table name; every file exists`, () => {
    for (const table of MODEL.tables) {
      for (const path of [csvPath(table.name), parquetPath(table.name)]) {
        const resource = resources.find((r) => r.path === path);
        assert.equal(resource?.table, table.name, path);
        assert.ok(existsSync(join(root, path)), path);
      }
    }
    assert.ok(existsSync(join(root, SQLITE_PATH)));
    assert.ok(!existsSync(join(root, '.duckdb-tmp')), "DuckDB's spill folder is removed");
  });

  test(
    `${label}: DuckDB reads every Parquet table with the CSV's rows in the same order, the model's types, ` +
      `zstd and the descriptions`,
    async () => {
      await withDuckDb(async (db) => {
        for (const table of MODEL.tables) {
          const parquet = `'${join(root, parquetPath(table.name))}'`;
          const types = await rows(db, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${parquet})`);
          assert.deepEqual(
            types.map((r) => [r.column_name, r.column_type]),
            table.columns.map((c) => [c.name, DUCKDB_TYPE[c.facts.type]]),
            table.name,
          );
          // The Parquet rows, read in file order, are the expected rows in order (as JavaScript values).
          const as = { date: 'VARCHAR', integer: 'DOUBLE' } as Partial<Record<string, string>>;
          const select = table.columns
            .map((c) => (as[c.facts.type] ? `CAST("${c.name}" AS ${as[c.facts.type]}) AS "${c.name}"` : `"${c.name}"`))
            .join(', ');
          const read = await rows(db, `SELECT ${select} FROM ${parquet}`);
          assert.deepEqual(
            read.map((r) => table.columns.map((c) => r[c.name] ?? null)),
            expected.get(table),
            table.name,
          );
          const kv = new Map(
            (
              await rows(db, `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${parquet})`)
            ).map((r) => [r.key, r.value]),
          );
          assert.equal(kv.get('description'), table.description);
          for (const column of table.columns)
            assert.equal(kv.get(`description:${column.name}`), column.facts.description);
          const codecs = await rows(db, `SELECT DISTINCT compression FROM parquet_metadata(${parquet})`);
          assert.deepEqual(
            codecs.map((r) => r.compression),
            read.length === 0 ? [] : ['ZSTD'],
            table.name,
          );
        }
      });
    },
  );
}

test(
  "one order everywhere: ids that are prefixes of each other follow JavaScript's `<` in CSV, Parquet and " + 'SQLite',
  async () => {
    const ids = hard.articles.map((a) => String(a.id));
    const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const prefix = sorted.find((id) => sorted.includes(`${id}-copy`));
    assert.ok(prefix, 'the stream has an id and its `-copy`');
    assert.notDeepEqual(ids, sorted, 'the stream is out of order, so the tables must sort');
    const csv = readCsv(join(built.root, csvPath('articles'))).rows.map((r) => r.id);
    assert.deepEqual(csv, sorted);
    await withDuckDb(async (db) => {
      const parquet = `'${join(built.root, parquetPath('articles'))}'`;
      assert.deepEqual(
        (await rows(db, `SELECT id FROM ${parquet}`)).map((r) => r.id),
        sorted,
      );
      assert.deepEqual(
        (await rows(db, `SELECT id FROM ${parquet} ORDER BY id`)).map((r) => r.id),
        sorted,
      );
    });
    const script =
      'import sqlite3, sys, json; print(json.dumps([r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT id ' +
      'FROM articles ORDER BY rowid")]))';
    const result = spawnSync(PYTHON, ['-c', script, join(built.root, SQLITE_PATH)], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), sorted);
  },
);

test('a 2.5 MB paragraph builds: CSV (pandas), Parquet and SQLite hold the whole text', async () => {
  const big = hard.articles.find((a) => a.id === 'big-paragraph')!;
  const text = (big.body as { text: string }[]).map((b) => b.text).join('\n');
  assert.ok(Buffer.byteLength(text) > 2_500_000);
  const script = `
import json, sqlite3, sys, pandas
csv = pandas.read_csv(sys.argv[1], keep_default_na=False, dtype=str).set_index("id")
db = sqlite3.connect(sys.argv[2])
print(json.dumps({
  "csv": len(csv.loc["big-paragraph", "text"]),
  "sqlite": db.execute("SELECT length(text) FROM articles WHERE id = 'big-paragraph'").fetchone()[0],
}))
`;
  const result = spawnSync(
    PYTHON,
    ['-c', script, join(built.root, csvPath('articles')), join(built.root, SQLITE_PATH)],
    { encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  const length = [...text].length; // Python counts code points
  assert.deepEqual(JSON.parse(result.stdout), { csv: length, sqlite: length });
  await withDuckDb(async (db) => {
    const [row] = await rows(
      db,
      `SELECT length(text)::INTEGER AS n FROM '${join(built.root, parquetPath('articles'))}' WHERE id = ` +
        `'big-paragraph'`,
    );
    assert.equal(row?.n, length);
  });
});

test(
  '`npm run build` builds an article with a 2.5 MB paragraph ' + '(issue 26: DuckDB once failed on its CSV line)',
  async () => {
    const data = join(tempDir('big-paragraph-'), 'data');
    cpSync(FIXTURE_DATA, data, { recursive: true });
    const path = join(data, 'articles', 'bare-article.json');
    const article = JSON.parse(readFileSync(path, 'utf8')) as { body: { type: string; text: string }[] };
    const paragraph = 'Lorem ipsum dolor sit amet, “quoted”, 𝔸stral.'.repeat(55_000);
    article.body.push({ type: 'paragraph', text: paragraph });
    writeFileSync(path, `${JSON.stringify(article, null, 2)}\n`);
    const out = build(data);
    await withDuckDb(async (db) => {
      const [row] = await rows(
        db,
        `SELECT length(text)::INTEGER AS n FROM '${join(out, parquetPath('articles'))}' WHERE id = 'bare-article'`,
      );
      assert.ok(Number(row?.n) > [...paragraph].length, `the text has ${String(row?.n)} characters`);
    });
    assert.ok(readFileSync(join(out, csvPath('articles')), 'utf8').includes(paragraph));
  },
);

test('the same stream gives the same bytes: CSV, Parquet and SQLite', async () => {
  const again = await writeTables(hard);
  const paths = built.resources.flatMap((r) => (typeof r.path === 'string' ? [r.path] : r.path));
  assert.ok(paths.includes(SQLITE_PATH) && paths.includes(parquetPath('articles')));
  for (const path of paths)
    assert.ok(readFileSync(join(again.root, path)).equals(readFileSync(join(built.root, path))), path);
});

test(
  'Python (Debian sqlite3) opens the database: foreign keys hold, the views name, full-text search finds the ' +
    'seed article',
  () => {
    const script = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda sql: db.execute(sql).fetchall()
print(json.dumps({
  "integrity": q("PRAGMA integrity_check"),
  "fk": q("PRAGMA foreign_key_check"),
  "version": q("PRAGMA user_version")[0][0],
  "meta": dict(q("SELECT key, value FROM dataset_metadata")),
  "tables": {
    t: q(f'SELECT count(*) FROM "{t}"')[0][0]
    for (t,) in q(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'dataset_%'"
    )
  },
  "views": {
    v: q(f'SELECT count(*) FROM "{v}"')[0][0] for (v,) in q("SELECT name FROM sqlite_schema WHERE type = 'view'")
  },
  "fts": [
    r[0]
    for r in q(
      "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
      "WHERE articles_fts MATCH 'neodymium'"
    )
  ],
  "named": q("SELECT count(*) FROM mentions_with_names WHERE entity_name IS NULL")[0][0],
  "quotes_fts": q("SELECT count(*) FROM quotes_fts")[0][0],
  "fks": sum(
    len(q(f'PRAGMA foreign_key_list("{t}")')) for (t,) in q("SELECT name FROM sqlite_schema WHERE type = 'table'")
  ),
  "columns": q("SELECT count(*) FROM dataset_columns")[0][0],
}))
`;
    const result = spawnSync(PYTHON, ['-c', script, join(repoBuilt.root, SQLITE_PATH)], { encoding: 'utf8' });
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
      columns: number;
    };
    assert.deepEqual(facts.integrity, [['ok']]);
    assert.deepEqual(facts.fk, []);
    assert.equal(facts.version, userVersion(VERSION));
    assert.equal(facts.meta.version, VERSION);
    const expected = Object.fromEntries([...expectedRows(repo)].map(([t, made]) => [t.name, made.length]));
    assert.deepEqual(facts.tables, expected);
    const expectedViews = Object.keys(views(MODEL.tables)).sort();
    assert.deepEqual(Object.keys(facts.views).sort(), expectedViews);
    assert.ok(expectedViews.includes('mentions_with_names') && expectedViews.includes('quotes_with_names'));
    for (const view of expectedViews)
      assert.equal(facts.views[view], facts.tables[view.replace(/_with_names$/, '')], view);
    assert.ok(facts.fts.includes(SEED_ID), `full-text search for "neodymium" found ${JSON.stringify(facts.fts)}`);
    assert.equal(facts.quotes_fts, facts.tables.quotes);
    assert.equal(facts.named, 0, "every mention has its entity's name beside it");
    assert.equal(
      facts.fks,
      MODEL.tables.reduce((n, t) => n + t.foreignKeys.reduce((m, fk) => m + fk.fields.length, 0), 0),
    );
    assert.equal(
      facts.columns,
      MODEL.tables.reduce((n, t) => n + t.columns.length, 0),
    );
    assert.ok(FULL_TEXT.every((f) => MODEL.tables.some((t) => t.name === f.table)));
  },
);
