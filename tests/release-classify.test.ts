/**
 * Each classification of the versioning policy, proved on a temporary git repository tagged v1.0.0: the working
 * tree is changed, then compared with the tag.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { renderReport, reportFor } from '../scripts/release/report.ts';
import { createRepo, SEED_ARTICLE } from './release-repo.ts';

const SEED_ID = 'zelensky-rejects-us-rare-earth-proposal';

interface Body {
  body: { type: string; text: string }[];
}

test('no change is a none', (t) => {
  const repo = createRepo(t);
  const report = reportFor(repo.dir);
  assert.equal(report.level, 'none');
  assert.equal(report.requiredVersion, '1.0.0');
  assert.deepEqual(report.schemas, []);
  assert.deepEqual(report.problems, []);
  assert.match(renderReport(report), /Comparing the working tree with v1\.0\.0/);
  assert.match(renderReport(report), /\nbump: none\n$/);
});

test('reformatting a record without changing a value is a none', (t) => {
  const repo = createRepo(t);
  repo.write(SEED_ARTICLE, `${JSON.stringify(repo.readJson(SEED_ARTICLE), null, 4)}\n`);
  const report = reportFor(repo.dir);
  assert.equal(report.level, 'none');
  assert.deepEqual(report.records.articles.changed, []);
});

test('a corrected word is a patch, naming the record and the field', (t) => {
  const repo = createRepo(t);
  repo.editJson<Body>(SEED_ARTICLE, (article) => {
    article.body[0]!.text = article.body[0]!.text.replace('upping the stakes', 'raising the stakes');
  });
  const report = reportFor(repo.dir);
  assert.equal(report.level, 'patch');
  assert.deepEqual(report.records.articles.changed, [{ id: SEED_ID, fields: ['body[0].text'] }]);
  assert.equal(report.requiredVersion, '1.0.1');
  assert.match(renderReport(report), new RegExp(`~ ${SEED_ID}: body\\[0\\]\\.text\\n`));
  assert.match(renderReport(report), /\nbump: patch\n$/);
});

test('a new record is a minor', (t) => {
  const repo = createRepo(t);
  repo.writeJson('data/outlets/bbc-news.json', {
    id: 'bbc-news',
    name: 'BBC News',
    url: 'https://www.bbc.com/news',
    country: 'GB',
  });
  const report = reportFor(repo.dir);
  assert.equal(report.level, 'minor');
  assert.deepEqual(report.records.outlets.added, ['bbc-news']);
  assert.equal(report.titles['outlets/bbc-news'], 'BBC News');
  assert.equal(report.requiredVersion, '1.1.0');
  assert.match(renderReport(report), /\+ bbc-news \(BBC News\)/);
});

test('a removed article is a major, and without a redirect it is a problem naming the id and the fix', (t) => {
  const repo = createRepo(t);
  repo.remove(SEED_ARTICLE);
  const report = reportFor(repo.dir);
  assert.equal(report.level, 'major');
  assert.deepEqual(report.records.articles.removed, [SEED_ID]);
  assert.equal(report.requiredVersion, '2.0.0');
  assert.equal(report.problems.length, 1);
  assert.match(
    report.problems[0]!,
    new RegExp(`articles record \`${SEED_ID}\` was published in 1\\.0\\.0 and is missing now, with no redirect`),
  );
  assert.match(report.problems[0]!, new RegExp(`Add data/redirects/${SEED_ID}\\.json`));
  assert.match(report.problems[0]!, /"since":"2\.0\.0"/);
  assert.match(renderReport(report), /NO REDIRECT/);

  // With the redirect, the problem is gone and the report says what became of the record.
  repo.writeJson(`data/redirects/${SEED_ID}.json`, {
    id: SEED_ID,
    collection: 'articles',
    kind: 'removed',
    to: [],
    reason: 'Removed at the rights holder’s request.',
    since: '2.0.0',
  });
  const fixed = reportFor(repo.dir);
  assert.deepEqual(fixed.problems, []);
  assert.equal(fixed.level, 'major');
  assert.equal(
    fixed.fates[`articles/${SEED_ID}`],
    'removed with no replacement: Removed at the rights holder’s request.',
  );
});

test('a redirect with the wrong "since" is a problem that names the version being released', (t) => {
  const repo = createRepo(t);
  repo.remove('data/outlets/reuters.json');
  repo.writeJson('data/redirects/reuters.json', {
    id: 'reuters',
    collection: 'outlets',
    kind: 'removed',
    to: [],
    reason: 'Duplicate.',
    since: '1.1.0',
  });
  const report = reportFor(repo.dir);
  assert.equal(report.problems.length, 1);
  assert.match(
    report.problems[0]!,
    /data\/redirects\/reuters\.json is new in this release but says "since": "1\.1\.0"\. Set "since": "2\.0\.0"/,
  );
});

test('a renamed record is a major, reported with where it moved', (t) => {
  const repo = createRepo(t);
  const outlet = repo.readJson('data/outlets/the-economist.json');
  repo.remove('data/outlets/the-economist.json');
  repo.writeJson('data/outlets/economist.json', { ...outlet, id: 'economist' });
  repo.writeJson('data/redirects/the-economist.json', {
    id: 'the-economist',
    collection: 'outlets',
    kind: 'moved',
    to: ['economist'],
    reason: 'Shorter id.',
    since: '2.0.0',
  });
  const report = reportFor(repo.dir);
  assert.equal(report.level, 'major');
  assert.deepEqual(report.records.outlets.removed, ['the-economist']);
  assert.deepEqual(report.records.outlets.added, ['economist']);
  assert.deepEqual(report.records.redirects.added, ['the-economist']);
  assert.equal(report.fates['outlets/the-economist'], 'renamed to `economist`: Shorter id.');
  assert.deepEqual(report.problems, []);
});

test('a removed field is a major: the generated schemas of both trees are compared', (t) => {
  const repo = createRepo(t);
  // Remove `keywords` from the Article type, regenerate the schemas, and drop the field from the data.
  const typesFile = 'types/article.ts';
  const types = repo.read(typesFile);
  const withoutKeywords = types.replace(/\n\s*\/\*\*[^/]*\*\/\n\s*keywords: Text\[\];/, '');
  assert.notEqual(withoutKeywords, types, 'the keywords field was found in types/article.ts');
  repo.write(typesFile, withoutKeywords);
  assert.equal(repo.run('schemas.ts', ['--root', '.']).code, 0);
  repo.editJson(SEED_ARTICLE, (article) => {
    delete article.keywords;
  });

  const report = reportFor(repo.dir);
  assert.equal(report.level, 'major');
  assert.deepEqual(
    report.schemas.filter((c) => c.level === 'major'),
    [{ level: 'major', schema: 'article', field: 'keywords', change: 'field removed (or renamed)' }],
  );
  assert.deepEqual(report.records.articles.changed, [{ id: SEED_ID, fields: ['keywords (removed)'] }]);
  assert.equal(report.requiredVersion, '2.0.0');
  assert.match(renderReport(report), /major {2}article `keywords`: field removed \(or renamed\)/);
});

test('with no release tag, everything is added and the report says so', (t) => {
  const repo = createRepo(t, { version: '0.1.0', tag: false });
  const report = reportFor(repo.dir);
  assert.equal(report.previous, null);
  assert.equal(report.level, 'minor');
  const ids = readdirSync(repo.path('data/articles'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
  assert.ok(ids.includes(SEED_ID));
  assert.deepEqual(report.records.articles.added, ids, 'every article of the dataset, whatever their number');
  assert.equal(report.requiredVersion, '0.1.0');
  assert.ok(report.schemas.every((c) => c.level === 'minor' && c.change === 'new schema'));
  assert.match(renderReport(report), /^No previous release: there is no vX\.Y\.Z tag/);
});

test('the latest tag wins, by version order and not by name order', (t) => {
  const repo = createRepo(t, { version: '1.9.0' });
  repo.editJson('package.json', (pkg) => {
    pkg.version = '1.10.0';
  });
  repo.commitAll('1.10.0');
  repo.git('tag', '--annotate', 'v1.10.0', '-m', '1.10.0');
  repo.git('tag', 'not-a-release');
  const report = reportFor(repo.dir);
  assert.equal(report.previous?.tag, 'v1.10.0');
  assert.equal(report.level, 'none');
});

test('a file the package no longer exports is a major, a newly exported one a minor', (t) => {
  const repo = createRepo(t);
  repo.editJson<{ exports: Record<string, unknown> }>('package.json', (pkg) => {
    delete pkg.exports['./data.json'];
    pkg.exports['./extra/*.json'] = './dist/extra/*.json';
  });
  const report = reportFor(repo.dir);
  assert.equal(report.level, 'major');
  assert.deepEqual(report.exports, { added: ['./extra/*.json'], removed: ['./data.json'] });
  assert.match(renderReport(report), /published files removed from the package exports \(\.\/data\.json\)/);
});
