/**
 * `npm run import` as a contributor runs it: a dry run prints the diff and writes nothing; an import fills a clean
 * record, which then validates; an unknown entity is written with the label's kind; a malformed file gets a
 * located error and the record is untouched; an import that would replace an annotation is refused; a genre chosen
 * anew in the tool is shown as a change to the article.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SEED_ID, runScript } from './helpers.ts';
import { labelStudioTask } from '../scripts/interop/label-studio.ts';
import { loadRegistry } from '../scripts/interop/model.ts';
import type { Article, Entity } from '../types/index.ts';
import { validateData } from '../scripts/checks/run.ts';

test(
  'import: dry run, then a real import into a clean record that validates; ' + 'bad files and conflicts change nothing',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const data = join(dir, 'data');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    const recordPath = join(data, 'articles', `${SEED_ID}.json`);
    const full = JSON.parse(readFileSync(recordPath, 'utf8')) as Article;
    // The Label Studio file an annotator exports, made from the full record; then the record is emptied.
    const tasks = [labelStudioTask(full, loadRegistry(data))];
    const lsFile = join(dir, 'export.json');
    writeFileSync(lsFile, JSON.stringify(tasks));
    const clean = structuredClone(full);
    for (const kind of Object.keys(clean.annotations) as Array<keyof Article['annotations']>)
      clean.annotations[kind] = [];
    clean.inferences = [];
    writeFileSync(recordPath, `${JSON.stringify(clean, null, 2)}\n`);
    const cleanText = readFileSync(recordPath, 'utf8');
    const args = (file: string, ...more: string[]) => [
      '--from',
      'label-studio',
      file,
      '--article',
      SEED_ID,
      '--data',
      data,
      ...more,
    ];

    const dry = runScript('import.ts', args(lsFile, '--dry-run'));
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(
      dry.stdout,
      /^\+ mentions "m-ukraine-1" on "Ukrainian"\n {4}entity: "ukraine"\n {4}form: "demonym"$/m,
      'the diff shows the added annotations',
    );
    const total = Object.values(full.annotations).reduce<number>((n, list: readonly unknown[]) => n + list.length, 0);
    assert.match(dry.stdout, new RegExp(`dry run: ${total} added, 0 changed, 0 removed`));
    assert.equal(readFileSync(recordPath, 'utf8'), cleanText, 'a dry run writes nothing');

    // A malformed file: a located error, and the record stays as it was.
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify(tasks, null, 1).replace('"start": 0,', '"start": "zero",'));
    const bad = runScript('import.ts', args(broken));
    assert.equal(bad.code, 1);
    assert.match(
      bad.stderr,
      /broken\.json:\d+:\d+ \(at \/0\/annotations\/0\/result\/0\/value\): a labels region needs integer "start" and "end"/,
    );
    assert.match(bad.stderr, /was not changed/);
    assert.equal(readFileSync(recordPath, 'utf8'), cleanText);
    writeFileSync(broken, '[{"data": {"text": "x"}, }]');
    assert.match(runScript('import.ts', args(broken)).stderr, /broken\.json:1:\d+: invalid JSON/);

    const real = runScript('import.ts', args(lsFile));
    assert.equal(real.code, 0, real.stderr);
    assert.deepEqual(
      (JSON.parse(readFileSync(recordPath, 'utf8')) as Article).annotations,
      full.annotations,
      'the import restores every annotation',
    );

    // The same file again: nothing to change, nothing written.
    const imported = readFileSync(recordPath, 'utf8');
    const again = runScript('import.ts', args(lsFile));
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /Nothing to change/);
    assert.equal(readFileSync(recordPath, 'utf8'), imported);

    // The genre chosen anew in the tool: the dry run names the change to the article itself.
    const regenred = structuredClone(tasks) as unknown as Array<{ annotations: Array<{ result: object[] }> }>;
    const result = regenred[0]!.annotations[0]!.result as Array<{
      from_name?: string;
      value: object;
      [k: string]: unknown;
    }>;
    const genre = result.find((r) => r.from_name === 'Genre');
    if (genre) genre.value = { choices: ['genre:Analysis'] };
    else result.push({ from_name: 'Genre', to_name: 'text', type: 'choices', value: { choices: ['genre:Analysis'] } });
    writeFileSync(join(dir, 'genre.json'), JSON.stringify(regenred));
    const regenre = runScript('import.ts', args(join(dir, 'genre.json'), '--dry-run'));
    assert.equal(regenre.code, 0, regenre.stderr);
    assert.match(regenre.stdout, /^~ genre: ("genre:\w+"|null) → "genre:Analysis"$/m);
    assert.equal(readFileSync(recordPath, 'utf8'), imported, 'a dry run writes nothing');

    // A brat span on an entity nobody registered: the entity is written, with the kind the label gives.
    const text = full.body.map((b) => b.text).join('\n');
    const at = [...text.slice(0, text.indexOf(' access ') + 1)].length;
    writeFileSync(join(dir, 'new.ann'), `T1\tPerson ${at} ${at + 6}\taccess\n`);
    const stub = runScript('import.ts', ['--from', 'brat', join(dir, 'new.ann'), '--article', SEED_ID, '--data', data]);
    assert.equal(stub.code, 0, stub.stderr);
    assert.match(stub.stdout, /note: new entity "access" \(person, named "access"\)/);
    const written = JSON.parse(readFileSync(join(data, 'entities', 'access.json'), 'utf8')) as Entity;
    assert.deepEqual([written.id, written.kind, written.name], ['access', 'person', 'access']);
    const mention = (JSON.parse(readFileSync(recordPath, 'utf8')) as Article).annotations.mentions.find(
      (m) => m.entity === 'access',
    )!;
    assert.deepEqual([mention.id, mention.form], ['m-access-1', 'name']);
    const { findings } = await validateData({ dataDir: data, paths: [recordPath] });
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
      'the record and its new entity validate',
    );

    // Only the named record can be written: a missing record is refused.
    assert.equal(
      runScript('import.ts', ['--from', 'brat', join(dir, 'new.ann'), '--article', 'no-such-article', '--data', data])
        .code,
      2,
    );
  },
);
