/** The runner's guarantees: crashing checks become findings, one bad file never stops the others, the API holds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateData } from '../scripts/checks/run.ts';
import type { RecordRule } from '../scripts/checks/rule.ts';
import { RULES } from '../scripts/checks/rules/index.ts';
import { editJson, scratchDataset, NOW, FIXTURE_ARTICLE } from '../scripts/checks/test-kit.ts';
import { DATA_DIR } from './helpers.ts';

test('validateData keeps the API the build uses, and the real data passes every rule', async () => {
  const report = await validateData({ dataDir: DATA_DIR });
  assert.deepEqual(report.findings, []);
  assert.ok(report.filesChecked > 20);
});

test('a crashing check is reported as an internal finding; the other checks and files still run', async (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  const crashing: RecordRule<'outlet'> = {
    name: 'always-crashes',
    scope: 'outlet',
    description: 'A check with a bug.',
    check() {
      throw new Error('boom');
    },
  };
  editJson(dir, FIXTURE_ARTICLE, (a) => (a.annotations.mentions[0].selector.exact = 'Ukraina'));
  const { findings } = await validateData({ dataDir: dir, rules: [crashing, ...RULES], now: NOW });
  const crashes = findings.filter((f) => f.rule === 'always-crashes');
  assert.equal(crashes.length, 2);
  assert.ok(crashes.every((f) => f.internal === true && /the check crashed: boom/.test(f.message)));
  assert.ok(findings.some((f) => f.rule === 'grounding'));
});

test('one unreadable file does not stop the others', async (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  writeFileSync(join(dir, 'entities', 'aaa-broken.json'), '{"id": ');
  editJson(dir, 'outlets/wire-service.json', (o) => (o.name = ' Wire'));
  const { findings, filesChecked } = await validateData({ dataDir: dir, now: NOW });
  assert.equal(filesChecked, 8);
  assert.ok(findings.some((f) => f.file.endsWith('aaa-broken.json') && f.rule === 'json-syntax'));
  assert.ok(findings.some((f) => f.file.endsWith('wire-service.json') && f.rule === 'schema' && f.line === 3));
});

test('schema errors are plain language, located, with hints', async (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  editJson(dir, FIXTURE_ARTICLE, (a) => {
    a.headline.orign = a.headline.origin;
    delete a.headline.origin;
    a.publisher = 7;
    a.rights.status = 'copyleft';
    delete a.keywords;
  });
  const { findings } = await validateData({ dataDir: dir, now: NOW });
  const schema = findings
    .filter((f) => f.rule === 'schema')
    .map((f) => `${f.line}:${f.column} ${f.pointer} | ${f.message} | ${f.hint}`);
  const find = (re: RegExp) =>
    assert.ok(
      schema.some((s) => re.test(s)),
      `${re}\n${schema.join('\n')}`,
    );
  find(/^\d+:5 \/headline\/orign \| unknown field "orign" \| Did you mean "origin"\?/);
  find(/\/headline \| missing required field "origin" in \/headline \| Add "origin"/);
  find(/\/publisher \| "publisher" must be a string or null, not number 7/);
  find(/\/rights\/status \| "copyleft" is not one of "all-rights-reserved", "licensed", "public-domain", "unknown"/);
  find(/^1:1 {2}\| missing required field "keywords"/);
});

test('a rule finding replaces the schema finding on the same value', async (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  editJson(dir, FIXTURE_ARTICLE, (a) => (a.url = 'ftp://ledger.example/a'));
  const { findings } = await validateData({ dataDir: dir, now: NOW });
  assert.deepEqual(
    findings.map((f) => f.rule),
    ['urls'],
  );
});
