/**
 * Imports that correct, on the real export files of a build (Label Studio tasks, the brat archive, the W3C collection
 * and its pages): an annotator relabels and re-links a mention, moves a boundary, deletes a region and draws a new
 * one; `npm run import` applies each edit (the deletion only with --allow-delete, printed as a command that works
 * pasted), writes the new mention's entity, and the record validates. A label that contradicts the link, and an
 * edit to a record that changed since the export, are refused with the record untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SEED_ID, runScript } from './helpers.ts';
import { REPO_DATA, sharedBuild } from './fixtures/publish/support.ts';
import { validateData } from '../scripts/checks/run.ts';

type Json = any;

/** One format's export of the seed, copied out of the build, and the edits an annotator makes in the tool. */
interface Editor {
  file: string;
  relabel(id: string, label: string): void;
  relink(id: string, entity: string): void;
  move(id: string, start: number, end: number, exact: string): void;
  remove(id: string): void;
  add(label: string, start: number, end: number, exact: string): void;
  save(): void;
}

function labelStudio(dist: string, dir: string): Editor {
  const tasks: Json[] = JSON.parse(readFileSync(join(dist, 'annotations/label-studio/tasks.json'), 'utf8'));
  const task = tasks.find((t) => t.data.article === SEED_ID);
  const result: Json[] = task.annotations[0].result;
  const file = join(dir, 'label-studio.json');
  const regions = (id: string) => result.filter((r) => r.id === id);
  return {
    file,
    relabel: (id, label) => (regions(id).find((r) => r.type === 'labels').value.labels = [label]),
    relink: (id, entity) => (regions(id).find((r) => r.type === 'textarea').value.textarea = [entity]),
    move: (id, start, end, exact) => regions(id).forEach((r) => Object.assign(r.value, { start, end, text: exact })),
    remove: (id) => result.splice(0, result.length, ...result.filter((r) => r.id !== id && r.from_id !== id)),
    add: (label, start, end, exact) =>
      result.push({
        id: 'drawn1',
        from_name: 'label',
        to_name: 'text',
        type: 'labels',
        value: { start, end, text: exact, labels: [label] },
      }),
    save: () => writeFileSync(file, JSON.stringify([task])),
  };
}

function brat(dist: string, dir: string): Editor {
  execFileSync('tar', ['xzf', join(dist, 'annotations/brat.tar.gz'), '-C', dir]);
  const file = join(dir, 'brat', `${SEED_ID}.ann`);
  let lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  /** The T id of an annotation's main span, from the note that names the annotation. */
  const t = (id: string) =>
    lines
      .find((l) => l.startsWith('#') && l.includes(`"id":"${id}"`))!
      .split('\t')[1]!
      .split(' ')[1]!;
  return {
    file,
    relabel: (id, label) => {
      const tid = t(id);
      lines = lines.map((l) => (l.startsWith(`${tid}\t`) ? l.replace(/\t\S+ /, `\t${label} `) : l));
    },
    relink: (id, entity) => {
      const tid = t(id);
      lines = lines
        .filter((l) => !(l.startsWith('N') && l.includes(` ${tid} Wikidata:`)))
        .map((l) =>
          l.startsWith('N') && l.includes(` ${tid} AnnotatedNews:`)
            ? l.replace(/AnnotatedNews:\S+/, `AnnotatedNews:${entity}`)
            : l,
        );
    },
    move: (id, start, end, exact) => {
      const tid = t(id);
      lines = lines.map((l) =>
        l.startsWith(`${tid}\t`) ? l.replace(/ \d+ \d+\t.*$/, ` ${start} ${end}\t${exact}`) : l,
      );
    },
    remove: (id) => {
      const tid = t(id);
      lines = lines.filter(
        (l) => !l.startsWith(`${tid}\t`) && !l.split('\t')[1]?.split(' ').includes(tid) && !l.includes(`Arg1:${tid} `),
      );
    },
    add: (label, start, end, exact) => lines.push(`T9999\t${label} ${start} ${end}\t${exact}`),
    save: () => writeFileSync(file, `${lines.join('\n')}\n`),
  };
}

function w3c(dist: string, dir: string): Editor {
  cpSync(join(dist, 'annotations/w3c.jsonld'), join(dir, 'w3c.jsonld'));
  cpSync(join(dist, 'annotations/w3c'), join(dir, 'w3c'), { recursive: true });
  const pages = readdirSync(join(dir, 'w3c')).map((name) => join(dir, 'w3c', name));
  const page = pages.find((p) => readFileSync(p, 'utf8').includes(`:article:${SEED_ID}:`))!;
  const doc: Json = JSON.parse(readFileSync(page, 'utf8'));
  const item = (id: string) =>
    doc.items.find((i: Json) => i.id === `urn:annotated-news:article:${SEED_ID}:annotation:${id}`);
  return {
    file: join(dir, 'w3c.jsonld'),
    relabel: (id, label) => (item(id).body.find((b: Json) => b.type.startsWith('an:')).type = `an:${label}`),
    relink: (id, entity) =>
      (item(id).body.find((b: Json) => b.type === 'SpecificResource').source = `urn:annotated-news:entity:${entity}`),
    move: (id, start, end, exact) =>
      (item(id).target[0].selector = [
        { type: 'TextQuoteSelector', exact },
        { type: 'TextPositionSelector', start, end },
      ]),
    remove: (id) => doc.items.splice(doc.items.indexOf(item(id)), 1),
    add: (label, start, end, exact) =>
      doc.items.push({
        type: 'Annotation',
        body: [{ type: `an:${label}` }],
        target: {
          source: `urn:annotated-news:article:${SEED_ID}`,
          selector: [
            { type: 'TextQuoteSelector', exact },
            { type: 'TextPositionSelector', start, end },
          ],
        },
      }),
    save: () => writeFileSync(page, JSON.stringify(doc)),
  };
}

const EDITORS = { 'label-studio': labelStudio, brat, w3c };

for (const [format, editor] of Object.entries(EDITORS)) {
  test(`import from ${format}: relabel and re-link, boundary move, deletion, addition; conflicts refused`, async (t) => {
    const dist = sharedBuild(REPO_DATA);
    const dir = mkdtempSync(join(tmpdir(), `import-edits-${format}-`));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const data = join(dir, 'data');
    cpSync(REPO_DATA, data, { recursive: true });
    const recordPath = join(data, 'articles', `${SEED_ID}.json`);
    const before = readFileSync(recordPath, 'utf8');
    const record = JSON.parse(before);
    const text: string = record.body.map((b: { text: string }) => b.text).join('\n');
    const at = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
    const run = (file: string, ...more: string[]) =>
      runScript('import.ts', ['--from', format, file, '--article', SEED_ID, '--data', data, ...more]);

    // A label that contradicts the entity linked: refused, located, nothing written.
    const contradiction = editor(dist, mkdtempSync(join(dir, 'c-')));
    contradiction.relabel('m-washington-dc-2', 'Country');
    contradiction.save();
    const refused = run(contradiction.file);
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(refused.stderr, /labelled Country, but it links to "washington-dc", which is a city/);
    assert.match(refused.stderr, /hint: Link it to an entity of kind country/);
    assert.equal(readFileSync(recordPath, 'utf8'), before);

    const edit = editor(dist, dir);
    edit.relabel('m-proposal-3', 'Event');
    edit.relink('m-proposal-3', 'munich-security-conference');
    edit.relink('m-proposal-6', 'victory-plan');
    const conflict = at('the ongoing conflict with Russia');
    edit.move('m-russo-ukrainian-war-1', conflict, conflict + 'the ongoing conflict'.length, 'the ongoing conflict');
    edit.remove('m-victory-plan-1');
    const reuters = at('Reuters');
    edit.add('Organization', reuters, reuters + 7, 'Reuters');
    edit.save();

    const dry = run(edit.file, '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(
      dry.stdout,
      /^~ mentions "m-proposal-3" on "the deal"\n {4}entity: "us-minerals-proposal" → "munich-security-conference"$/m,
    );
    assert.match(
      dry.stdout,
      /^~ mentions "m-proposal-6" on "the proposal"\n {4}entity: "us-minerals-proposal" → "victory-plan"$/m,
    );
    assert.match(
      dry.stdout,
      /^~ mentions "m-russo-ukrainian-war-1" on "the ongoing conflict"\n {4}selector\/exact: "the ongoing conflict with Russia" → "the ongoing conflict"$/m,
    );
    assert.match(dry.stdout, /^- mentions "m-victory-plan-1" on "his so-called “victory plan,”"$/m);
    assert.match(dry.stdout, /^\+ mentions "m-reuters-1" on "Reuters"\n {4}entity: "reuters"$/m);
    assert.equal(readFileSync(recordPath, 'utf8'), before, 'a dry run writes nothing');

    // The deletion needs --allow-delete; the refusal prints the command that does it, which works pasted as is.
    const needs = run(edit.file);
    assert.equal(needs.code, 1);
    assert.equal(readFileSync(recordPath, 'utf8'), before);
    const command = /To delete them: (.*)$/m.exec(needs.stderr)?.[1];
    assert.ok(command?.endsWith(' --allow-delete'), needs.stderr);
    const pasted = spawnSync('sh', ['-c', command!], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pasted.status, 0, pasted.stderr);
    const next = /Next: (.*)$/m.exec(pasted.stdout)?.[1];
    assert.ok(next, pasted.stdout);

    const after = JSON.parse(readFileSync(recordPath, 'utf8'));
    const mention = (id: string) => after.annotations.mentions.find((m: { id: string }) => m.id === id);
    assert.equal(mention('m-proposal-3').entity, 'munich-security-conference');
    assert.equal(mention('m-proposal-6').entity, 'victory-plan');
    assert.equal(mention('m-russo-ukrainian-war-1').selector.exact, 'the ongoing conflict');
    assert.equal(mention('m-victory-plan-1'), undefined);
    assert.equal(mention('m-reuters-1').entity, 'reuters');
    const entity = JSON.parse(readFileSync(join(data, 'entities', 'reuters.json'), 'utf8'));
    assert.deepEqual([entity.kind, entity.name], ['organization', 'Reuters'], 'the new entity is written');
    const { findings } = await validateData({ dataDir: data, paths: [recordPath] });
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
      'the corrected record validates',
    );
    const validated = spawnSync('sh', ['-c', next!], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(validated.status, 0, `the printed Next: command fails: ${validated.stdout}${validated.stderr}`);

    // The same export again: the record changed since (its version differs), so an edit is a conflict.
    const changed = readFileSync(recordPath, 'utf8');
    const stale = editor(dist, mkdtempSync(join(dir, 's-')));
    stale.relink('m-ukraine-3', 'russia');
    stale.save();
    const refusal = run(stale.file);
    assert.equal(refusal.code, 1);
    assert.match(
      refusal.stderr,
      /differ between .* \(version [0-9a-f]{16}\) and .* \(exported from version [0-9a-f]{16}\)/,
    );
    assert.equal(readFileSync(recordPath, 'utf8'), changed);
    const force = /keep the file's version of them: (.*)$/m.exec(refusal.stderr)?.[1];
    assert.ok(force?.endsWith(' --force'), refusal.stderr);
    assert.ok(existsSync(stale.file));
  });
}
