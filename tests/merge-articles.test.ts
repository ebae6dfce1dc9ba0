/**
 * What contributors do every day: two pull requests, each adding a different article (with the registry records it
 * needs), both merged into main. They never conflict, because the repository holds sources, one file per record,
 * and dist/ is build output that git ignores (the project's own .gitignore is used here).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateData } from '../scripts/checks/run.ts';
import { addArticle, extraArticles } from './extra-articles.ts';
import { ROOT, runScript } from './helpers.ts';
import { TempRepo } from './release-repo.ts';

test('two branches that each add an article merge into main with no conflict, and the result is valid', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'merge-articles-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const repo = new TempRepo(dir);
  cpSync(join(ROOT, 'data'), repo.path('data'), { recursive: true });
  cpSync(join(ROOT, '.gitignore'), repo.path('.gitignore'));
  repo.git('init', '--quiet', '--initial-branch=main');
  repo.commitAll('The dataset');

  const [first, second] = extraArticles(2, 'merge-articles');
  assert.ok(first && second && first.id !== second.id);
  const data = repo.path('data');

  repo.git('checkout', '--quiet', '-b', 'add-first', 'main');
  // A registry record the dataset already holds, identical, is no change (a contributor's synth- records may be).
  const added = [...first.files.keys()].filter((path) => !existsSync(join(data, path)));
  addArticle(data, first);
  // The contributor builds before committing, as the README's quick start does: dist/ stays out of the commit.
  const built = runScript('build.ts', ['--data', data, '--out', repo.path('dist')]);
  assert.equal(built.code, 0, built.stderr);
  assert.ok(existsSync(repo.path('dist/data.json')));
  repo.commitAll(`Add ${first.id}`);
  assert.equal(repo.git('ls-files', 'dist'), '', 'dist/ is not committed');
  assert.deepEqual(
    repo.git('diff', '--name-only', 'main', 'add-first').trim().split('\n'),
    added.map((p) => `data/${p}`).sort(),
  );

  repo.git('checkout', '--quiet', '-b', 'add-second', 'main');
  addArticle(data, second);
  repo.commitAll(`Add ${second.id}`);

  repo.git('checkout', '--quiet', 'main');
  repo.git('merge', '--quiet', '--no-ff', '--no-edit', 'add-first');
  // Throws, with git's message, on a conflict.
  repo.git('merge', '--quiet', '--no-ff', '--no-edit', 'add-second');
  assert.equal(repo.git('diff', '--name-only', '--diff-filter=U'), '', 'no conflicted paths');
  assert.equal(repo.git('status', '--porcelain', '--untracked-files=no'), '');
  assert.equal(repo.git('rev-list', '--merges', '--count', 'main').trim(), '2');
  for (const article of [first, second]) {
    for (const path of article.files.keys())
      assert.ok(existsSync(join(data, path)), `${path} is on main after the merges`);
  }

  // The merged main passes what CI runs on the data: validation (no errors, no warnings) and the canonical form.
  const report = await validateData({ dataDir: data });
  assert.deepEqual(report.findings, []);
  const canonical = runScript('fix.ts', ['--data', data, '--check']);
  assert.equal(canonical.code, 0, `${canonical.stdout}${canonical.stderr}`);
});
