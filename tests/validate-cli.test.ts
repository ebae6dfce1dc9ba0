/** `npm run validate` as a contributor runs it: formats, exit codes, paths, and never writing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript, ROOT } from './helpers.ts';
import type { JsonReport } from '../scripts/checks/report.ts';
import type { Article, Outlet } from '../types/index.ts';
import { editJson, scratchDataset, FIXTURE_ARTICLE } from '../scripts/checks/test-kit.ts';

/** A hash of every file under a folder, to prove nothing was written. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const visit = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  visit(dir);
  return hash.digest('hex');
}

/**
 * A scratch dataset with a misspelt mention (a grounding error, a mention-forms error, and a coverage warning for the
 * name now unmentioned), one schema error and one broken file.
 */
function brokenDataset() {
  const scratch = scratchDataset();
  editJson(
    scratch.dir,
    FIXTURE_ARTICLE,
    (a: Article) => (a.annotations.mentions[1]!.selector.exact = 'Olena Kovalenk0'),
  );
  editJson(scratch.dir, 'outlets/daily-ledger.json', (o: Outlet) => (o.country = 'gb'));
  writeFileSync(join(scratch.dir, 'entities', 'broken.json'), '{\n  "id": "broken",\n  "id": "again"\n}\n');
  return scratch;
}

test('validate: the real data/ is clean (exit 0), and the run writes nothing', () => {
  const before = treeHash(join(ROOT, 'data'));
  const { code, stdout } = runScript('validate.ts', []);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /^\d+ files checked: no errors or warnings$/m);
  assert.equal(treeHash(join(ROOT, 'data')), before);
});

test('validate: human format groups by file, with line:col, hint and summary; exit 1; nothing written', (t) => {
  const { dir, dispose } = brokenDataset();
  t.after(dispose);
  const before = treeHash(dir);
  const { code, stdout } = runScript('validate.ts', ['--data', dir]);
  assert.equal(code, 1);
  assert.doesNotMatch(stdout, /\x1b\[/, 'no colour when not a TTY');
  assert.match(
    stdout,
    /articles\/ukraine-energy-grid-repairs\.json\n(?:\s+\d+:\d+\s+warning .*\n(?:\s{5,}.*\n)*)*\s+\d+:\d+\s+error\s+"Olena Kovalenk0" is not in the article text/,
  );
  assert.match(stdout, /\d+:\d+\s+warning\s+"Olena Kovalenko" .* with no mention\s+coverage/);
  assert.match(stdout, /hint: Closest passage in the text: "Olena Kovalenko"/);
  assert.match(stdout, /entities\/broken\.json\n\s+3:3\s+error\s+duplicate key "id"/);
  assert.match(stdout, /outlets\/daily-ledger\.json\n\s+5:\d+\s+error/);
  assert.match(stdout, /^8 files checked: 4 errors and 1 warning in 3 files$/m);
  assert.equal(treeHash(dir), before);
});

test('validate: json format is a machine-readable report on stdout', (t) => {
  const { dir, dispose } = brokenDataset();
  t.after(dispose);
  const { code, stdout } = runScript('validate.ts', ['--data', dir, '--format', 'json']);
  assert.equal(code, 1);
  const report = JSON.parse(stdout) as JsonReport;
  assert.equal(report.version, 1);
  assert.deepEqual(report.summary, { errors: 4, warnings: 1, filesWithFindings: 3, filesChecked: 8 });
  const grounding = report.findings.find((f: { rule: string }) => f.rule === 'grounding')!;
  assert.deepEqual(Object.keys(grounding), [
    'file',
    'line',
    'column',
    'pointer',
    'rule',
    'severity',
    'message',
    'hint',
  ]);
  assert.equal(grounding.pointer, '/annotations/mentions/1/selector/exact');
  const source = readFileSync(join(dir, FIXTURE_ARTICLE), 'utf8').split('\n');
  assert.ok(source[grounding.line - 1]!.slice(grounding.column - 1).startsWith('"Olena Kovalenk0"'));
});

test('validate: github format prints workflow commands with file, line, col and title', (t) => {
  const { dir, dispose } = brokenDataset();
  t.after(dispose);
  const { code, stdout } = runScript('validate.ts', ['--data', dir, '--format', 'github']);
  assert.equal(code, 1);
  const lines = stdout.trim().split('\n');
  assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 4);
  assert.equal(lines.filter((l) => l.startsWith('::warning ')).length, 1);
  assert.match(
    stdout,
    /^::error file=[^,]*entities\/broken\.json,line=3,col=3,title=duplicate-key at \/id::duplicate key "id" \(first at line 2\); JSON.parse would silently keep only the last value%0Ahint: /m,
  );
});

test('validate: warnings pass unless --strict', (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  writeFileSync(
    join(dir, 'entities', 'lonely.json'),
    JSON.stringify(
      { id: 'lonely', kind: 'city', name: 'Lonely', aliases: [], demonyms: [], roles: [], identifiers: {} },
      null,
      2,
    ),
  );
  const relaxed = runScript('validate.ts', ['--data', dir]);
  assert.equal(relaxed.code, 0, relaxed.stdout);
  assert.match(relaxed.stdout, /warning\s+nothing references "lonely"/);
  assert.equal(runScript('validate.ts', ['--data', dir, '--strict']).code, 1);
});

test('validate: paths limit the report; cross-file rules still see the whole dataset', (t) => {
  const { dir, dispose } = brokenDataset();
  t.after(dispose);
  const only = runScript('validate.ts', ['--data', dir, '--format', 'json', join(dir, 'outlets', 'daily-ledger.json')]);
  const report = JSON.parse(only.stdout) as JsonReport;
  assert.equal(only.code, 1);
  assert.equal(report.summary.filesChecked, 1);
  assert.ok(report.findings.every((f: { file: string }) => f.file.endsWith('outlets/daily-ledger.json')));
  // The entity file is referenced only from the article, which is not among the paths: no false warning.
  const entity = runScript('validate.ts', [
    '--data',
    dir,
    '--format',
    'json',
    join(dir, 'entities', 'olena-kovalenko.json'),
  ]);
  assert.equal(entity.code, 0, entity.stdout);
});

test('validate: usage errors exit 2 with a message and no stack trace', () => {
  for (const args of [['--format', 'xml'], ['--bogus'], ['--data', '/nonexistent/folder'], ['no/such/file.json']]) {
    const { code, stderr } = runScript('validate.ts', args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /^error: /);
    assert.doesNotMatch(stderr, /\n\s+at /);
  }
});

test('validate --help and --list-rules', () => {
  assert.match(runScript('validate.ts', ['--help']).stdout, /Exit codes: 0/);
  const rules = runScript('validate.ts', ['--list-rules']).stdout;
  for (const [name, scope] of [
    ['grounding', 'article'],
    ['references', 'record'],
    ['duplicates', 'dataset'],
    ['aliases', 'entity'],
  ])
    assert.match(rules, new RegExp(`^${name} +${scope} +\\S`, 'm'));
});
