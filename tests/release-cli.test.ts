/** `npm run release` end to end, on temporary git repositories: --dry-run, --check, and a real release. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';
import { createRepo, SEED_ARTICLE, TempRepo } from './release-repo.ts';

const SEED_ID = 'zelensky-rejects-us-rare-earth-proposal';
const BBC = { id: 'bbc-news', name: 'BBC News', url: 'https://www.bbc.com/news', country: 'GB' };

interface Body {
  headline: { text: string };
}

/**
 * A correction, in the headline: no annotation is anchored there, so it stays valid whatever the body's annotations
 * cover (a corrected body word would break the selector of any annotation over it).
 */
const correctAWord = (article: Body) => {
  const corrected = article.headline.text.replace('in exchange for', 'in return for');
  assert.notEqual(corrected, article.headline.text, 'the seed headline has "in exchange for" to correct');
  article.headline.text = corrected;
};

test('--dry-run prints the report and the bump line, and changes nothing', (t) => {
  const repo = createRepo(t);
  repo.editJson<Body>(SEED_ARTICLE, correctAWord);
  const before = repo.git('status', '--porcelain');
  const result = repo.run('release.ts', ['--dry-run']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Comparing the working tree with v1\.0\.0, the latest release tag\./);
  assert.match(
    result.stdout,
    new RegExp(`articles: 0 added, 0 removed, 1 changed\\n    ~ ${SEED_ID}: headline\\.text\\n`),
  );
  assert.match(result.stdout, /\nbump: patch\n$/);
  assert.equal(repo.git('status', '--porcelain'), before);
  assert.equal(repo.git('tag', '--list'), 'v1.0.0\n');

  const json = repo.run('release.ts', ['--dry-run', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout) as { level: string; requiredVersion: string };
  assert.equal(report.level, 'patch');
  assert.equal(report.requiredVersion, '1.0.1');
});

test('--check fails while package.json is below what the changes require, and passes once it is bumped', (t) => {
  const repo = createRepo(t);
  repo.writeJson('data/outlets/bbc-news.json', BBC);
  const below = repo.run('release.ts', ['--check']);
  assert.equal(below.code, 1);
  assert.match(
    below.stderr,
    /error: package\.json's version 1\.0\.0 is below what the changes require: 1\.1\.0 \(bump: minor\)\. Set it with `npm pkg set version=1\.1\.0`/,
  );

  repo.editJson('package.json', (pkg) => (pkg.version = '1.1.0'));
  const ok = repo.run('release.ts', ['--check']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /ok: package\.json's version 1\.1\.0 covers the changes \(bump: minor\)/);

  // A higher version than needed is allowed (a maintainer may choose a bigger step).
  repo.editJson('package.json', (pkg) => (pkg.version = '2.0.0'));
  assert.equal(repo.run('release.ts', ['--check']).code, 0);
});

test('--check fails on a removed article without a redirect, naming the id and the file to add', (t) => {
  const repo = createRepo(t);
  repo.remove(SEED_ARTICLE);
  repo.editJson('package.json', (pkg) => (pkg.version = '2.0.0'));
  const result = repo.run('release.ts', ['--check']);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    new RegExp(
      `error: articles record \`${SEED_ID}\` was published in 1\\.0\\.0 and is missing now, with no redirect\\. ` +
        `Add data/redirects/${SEED_ID}\\.json`,
    ),
  );
  assert.match(result.stdout, /\nbump: major\n$/);
  assert.doesNotMatch(result.stderr, /internal error| {4}at /);

  repo.writeJson(`data/redirects/${SEED_ID}.json`, {
    id: SEED_ID,
    collection: 'articles',
    kind: 'removed',
    to: [],
    reason: 'Removed on request.',
    since: '2.0.0',
  });
  const fixed = repo.run('release.ts', ['--check']);
  assert.equal(fixed.code, 0, fixed.stderr);
});

test('usage errors are one line, exit 2, no stack trace', (t) => {
  const repo = createRepo(t);
  for (const args of [['--dry-run', '--check'], ['--date', '2026-13-01', '--dry-run'], ['--json'], ['--nope']]) {
    const result = repo.run('release.ts', args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, /^error: /, args.join(' '));
    assert.doesNotMatch(result.stderr, / {4}at /);
  }
});

test('a release refuses a working tree with uncommitted changes', (t) => {
  const repo = createRepo(t);
  repo.editJson<Body>(SEED_ARTICLE, correctAWord);
  const result = repo.run('release.ts', ['--date', '2026-12-01']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /uncommitted changes[\s\S]*data\/articles\//);
  assert.equal(repo.git('tag', '--list'), 'v1.0.0\n');
});

test('npm run release: bumps, writes the changelog, rebuilds, commits, tags; a major regenerates schemas', (t) => {
  const repo = createRepo(t, { version: '0.1.0' });
  repo.write(
    'CHANGELOG.md',
    '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- The article data model as TypeScript types.\n\n## [0.1.0] ' +
      '- 2026-11-01\n\n- First.\n',
  );

  // A minor release: a corrected word and a new outlet.
  repo.editJson<Body>(SEED_ARTICLE, correctAWord);
  repo.writeJson('data/outlets/bbc-news.json', BBC);
  repo.commitAll('Correct a word; add BBC News');
  const minor = repo.run('release.ts', ['--date', '2026-12-01']);
  assert.equal(minor.code, 0, `${minor.stdout}\n${minor.stderr}`);
  assert.match(minor.stdout, /Released v0\.2\.0 \(minor\)/);
  assert.equal(repo.git('describe', '--exact-match', 'HEAD').trim(), 'v0.2.0');
  assert.equal(repo.git('log', '-1', '--format=%s').trim(), 'Release v0.2.0');
  assert.equal(repo.git('status', '--porcelain'), '', 'everything the release wrote is committed');
  assert.equal(repo.readJson('package.json').version, '0.2.0');
  // The written note moved into the release, ahead of the generated bullets; Unreleased is left empty.
  assert.equal(
    repo.read('CHANGELOG.md'),
    `# Changelog

## [Unreleased]

## [0.2.0] - 2026-12-01

A minor release (1 outlet added; 1 article corrected), compared with 0.1.0.

### Added

- The article data model as TypeScript types.
- 1 outlet added:
  - \`bbc-news\` (“BBC News”)

### Changed

- 1 article corrected:
  - \`${SEED_ID}\`: \`headline.text\`

## [0.1.0] - 2026-11-01

- First.
`,
  );
  assert.ok(existsSync(repo.path('dist/data.json')), 'the release built dist/');
  assert.equal(repo.git('ls-files', 'dist'), '', 'dist/ is build output: the release commit leaves it out');
  assert.doesNotMatch(repo.git('show', '--name-only', '--format=', 'HEAD'), /^dist\//m);
  assert.match(repo.read('schemas/article.schema.json'), /urn:annotated-news:schema:v0:article/);

  // Nothing changed since: no release.
  const nothing = repo.run('release.ts', ['--date', '2026-12-02']);
  assert.equal(nothing.code, 0, nothing.stderr);
  assert.match(nothing.stdout, /Nothing published has changed since v0\.2\.0; no release made\./);

  // A major release: the outlet removed again, with its redirect.
  repo.remove('data/outlets/bbc-news.json');
  repo.writeJson('data/redirects/bbc-news.json', {
    id: 'bbc-news',
    collection: 'outlets',
    kind: 'removed',
    to: [],
    reason: 'Added by mistake.',
    since: '1.0.0',
  });
  repo.commitAll('Remove BBC News');
  const major = repo.run('release.ts', ['--date', '2026-12-03']);
  assert.equal(major.code, 0, `${major.stdout}\n${major.stderr}`);
  assert.equal(repo.git('describe', '--exact-match', 'HEAD').trim(), 'v1.0.0');
  assert.equal(repo.git('status', '--porcelain'), '');
  assert.match(
    repo.read('schemas/article.schema.json'),
    /urn:annotated-news:schema:v1:article/,
    'a major release regenerates the $ids (0.x to 1.0.0 too)',
  );
  assert.match(repo.read('docs/data-dictionary.md'), /urn:annotated-news:schema:v1:article/);
  assert.match(
    repo.read('scripts/checks/generated/validators.cjs'),
    /urn:annotated-news:schema:v1:article/,
    'and the precompiled validators, committed',
  );
  const majorLog = repo.read('CHANGELOG.md');
  assert.match(
    majorLog,
    /## \[1\.0\.0\] - 2026-12-03\n\nA major release \(1 outlet removed or renamed; 1 redirect added\), compared with 0\.2\.0\.\n/,
  );
  assert.match(
    majorLog,
    /- \*\*Breaking:\*\* 1 outlet removed or renamed \(each leaves a redirect in `data\/redirects\/`\):\n {2}- `bbc-news` \(“BBC News”\): removed with no replacement: Added by mistake\.\n/,
  );
  assert.match(majorLog, /The schemas' `\$id`s now carry the major version 1/);
  assert.ok(majorLog.indexOf('## [1.0.0]') < majorLog.indexOf('## [0.2.0]'), 'newest release first');
  // The $id change alone does not make the next release a major.
  assert.equal(repo.run('release.ts', ['--check']).code, 0);
});

test('a release whose build fails puts every file back and makes no commit or tag', (t) => {
  const repo = createRepo(t, { version: '0.1.0' });
  repo.writeJson('data/outlets/bbc-news.json', BBC);
  // An annotation that is not in the text: the build's validation rejects it.
  repo.editJson<{ annotations: { mentions: { selector: { exact: string } }[] } }>(SEED_ARTICLE, (article) => {
    article.annotations.mentions[0]!.selector.exact = 'words that are not in the article';
  });
  repo.commitAll('Break an annotation');
  const head = repo.git('rev-parse', 'HEAD');
  const changelog = repo.read('CHANGELOG.md');
  const result = repo.run('release.ts', ['--date', '2026-12-01']);
  assert.equal(result.code, 1, result.stdout);
  assert.match(result.stderr, /error: The build failed/);
  assert.equal(repo.git('rev-parse', 'HEAD'), head, 'no commit');
  assert.equal(repo.git('tag', '--list'), 'v0.1.0\n', 'no tag');
  assert.equal(repo.git('status', '--porcelain'), '', 'every file put back');
  assert.equal(repo.read('CHANGELOG.md'), changelog);
  assert.equal(repo.readJson('package.json').version, '0.1.0');
});

test('a release refuses stale schemas: a type changed without `npm run schemas`', (t) => {
  const repo = createRepo(t, { version: '0.1.0' });
  const file = 'types/registries.ts';
  repo.write(file, repo.read(file).replace('/** The canonical name, in English. */', '/** The canonical name. */'));
  repo.commitAll('Reword a description, forgetting to regenerate');
  const result = repo.run('release.ts', ['--date', '2026-12-01']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /stale: .*entity\.schema\.json/);
  assert.match(result.stderr, /error: The schema drift check \(run `npm run schemas` and commit\) failed/);
  assert.equal(repo.git('tag', '--list'), 'v0.1.0\n');
});

test('a shallow clone without tags gets a warning that it sees no previous release', (t) => {
  const repo = createRepo(t);
  repo.commitAll('Another commit');
  const dir = mkdtempSync(join(tmpdir(), 'release-shallow-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  repo.git('clone', '--quiet', '--depth', '1', '--no-tags', `file://${repo.dir}`, dir);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const result = new TempRepo(dir).run('release.ts', ['--dry-run']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^No previous release/);
  assert.match(result.stderr, /warning: this is a shallow clone with no release tag in reach/);
});
