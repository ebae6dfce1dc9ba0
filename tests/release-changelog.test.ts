/** The CHANGELOG.md section a release writes: Keep a Changelog categories, Unreleased notes merged in. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRelease, LISTED_LIMIT, splitChangelog } from '../scripts/release/markdown.ts';
import { FIELDS_LISTED, type ChangeReport } from '../scripts/release/report.ts';

function report(overrides: Partial<ChangeReport> = {}): ChangeReport {
  return {
    previous: { tag: 'v1.0.0', version: '1.0.0' },
    packageVersion: '1.0.0',
    records: {
      articles: {
        added: ['new-article'],
        removed: ['old-article'],
        changed: [{ id: 'seed', fields: ['body[0].text', 'headline.text'] }],
      },
      entities: { added: [], removed: [], changed: [] },
      outlets: { added: ['bbc-news'], removed: [], changed: [] },
      redirects: { added: ['old-article'], removed: [], changed: [] },
    },
    fates: { 'articles/old-article': 'removed with no replacement: Removed at the rights holder’s request.' },
    titles: {
      'articles/new-article': 'A new article',
      'articles/old-article': 'An old article',
      'outlets/bbc-news': 'BBC News',
    },
    exports: { added: [], removed: [] },
    schemas: [
      { level: 'major', schema: 'article', field: 'keywords', change: 'field removed (or renamed)' },
      { level: 'minor', schema: 'entity', field: 'kind', change: 'new enum member: "vehicle"' },
      { level: 'patch', schema: 'article', field: 'headline.text', change: 'description changed' },
    ],
    level: 'major',
    reasons: ['major: 1 article removed or renamed', 'major: 1 schema change', 'minor: 1 article added'],
    requiredVersion: '2.0.0',
    releaseVersion: '2.0.0',
    problems: [],
    ...overrides,
  };
}

const BEFORE = `# Changelog

Intro.

## [Unreleased]

### Fixed

- A typo in the README.

### Added

- \`npm run bundle\` writes a download archive.

## [1.0.0] - 2026-11-01

### Added

- Everything.
`;

test('the release section: written notes first, then the report, in Keep a Changelog order; Unreleased emptied', () => {
  assert.equal(
    applyRelease(BEFORE, report(), '2.0.0', '2026-12-01'),
    `# Changelog

Intro.

## [Unreleased]

## [2.0.0] - 2026-12-01

A major release (1 article removed or renamed; 1 schema change; 1 article added), compared with 1.0.0.

### Added

- \`npm run bundle\` writes a download archive.
- 1 article added:
  - \`new-article\` (“A new article”)
- 1 outlet added:
  - \`bbc-news\` (“BBC News”)
- 1 redirect added:
  - \`old-article\`
- \`entity\` schema: \`kind\`: new enum member: "vehicle".

### Changed

- 1 article corrected:
  - \`seed\`: \`body[0].text\`, \`headline.text\`
- \`article\` schema: descriptions reworded for \`headline.text\`.
- The schemas' \`$id\`s now carry the major version 2 (\`urn:annotated-news:schema:v2:article\`).

### Removed

- **Breaking:** 1 article removed or renamed (each leaves a redirect in \`data/redirects/\`):
  - \`old-article\` (“An old article”): removed with no replacement: Removed at the rights holder’s request.
- **Breaking:** \`article\` schema: \`keywords\` field removed (or renamed).

### Fixed

- A typo in the README.

## [1.0.0] - 2026-11-01

### Added

- Everything.
`,
  );
});

test('a patch release with no written notes lists only the corrections', () => {
  const patch = report({
    level: 'patch',
    reasons: ['patch: 1 article corrected'],
    records: {
      articles: { added: [], removed: [], changed: [{ id: 'seed', fields: ['body[0].text'] }] },
      entities: { added: [], removed: [], changed: [] },
      outlets: { added: [], removed: [], changed: [] },
      redirects: { added: [], removed: [], changed: [] },
    },
    schemas: [],
    fates: {},
    titles: {},
  });
  const text = applyRelease(
    '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-11-01\n\n- Everything.\n',
    patch,
    '1.0.1',
    '2026-12-01',
  );
  assert.equal(
    text,
    '# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2026-12-01\n\nA patch release (1 article corrected), ' +
      'compared with 1.0.0.\n\n' +
      '### Changed\n\n- 1 article corrected:\n  - `seed`: `body[0].text`\n\n## [1.0.0] - 2026-11-01\n\n- Everything.\n',
  );
});

test('the first release, and a changelog with no Unreleased section or no file at all', () => {
  const first = report({ previous: null, level: 'minor', reasons: ['minor: 1 article added'] });
  const created = applyRelease(null, first, '0.1.0', '2026-12-01');
  assert.match(created, /^# Changelog\n/);
  assert.match(
    created,
    /## \[Unreleased\]\n\n## \[0\.1\.0\] - 2026-12-01\n\nThe first release \(1 article added\)\.\n/,
  );
  assert.doesNotMatch(created, /\$id/, 'no previous major to compare with');

  const noUnreleased = applyRelease(
    '# Changelog\n\n## [1.0.0] - 2026-11-01\n\n- Everything.\n',
    report(),
    '2.0.0',
    '2026-12-01',
  );
  assert.match(
    noUnreleased,
    /^# Changelog\n\n## \[Unreleased\]\n\n## \[2\.0\.0\] - 2026-12-01\n[\s\S]*\n## \[1\.0\.0\] - 2026-11-01\n\n- Everything\.\n$/,
  );
});

test('long lists are cut, pointing at the dry run for the rest', () => {
  const many = Array.from({ length: LISTED_LIMIT + 5 }, (_, i) => `article-${String(i).padStart(3, '0')}`);
  const big = report({
    records: {
      articles: { added: many, removed: [], changed: [] },
      entities: { added: [], removed: [], changed: [] },
      outlets: { added: [], removed: [], changed: [] },
      redirects: { added: [], removed: [], changed: [] },
    },
    schemas: [],
  });
  const text = applyRelease(null, big, '1.1.0', '2026-12-01');
  assert.match(text, new RegExp(`- ${LISTED_LIMIT + 5} articles added:\\n`));
  assert.match(text, / {2}- …and 5 more \(`npm run release -- --dry-run` lists them all\)\.\n/);
  assert.doesNotMatch(text, new RegExp(`article-0${LISTED_LIMIT}`));
});

test('splitChangelog keeps unknown categories and text before the first category', () => {
  const { notes } = splitChangelog('# C\n\n## [Unreleased]\n\nSome words.\n\n### Data\n\n- x\n\n## [1.0.0]\n');
  assert.deepEqual(notes.preamble, ['Some words.']);
  assert.deepEqual([...notes.categories], [['Data', ['- x']]]);
});

test('a record with many changed fields names the first ones and counts the rest', () => {
  const fields = Array.from({ length: FIELDS_LISTED + 3 }, (_, i) => `body[${i}].text`);
  const text = applyRelease(
    null,
    report({
      records: { ...report().records, articles: { added: [], removed: [], changed: [{ id: 'seed', fields }] } },
    }),
    '2.0.0',
    '2026-12-01',
  );
  assert.match(
    text,
    new RegExp(`  - \`seed\`: \`body\\[0\\]\\.text\`, .*\`body\\[${FIELDS_LISTED - 1}\\]\\.text\` and 3 more\\n`),
  );
});
