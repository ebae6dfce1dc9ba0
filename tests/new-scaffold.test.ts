/**
 * `npm run new`: the scaffold shows one example of each annotation kind, every example is a placeholder that
 * validation rejects until replaced or removed (and nothing else is wrong with it), and it never overwrites.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runScript } from './helpers.ts';
import { scratchDataset, FIXTURE_ARTICLE } from '../scripts/checks/test-kit.ts';
import { validateData } from '../scripts/checks/run.ts';
import { writeFileAtomic } from '../scripts/lib/output-target.ts';
import { isPlaceholder } from '../scripts/checks/rules/placeholders.ts';

const ANNOTATION_KINDS = Object.keys(
  (
    JSON.parse(readFileSync(join(ROOT, 'schemas', 'article.schema.json'), 'utf8')) as {
      definitions: { Annotations: { properties: object } };
    }
  ).definitions.Annotations.properties,
);

test('new: one example of each annotation kind, each rejected as a placeholder, and nothing else wrong', async (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  const created = runScript('new.ts', ['kyiv-grid-update', '--data', dir, '--added-by', 'tester']);
  assert.equal(created.code, 0, created.stderr);
  const path = join(dir, 'articles', 'kyiv-grid-update.json');
  const record = JSON.parse(readFileSync(path, 'utf8'));
  const { findings } = await validateData({ dataDir: dir, paths: [path] });
  // The examples have the right shapes and are grounded: only the placeholders rule objects.
  assert.deepEqual([...new Set(findings.map((f) => f.rule))], ['placeholders'], JSON.stringify(findings, null, 1));
  assert.ok(ANNOTATION_KINDS.length >= 5);
  for (const kind of ANNOTATION_KINDS) {
    assert.ok(record.annotations[kind].length >= 1, `the template has no example of ${kind}`);
    for (let i = 0; i < record.annotations[kind].length; i++) {
      assert.ok(
        findings.some((f) => f.pointer === `/annotations/${kind}/${i}/id` && f.severity === 'error'),
        `example ${kind}[${i}] is not rejected`,
      );
    }
  }
  assert.ok(
    findings.some((f) => f.pointer === '/body/0/text'),
    'the example paragraph is rejected',
  );
  assert.ok(findings.some((f) => f.pointer === '/inferences/0/id'));
  assert.match(created.stdout, /placeholder/);
});

test('new: replacing or removing every placeholder leaves a valid record', async (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  assert.equal(runScript('new.ts', ['kyiv-grid-update', '--data', dir, '--added-by', 'tester']).code, 0);
  const path = join(dir, 'articles', 'kyiv-grid-update.json');
  const record = JSON.parse(readFileSync(path, 'utf8'));
  const donor = JSON.parse(readFileSync(join(dir, FIXTURE_ARTICLE), 'utf8'));
  record.headline.text = 'Kyiv grid repairs continue';
  record.body = [{ type: 'paragraph', text: `${donor.body[0].text} Update.` }];
  record.provenance.source = 'Typed from the printed page.';
  for (const kind of Object.keys(record.annotations))
    record.annotations[kind] = record.annotations[kind].filter((a: { id: string }) => !isPlaceholder(a.id));
  record.inferences = record.inferences.filter((i: { id: string }) => !isPlaceholder(i.id));
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  const { findings } = await validateData({ dataDir: dir, paths: [path] });
  assert.deepEqual(
    findings.filter((f) => f.severity === 'error'),
    [],
  );
});

test('new: never overwrites, and refuses bad or redirected ids', (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  const existing = join(dir, FIXTURE_ARTICLE);
  const before = readFileSync(existing, 'utf8');
  const refused = runScript('new.ts', ['ukraine-energy-grid-repairs', '--data', dir]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /already exists/);
  assert.equal(readFileSync(existing, 'utf8'), before);
  assert.equal(runScript('new.ts', ['Not A Slug', '--data', dir]).code, 2);
  assert.equal(runScript('new.ts', ['old-energy-article', '--data', dir]).code, 2, 'refuses a redirected id');
  // The exclusive create itself: a name taken at the last moment is not replaced, and no temporary file is left.
  assert.throws(() => writeFileAtomic(existing, '{}\n', { exclusive: true }), { code: 'EEXIST' });
  assert.equal(readFileSync(existing, 'utf8'), before);
  assert.deepEqual(
    readdirSync(join(dir, 'articles')).filter((f) => f.endsWith('.tmp')),
    [],
  );
});
