/**
 * No broken message (issue 24.5): every rule, and `npm run new` and `npm run fix`, is fed broken inputs; no message or
 * hint may contain `undefined`, `NaN`, `[object` or (outside the placeholders rule) `TODO:`, and every command a
 * message prints names a script that exists and runs as printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runScript } from './helpers.ts';
import { scratchDataset, FIXTURE_ARTICLE, NOW } from '../scripts/checks/test-kit.ts';
import { validateData } from '../scripts/checks/run.ts';
import { RULES } from '../scripts/checks/rules/index.ts';

const BROKEN = /undefined|NaN|\[object/;
const SCRIPTS = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts);

/** The problems of one message: broken words, or a printed npm command naming no script. */
function problems(text: string, placeholderRule: boolean): string[] {
  const found: string[] = [];
  if (BROKEN.test(text)) found.push(`broken text: ${text}`);
  if (!placeholderRule && text.includes('TODO:')) found.push(`a TODO: in a message not about placeholders: ${text}`);
  for (const [, script] of text.matchAll(/npm run ([\w-]+)/g))
    if (!SCRIPTS.includes(script!)) found.push(`a command for no script (${script}): ${text}`);
  return found;
}

// Each mutation breaks one copy of the valid fixture article in one way a rule checks.
type Article = any;
const MUTATIONS: Array<(a: Article) => void> = [
  (a) => (a.annotations.mentions[0].selector = { exact: 'Ukrain' }),
  (a) => (a.annotations.mentions[0].selector = { exact: 'the' }),
  (a) => (a.annotations.mentions[0].selector = { exact: 'Ukraine', prefix: 'nowhere ' }),
  (a) => (a.annotations.mentions[0].selector = { exact: 'kraine' }),
  (a) => (a.annotations.mentions[0].selector.exact = 'Q'.repeat(400)),
  (a) => (a.annotations.mentions[0].entity = 'no-such-entity'),
  (a) => (a.annotations.mentions[0].form = 'demonym'),
  (a) => (a.annotations.mentions[0].standsFor = 'olena-kovalenko'),
  (a) => (a.annotations.quotes[0].source = { kind: 'entity', entity: null, affiliation: 'ukraine', selector: null }),
  (a) => (a.annotations.quotes[0].source.kind = 'article'),
  (a) => (a.annotations.quotes[0].outlet = 'no-such-outlet'),
  (a) => (a.annotations.quotes[1] = { ...a.annotations.quotes[0] }),
  (a) => (a.annotations.figures[0].value = 42),
  (a) => (a.annotations.figures[0].currency = null),
  (a) => (a.annotations.figures[0].unit = 'percent'),
  (a) => (a.annotations.events[0].place = 'olena-kovalenko'),
  (a) => (a.annotations.events[0].time.value = '2024-02-30'),
  (a) => (a.annotations.events[0].time.value = '2999'),
  (a) => (a.annotations.events[0].time = { ...a.annotations.events[0].time, type: 'interval' }),
  (a) => (a.annotations.events[0].time.relative = { unit: 'weekday', offset: -1 }),
  (a) => (a.annotations.events[0].time.relative = { unit: 'week', offset: -1 }),
  (a) => (a.annotations.events[0].time.selector = { exact: 'Tuesday' }),
  (a) => (a.annotations.claims[0].isBasedOn = ['no-such-annotation']),
  (a) => (a.annotations.events[0].participants = ['ukraine', 'ukraine']),
  (a) => (a.annotations.claims[0].claimant = { kind: 'group', entity: 'ukraine', affiliation: null, selector: null }),
  (a) => (a.annotations.mentions[1].id = a.annotations.mentions[0].id),
  (a) => (a.annotations.mentions[1].id = 'article'),
  (a) => (a.inferences[0].field = '/no/such/field'),
  (a) => (a.inferences[0].about = 'no-such-annotation'),
  (a) => (a.inferences[0].value = 'TODO: a date'),
  (a) => (a.headline.text = 'TODO: the headline'),
  (a) => (a.body[0].text = `${a.body[0].text}  Two  spaces.`),
  (a) => (a.url = 'https://exa mple.com/x'),
  (a) => (a.url = 'http://localhost/x'),
  (a) => (a.datePublished = '2025-13'),
  (a) => (a.dateModified = '2020-01-01'),
  (a) => (a.publisher = 'no-such-outlet'),
  (a) => (a.id = 'another-id'),
  (a) => (a.annotations.mentions[0].extra = true),
  (a) => delete a.annotations.mentions[0].form,
  (a) => (a.annotations.figures[0].value = 'many'),
  (a) => (a.annotations.events[0].time = { selector: { exact: 'in 2024' } }),
  (a) => {
    a.datePublished = a.dateModified = null;
    a.annotations.events[0].time = { selector: { exact: 'in 2024' } };
  },
  (a) =>
    (a.annotations.events[0].time = { selector: { exact: 'Tuesday' }, type: 'instant', relative: { unit: 'day' } }),
  (a) => (a.annotations.quotes[0].continuations = null),
  (a) => (a.annotations.figures[0].hedges = [{}]),
  (a) => (a.annotations = null),
  (a) => (a.body[0].level = 1),
];

test('every rule, fed broken inputs, writes whole messages with hints that work', async () => {
  const { dir, dispose } = scratchDataset();
  try {
    const donor = JSON.parse(readFileSync(join(dir, FIXTURE_ARTICLE), 'utf8'));
    MUTATIONS.forEach((mutate, i) => {
      const article = structuredClone(donor);
      article.id = `broken-${i}`;
      article.body[0].text += ` Copy ${i}.`;
      mutate(article);
      writeFileSync(join(dir, 'articles', `broken-${i}.json`), JSON.stringify(article, null, 2));
    });
    const edit = (file: string, change: (r: any) => void) => {
      const r = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      change(r);
      writeFileSync(join(dir, file), JSON.stringify(r, null, 2));
    };
    edit('entities/olena-kovalenko.json', (e) => ((e.roles[0].end = '2020-01'), (e.aliases = ['Olena Kovalenko'])));
    edit('entities/ukraine.json', (e) => (e.id = 'index'));
    edit('outlets/wire-service.json', (o) => (o.url = 'ftp://wire.example'));
    edit('redirects/old-energy-article.json', (r) => (r.to = ['no-such-article']));
    writeFileSync(
      join(dir, 'entities', 'con.json'),
      JSON.stringify({ id: 'con', kind: 'person', name: 'Con', aliases: [], demonyms: [], roles: [], identifiers: {} }),
    );
    writeFileSync(join(dir, 'articles', 'Stray File.json'), '{');
    writeFileSync(join(dir, 'entities', 'truncated.json'), '{"id": "truncated", ');

    const { findings } = await validateData({ dataDir: dir, now: NOW });
    // `unreferenced` says nothing while a file cannot be read (it may be the one that references): a second dataset,
    // readable, with an entry nothing references and two files declaring one id (`unique-ids`).
    const clean = scratchDataset();
    try {
      const forum = readFileSync(join(clean.dir, 'entities', 'kyiv-energy-forum.json'), 'utf8');
      writeFileSync(join(clean.dir, 'entities', 'kyiv-energy-forum-copy.json'), forum);
      const lonely = {
        id: 'lonely',
        kind: 'city',
        name: 'Lonely',
        aliases: [],
        demonyms: [],
        roles: [],
        identifiers: {},
      };
      writeFileSync(join(clean.dir, 'entities', 'lonely.json'), JSON.stringify(lonely));
      findings.push(...(await validateData({ dataDir: clean.dir, now: NOW })).findings);
    } finally {
      clean.dispose();
    }
    assert.deepEqual(
      findings.filter((f) => f.internal),
      [],
      'no rule crashes on a broken input',
    );
    const reported = new Set(findings.map((f) => f.rule));
    const silent = RULES.map((r) => r.name).filter((name) => !reported.has(name));
    assert.deepEqual(silent, [], 'every rule is fed an input it rejects');
    const bad = findings.flatMap((f) =>
      problems(`${f.message} | hint: ${f.hint}`, f.rule === 'placeholders').map((p) => `${f.rule} ${f.pointer}: ${p}`),
    );
    assert.deepEqual(bad, []);
  } finally {
    dispose();
  }
});

test('new and fix, fed broken inputs, write whole messages, exit non-zero, and print commands that run', () => {
  const { dir, dispose } = scratchDataset();
  try {
    const runs = [
      runScript('new.ts', ['--data', dir]),
      runScript('new.ts', ['Bad Id', '--data', dir]),
      runScript('new.ts', ['index', '--data', dir]),
      runScript('new.ts', ['ukraine-energy-grid-repairs', '--data', dir]),
      runScript('new.ts', ['old-energy-article', '--data', dir]),
      runScript('new.ts', ['fine-id', '--data', join(dir, 'missing')]),
    ];
    writeFileSync(join(dir, 'articles', 'broken.json'), '{"id": "broken",');
    runs.push(runScript('fix.ts', ['--data', dir]));
    runs.push(runScript('fix.ts', ['--data', dir, join(dir, 'articles', 'missing.json')]));
    // The command fix prints for a file it could not read runs as printed, and reports that file.
    const [, fixHint] = /`(npm run validate -- [^`]+)`/.exec(runs[6]!.stderr) ?? [];
    assert.ok(fixHint, runs[6]!.stderr);
    const rerun = spawnSync('sh', ['-c', fixHint], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(rerun.status, 1, rerun.stdout + rerun.stderr);
    assert.match(rerun.stdout, /broken\.json/);
    for (const { code, stdout, stderr } of runs) {
      assert.notEqual(code, 0, stdout + stderr);
      assert.deepEqual(problems(stdout + stderr, false), []);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace for a user mistake');
    }
    // A scaffold in a data folder other than data/: the command it prints runs as printed (and finds the placeholders).
    const created = runScript('new.ts', ['fresh-article', '--data', dir]);
    assert.equal(created.code, 0, created.stderr);
    const [, command] = /`(npm run validate -- [^`]+)`/.exec(created.stdout) ?? [];
    assert.ok(command, created.stdout);
    const pasted = spawnSync('sh', ['-c', command], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(pasted.status, 1, pasted.stdout + pasted.stderr);
    assert.match(pasted.stdout, /fresh-article\.json/);
    assert.match(pasted.stdout, /placeholders/);
  } finally {
    dispose();
  }
});
