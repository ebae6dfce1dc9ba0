/**
 * The change report as Markdown (the pull-request workflow's step summary), on fixture diffs compared with golden
 * files in tests/fixtures/release-markdown/. After an intended change to the rendering, regenerate them with
 *
 *   UPDATE_GOLDEN=1 node --import tsx --test tests/release-markdown.test.ts
 *
 * and review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  codeSpan,
  escapeMarkdown,
  MARKDOWN_LIST_LIMIT,
  messageMarkdown,
  renderMarkdownReport,
} from '../scripts/release/markdown.ts';
import type { ChangeReport } from '../scripts/release/report.ts';
import { ROOT } from './helpers.ts';
import { createRepo } from './release-repo.ts';

const GOLDEN = join(ROOT, 'tests', 'fixtures', 'release-markdown');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const none = { added: [], removed: [], changed: [] };

function report(overrides: Partial<ChangeReport> = {}): ChangeReport {
  return {
    previous: { tag: 'v1.0.0', version: '1.0.0' },
    packageVersion: '1.0.0',
    records: { articles: none, entities: none, outlets: none, redirects: none },
    fates: {},
    titles: {},
    schemas: [],
    exports: { added: [], removed: [] },
    level: 'none',
    reasons: [],
    requiredVersion: '1.0.0',
    releaseVersion: '1.0.0',
    problems: [],
    ...overrides,
  };
}

const FIXTURES: Record<string, ChangeReport> = {
  // A pull request that changes nothing published.
  'no-changes': report(),
  // The usual contribution: one article and the registry records it needs.
  'article-added': report({
    records: {
      articles: { added: ['kyiv-grid-repairs'], removed: [], changed: [] },
      entities: { added: ['kyiv-energy-forum', 'olena-kovalenko'], removed: [], changed: [] },
      outlets: none,
      redirects: none,
    },
    titles: {
      'articles/kyiv-grid-repairs': 'Kyiv’s grid is repaired',
      'entities/kyiv-energy-forum': 'Kyiv Energy Forum',
      'entities/olena-kovalenko': 'Olena Kovalenko',
    },
    level: 'minor',
    reasons: ['minor: 1 article added', 'minor: 2 entities added'],
    requiredVersion: '1.1.0',
    releaseVersion: '1.1.0',
  }),
  // Corrections, a removal with and without a redirect, schema changes, and text that is Markdown syntax.
  'major-with-problems': report({
    packageVersion: '2.0.0',
    records: {
      articles: {
        added: [],
        removed: ['old-article', 'forgotten-article'],
        changed: [{ id: 'seed', fields: ['body[0].text', 'annotations.mentions[id=m12].entity', 'headline.text'] }],
      },
      entities: { added: [], removed: [], changed: [{ id: 'ukraine', fields: ['aliases[1]'] }] },
      outlets: { added: ['pipes-and-stars'], removed: [], changed: [] },
      redirects: { added: ['old-article'], removed: [], changed: [] },
    },
    fates: { 'articles/old-article': 'renamed to `new-article`: Shorter id.' },
    titles: {
      'articles/old-article': 'An *old* article',
      'articles/forgotten-article': 'A <b>forgotten</b> article',
      'outlets/pipes-and-stars': 'Pipes | and **stars** & [links](https://example.org)',
    },
    schemas: [
      { level: 'major', schema: 'article', field: 'keywords', change: 'field removed (or renamed)' },
      { level: 'minor', schema: 'entity', field: 'kind', change: 'new enum member: "vehicle"' },
      { level: 'patch', schema: 'article', field: 'headline.text', change: 'description changed' },
      { level: 'minor', schema: 'claim', field: '', change: 'new schema' },
    ],
    level: 'major',
    reasons: [
      'major: 2 articles removed or renamed',
      'major: 1 schema change',
      'minor: 1 outlet added',
      'patch: 1 article corrected',
    ],
    requiredVersion: '2.0.0',
    releaseVersion: '2.0.0',
    problems: [
      'articles record `forgotten-article` was published in 1.0.0 and is missing now, with no redirect. Add ' +
        'data/redirects/forgotten-article.json.',
    ],
  }),
  // The first release: no tag yet.
  'first-release': report({
    previous: null,
    packageVersion: '0.1.0',
    records: {
      articles: { added: ['seed'], removed: [], changed: [] },
      entities: none,
      outlets: none,
      redirects: none,
    },
    titles: { 'articles/seed': 'The seed' },
    schemas: [{ level: 'minor', schema: 'article', field: '', change: 'new schema' }],
    level: 'minor',
    reasons: ['minor: 1 article added', 'minor: 1 schema change'],
    requiredVersion: '0.1.0',
    releaseVersion: '0.1.0',
  }),
};

for (const [name, fixture] of Object.entries(FIXTURES)) {
  test(`the Markdown report matches its golden file: ${name}`, () => {
    const file = join(GOLDEN, `${name}.md`);
    const rendered = renderMarkdownReport(fixture);
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE) assert.fail(`${file} is missing; create it with UPDATE_GOLDEN=1 and review it.`);
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, rendered);
    }
    assert.equal(
      rendered,
      readFileSync(file, 'utf8'),
      `${name}.md differs; if the change is intended, rerun with UPDATE_GOLDEN=1`,
    );
  });
}

test('every record, field, schema change and the bump are in the Markdown report', () => {
  const markdown = renderMarkdownReport(FIXTURES['major-with-problems']!);
  assert.match(markdown, /\*\*Bump: major\.\*\*/);
  assert.match(markdown, /^- `seed`: `body\[0\]\.text`, `annotations\.mentions\[id=m12\]\.entity`, `headline\.text`$/m);
  assert.match(markdown, /^- `forgotten-article` \(“A \\<b\\>forgotten\\<\/b\\> article”\): \*\*no redirect\*\*$/m);
  assert.match(markdown, /^- `old-article` \(“An \\\*old\\\* article”\): renamed to `new-article`: Shorter id\.$/m);
  assert.match(markdown, /^\| major \| `article` \| `keywords` \| field removed \(or renamed\) \|$/m);
  assert.match(markdown, /^\| minor \| `claim` \| \(the record\) \| new schema \|$/m);
  assert.match(markdown, /^\| articles \| 0 \| 1 \| 2 \|$/m);
  assert.match(markdown, /^### Problems$/m);
});

test('Markdown syntax in titles and reasons is escaped; code spans hold backticks and, in tables, pipes', () => {
  assert.equal(
    escapeMarkdown('a | b *c* _d_ [e](f) <g> `h` & i\nj'),
    'a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\`h\\` &amp; i j',
  );
  assert.equal(codeSpan('plain'), '`plain`');
  assert.equal(codeSpan('a`b'), '``a`b``');
  assert.equal(codeSpan('`edge'), '`` `edge ``');
  assert.equal(codeSpan('a|b'), '`a|b`');
  assert.equal(codeSpan('a|b', true), '`a\\|b`');
  assert.equal(messageMarkdown('record `a-b` has *no* redirect'), 'record `a-b` has \\*no\\* redirect');
});

test('long lists end with a count instead of growing the summary without bound', () => {
  const ids = Array.from({ length: MARKDOWN_LIST_LIMIT + 7 }, (_, i) => `article-${String(i).padStart(4, '0')}`);
  const markdown = renderMarkdownReport(
    report({
      records: { articles: { added: ids, removed: [], changed: [] }, entities: none, outlets: none, redirects: none },
      level: 'minor',
    }),
  );
  assert.match(markdown, new RegExp(`^- \`${ids[MARKDOWN_LIST_LIMIT - 1]}\`$`, 'm'));
  assert.doesNotMatch(markdown, new RegExp(ids[MARKDOWN_LIST_LIMIT]!));
  assert.match(markdown, /^- … and 7 more \(`npm run release -- --dry-run` lists them all\)$/m);
});

test('npm run release -- --dry-run --markdown prints the report of a real repository as Markdown', (t) => {
  const repo = createRepo(t);
  repo.writeJson('data/outlets/bbc-news.json', {
    id: 'bbc-news',
    name: 'BBC News',
    url: 'https://www.bbc.com/news',
    country: 'GB',
  });
  const result = repo.run('release.ts', ['--dry-run', '--markdown']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^## Data changes\n\nCompared with `v1\.0\.0`, the latest release tag\.\n/);
  assert.match(result.stdout, /^#### 1 outlet added\n\n- `bbc-news` \(“BBC News”\)$/m);
  assert.match(result.stdout, /\*\*Bump: minor\.\*\*/);
  for (const args of [['--markdown'], ['--dry-run', '--markdown', '--json']]) {
    const wrong = repo.run('release.ts', args);
    assert.equal(wrong.code, 2, args.join(' '));
    assert.match(wrong.stderr, /^error: /);
  }
});

test('the pull-request check (--check --ignore-version-bump) fails on problems only, not on the version', (t) => {
  const repo = createRepo(t);
  repo.writeJson('data/outlets/bbc-news.json', {
    id: 'bbc-news',
    name: 'BBC News',
    url: 'https://www.bbc.com/news',
    country: 'GB',
  });
  const added = repo.run('release.ts', ['--check', '--ignore-version-bump', '--markdown']);
  assert.equal(added.code, 0, added.stderr);
  assert.match(
    added.stderr,
    /^ok: no problems; releasing these changes needs 1\.1\.0 \(bump: minor\), which `npm run release` sets\.$/m,
  );
  assert.match(added.stdout, /^## Data changes$/m);
  assert.equal(repo.run('release.ts', ['--check']).code, 1, 'the release check still wants the version');

  repo.remove('data/outlets/bbc-news.json');
  repo.remove('data/outlets/reuters.json');
  const removed = repo.run('release.ts', ['--check', '--ignore-version-bump', '--markdown']);
  assert.equal(removed.code, 1);
  assert.match(
    removed.stderr,
    /error: outlets record `reuters` was published in 1\.0\.0 and is missing now, with no redirect/,
  );
  assert.match(removed.stdout, /^### Problems$/m);
  assert.equal(repo.run('release.ts', ['--dry-run', '--ignore-version-bump']).code, 2);
});
