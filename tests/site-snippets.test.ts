/**
 * The landing page's "Load it" snippets (scripts/site/landing-page.ts `SNIPPETS`) run as a reader would, from a
 * folder holding the downloads (a shared build of data/: the site's data/ holds the same paths): Python with
 * /usr/bin/python3 (json, pandas), SQL with DuckDB. tests/site-browser.test.ts checks the page shows these snippets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { PublishedIndex } from '../types/index.ts';
import { SNIPPETS } from '../scripts/site/landing-page.ts';
import { ROOT, sharedBuild } from './helpers.ts';

const PYTHON = '/usr/bin/python3';
const DIST = sharedBuild(join(ROOT, 'data'));
const { articles } = JSON.parse(readFileSync(join(DIST, 'index.json'), 'utf8')) as PublishedIndex;
const offered = (
  JSON.parse(readFileSync(join(DIST, 'datapackage.json'), 'utf8')) as { resources: { path: string | string[] }[] }
).resources.flatMap((r) => r.path);

for (const snippet of SNIPPETS) {
  test(
    `the ${snippet.tool} snippet runs against the built files`,
    { skip: snippet.lang === 'python' && !existsSync(PYTHON) && `${PYTHON} is missing` },
    async () => {
      for (const path of snippet.needs)
        assert.ok(offered.includes(path), `${path} is not in datapackage.json, so the page leaves the snippet out`);
      if (snippet.lang === 'python') {
        const run = spawnSync(PYTHON, ['-c', snippet.code], { cwd: DIST, encoding: 'utf8' });
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, new RegExp(`^${articles.length} articles$`, 'm'));
        if (snippet.tool === 'Python')
          assert.ok(
            articles.some((a) => run.stdout.includes(`${a.id} `)),
            run.stdout,
          );
        return;
      }
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      try {
        await connection.run(`SET file_search_path = '${DIST.replace(/'/g, "''")}'`);
        const [first, ...rest] = snippet.code
          .split(/;\s*\n/)
          .map((statement) => statement.trim())
          .filter((s) => s !== '');
        const ids = (await connection.runAndReadAll(first!)).getRowObjects().map((row) => row.id);
        assert.deepEqual(
          ids,
          articles.map((a) => a.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        );
        for (const statement of rest)
          assert.ok((await connection.runAndReadAll(statement)).currentRowCount > 0, statement);
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    },
  );
}
