/**
 * `npm run new -- <id> --from FILE`: a Markdown or plain-text source becomes a valid article with its body verbatim
 * and no annotations; what cannot be converted is a located error; an existing record is never overwritten.
 * Fixtures: tests/fixtures/new-from/ (small texts of their own, in the shape of pandoc's markdown_strict).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runScript } from './helpers.ts';
import type { Article } from '../types/index.ts';
import { scratchDataset, FIXTURE_ARTICLE } from '../scripts/checks/test-kit.ts';
import { validateData } from '../scripts/checks/run.ts';
import { ConversionError, convertMarkdown } from '../scripts/lib/source-text.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'new-from');

test('new --from: a Markdown source becomes a valid article, its words verbatim and its markup gone', async (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  const run = runScript('new.ts', [
    'grid-fund',
    '--data',
    dir,
    '--from',
    join(FIXTURES, 'fund.md'),
    '--archive',
    'the archive example/briefings at commit abc123',
    '--added-by',
    'tester',
  ]);
  assert.equal(run.code, 0, run.stderr);
  const record = JSON.parse(readFileSync(join(dir, 'articles', 'grid-fund.json'), 'utf8')) as Article;
  assert.deepEqual(record.headline, { text: 'Fact Sheet: Ministers Agree on a Grid Repair Fund', origin: 'original' });
  assert.equal(record.url, 'https://example.gov/fact-sheets/grid-fund/');
  assert.equal(record.datePublished, '2025-03-20T20:52:00-04:00');
  assert.equal(record.dateModified, '2025-03-21T08:53:28-04:00');
  assert.deepEqual(record.body, [
    { type: 'subheading', text: 'Here’s what you missed:' },
    {
      type: 'paragraph',
      // The link text stays, the emphasis markers go, the lines join with one space, the escape and <sup> resolve.
      text:
        'This morning, the ministers met in Kyiv to agree on the grid repair fund — a “first-of-its-kind” ' +
        'step, said Olena Kovalenko* (the 21st such fund).',
    },
    { type: 'subheading', text: 'The fund' },
    // The source's own typo (“recieve”) is kept.
    { type: 'listItem', level: 1, text: 'On the money: “We will recieve 50% of the fees.”' },
    { type: 'listItem', level: 2, text: 'That money will be invested in Kyiv’s grid.' },
    { type: 'listItem', level: 2, text: 'Both sides agree.' },
    { type: 'listItem', level: 1, text: 'Russia gets nothing.' },
    { type: 'paragraph', text: 'No state will be allowed to benefit & no company.' },
  ]);
  assert.match(record.provenance.source, /fund\.md/);
  assert.match(record.provenance.source, /example\/briefings at commit abc123/);
  assert.equal(record.provenance.sourceUrl, record.url);
  for (const list of Object.values(record.annotations)) assert.deepEqual(list, []);
  assert.deepEqual(record.inferences, []);
  const { findings } = await validateData({ dataDir: dir, paths: [join(dir, 'articles', 'grid-fund.json')] });
  assert.deepEqual(
    findings.filter((f) => f.severity === 'error'),
    [],
  );
});

test('new --from: a plain-text source has paragraphs, and the headline is left for the curator', (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  const run = runScript('new.ts', ['grid-plain', '--data', dir, '--from', join(FIXTURES, 'plain.txt')]);
  assert.equal(run.code, 0, run.stderr);
  const record = JSON.parse(readFileSync(join(dir, 'articles', 'grid-plain.json'), 'utf8')) as Article;
  assert.deepEqual(record.body, [
    { type: 'paragraph', text: 'Kyiv grid repairs continue after the storm.' },
    { type: 'paragraph', text: '“We will rebuild,” she said.' },
  ]);
  assert.equal(record.headline.origin, 'curator');
  assert.match(record.headline.text, /^TODO/);
  assert.equal(record.url, null);
});

test('new --from: tables, images, raw HTML and a bad date are located errors, and nothing is written', (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  const cases: [string, RegExp][] = [
    ['table.md', /table\.md:3:1: a table cannot be converted\n {2}hint: /],
    ['image.md', /image\.md:3:13: an image cannot be converted: !\[map\]\(map\.png\)/],
    ['html.md', /html\.md:2:8: raw HTML cannot be converted: <span class="x">/],
    ['bad-date.md', /bad-date\.md: front matter published_time "yesterday" is not a date/],
  ];
  for (const [file, expected] of cases) {
    const run = runScript('new.ts', ['broken', '--data', dir, '--from', join(FIXTURES, file)]);
    assert.equal(run.code, 2, `${file}: ${run.stderr}`);
    assert.match(run.stderr, expected);
    assert.doesNotMatch(run.stderr, /undefined|NaN|\[object|\n\s+at /);
    assert.equal(existsSync(join(dir, 'articles', 'broken.json')), false);
  }
});

test('new --from: never overwrites an existing record', (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  const existing = join(dir, FIXTURE_ARTICLE);
  const before = readFileSync(existing, 'utf8');
  const run = runScript('new.ts', ['ukraine-energy-grid-repairs', '--data', dir, '--from', join(FIXTURES, 'fund.md')]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /already exists/);
  assert.equal(readFileSync(existing, 'utf8'), before);
});

test(
  'convertMarkdown: list levels follow the indentation, three deep, a setext heading is a subheading, and a ' +
    'thematic break goes',
  () => {
    const { body } = convertMarkdown('Title\n=====\n\n-   a\n    -   b\n        -   c\n    -   d\n-   e\n\n* * *\n');
    assert.deepEqual(
      body.map((b) => `${b.type}${b.level ?? ''}:${b.text}`),
      ['subheading:Title', 'listItem1:a', 'listItem2:b', 'listItem3:c', 'listItem2:d', 'listItem1:e'],
    );
  },
);

test('convertMarkdown: a list item of two paragraphs and a code block are refused with their line', () => {
  assert.throws(
    () => convertMarkdown('-   one\n\n    two\n'),
    (e: unknown) => {
      assert.ok(e instanceof ConversionError);
      assert.equal(e.line, 3);
      assert.match(e.message, /several paragraphs/);
      return true;
    },
  );
  assert.throws(() => convertMarkdown('Text.\n\n    code\n'), { message: /code block/, line: 3 });
});

test('convertMarkdown: a tag inside a code span is the code’s text, not raw HTML', () => {
  const { body } = convertMarkdown('Run `npm run new -- <id>` first.\n');
  assert.deepEqual(body, [{ type: 'paragraph', text: 'Run npm run new -- <id> first.' }]);
});
