/**
 * A contributor's new article keeps `npm test` green: no test may assume how many records exist or which comes
 * first. This copies data/, adds a second valid article (with the registry records it needs), and runs the suite's
 * dataset-level checks on the copy: validation here, then the dataset-level test files themselves (schemas, a fresh
 * build's JSON, CSV, Frictionless descriptor and DuckDB load, the packed npm package) with ANNOTATED_NEWS_TEST_DATA
 * pointing at it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateData } from '../scripts/checks/run.ts';
import { dataWithExtraArticles } from './extra-articles.ts';
import { DATA_DIR_VARIABLE, ROOT } from './helpers.ts';

/** The test files whose checks read the data folder (through DATA_DIR in tests/helpers.ts). */
const DATASET_TEST_FILES = [
  'tests/seed-article.test.ts',
  'tests/validate-runner.test.ts',
  'tests/publish-csv.test.ts',
  'tests/publish-tables.test.ts',
  'tests/publish-package.test.ts',
];

const { dir, added } = dataWithExtraArticles(1);
const articleIds = (folder: string) =>
  readdirSync(join(folder, 'articles'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();

test('the copy holds one article more than data/, and it sorts first', () => {
  const before = articleIds(join(ROOT, 'data'));
  const after = articleIds(dir);
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(
    after.filter((id) => !before.includes(id)),
    [added[0]!.id],
  );
  // Sorting first is what catches a test that takes "the first article" to be a particular one.
  assert.equal(after[0], added[0]!.id);
});

test('the copy validates with no errors and no warnings', async () => {
  const report = await validateData({ dataDir: dir });
  assert.deepEqual(report.findings, []);
});

test('the dataset-level test files pass on the copy', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, [DATA_DIR_VARIABLE]: dir, NO_COLOR: '1' };
  // Run as a test runner of its own, not as a child of this one.
  delete env.NODE_TEST_CONTEXT;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=tap', ...DATASET_TEST_FILES],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      // Generous: a loaded two-core machine can take minutes; a hang still ends the test.
      timeout: 20 * 60 * 1000,
    },
  );
  assert.equal(result.error, undefined, `the dataset-level test files did not finish: ${result.error?.message}`);
  const output = `${result.stdout}${result.stderr}`;
  assert.equal(
    result.status,
    0,
    output
      .split('\n')
      .filter((l) => /^\s*not ok|^# (fail|pass)|Error|expected|actual/.test(l))
      .join('\n') || output.slice(-4000),
  );
  assert.match(result.stdout, /^# fail 0$/m);
  assert.doesNotMatch(result.stdout, /^# pass 0$/m);
});
