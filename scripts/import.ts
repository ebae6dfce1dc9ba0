/**
 * `npm run import -- --from brat|label-studio|w3c FILE --article ID [--dry-run] [--allow-delete] [--force] [--data
 * DIR]`: applies annotations made or edited in an annotation tool to `DIR/articles/<ID>.json`. A record writer, like
 * `fix` and `new`: it writes that record, and a record in `DIR/entities/` for each mention that links to no entity
 * yet. An exported annotation keeps its id and takes the tool's edits (spans, label, link, choices); one made in the
 * tool gets an id and `TODO` placeholders. The article's blocks and genre, when the file gives them
 * (scripts/interop/model.ts), set its block types, list levels and genre. An annotation of the record that an
 * export of the record (same version) lacks was deleted in the tool: removed only with `--allow-delete`. An edit to an
 * annotation that also changed in the record since the export is a conflict: nothing is written unless `--force`.
 * Import files are untrusted: read as strictly as records (size, depth, forbidden keys), and a malformed one gets a
 * located error (exit 1) with the record untouched. `--dry-run` prints the changes, annotation by annotation, and
 * writes nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Article } from '../types/index.ts';
import { commandLine, usageError, fail, runMain } from './lib/cli.ts';
import { RECORD_FILE } from './checks/layout.ts';
import { canonicalText } from './lib/canonical.ts';
import { readSchema } from './lib/collections.ts';
import { npmCommand } from './lib/printable.ts';
import { parseJsonSource } from './lib/json-source.ts';
import { checkRecordFolder } from './lib/output-target.ts';
import { replaceIfUnchanged } from './lib/record-file.ts';
import { entityKinds, loadRegistry, type AnyAnnotation } from './interop/model.ts';
import { FORMATS, readToolFile, type Format } from './interop/read-file.ts';
import { buildAnnotations, ImportError, planImport, type Change } from './interop/merge.ts';

const USAGE =
  `usage: npm run import -- --from brat|label-studio|w3c FILE --article ID [--dry-run] ` +
  `[--allow-delete] [--force] [--data DIR]

Applies the annotations of FILE to DIR/articles/ID.json (DIR defaults to data):
  --from brat          FILE is a .ann file; the .txt beside it, if any, must hold the article text
  --from label-studio  FILE is a Label Studio JSON export (the task whose data.article is ID, or the only task)
  --from w3c           FILE is W3C Web Annotation JSON-LD (the collection with its page files, a page, a list ` +
  `or one Annotation)
  --dry-run            print the changes; write nothing
  --allow-delete       remove the annotations deleted in the tool (an export of the record that lacks them)
  --force              apply edits to annotations that also changed in the record since the export`;

/*
 * An import's changes as a reader checks them: each annotation added (`+`), changed (`~`, field by field), removed
 * (`-`) or not added again (`=`), named by its kind, id and words. Imported text is quoted as JSON, so no control
 * character or line break from a file reaches the terminal.
 */
const MARK: Record<Change['outcome'], string> = {
  added: '+',
  changed: '~',
  removed: '-',
  duplicate: '=',
  unchanged: ' ',
};

/** Every leaf of a value by its path (`source/entity`, `cue/0/exact`), as JSON. */
function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (path === '' && value === null) return out;
  if (value !== null && typeof value === 'object' && (!Array.isArray(value) || value.length > 0))
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}/${key}` : key, out);
  else if (path !== 'id') out.set(path, JSON.stringify(value));
  return out;
}

const words = (annotation: AnyAnnotation | null) =>
  JSON.stringify((annotation as { selector?: { exact?: unknown } } | null)?.selector?.exact ?? '');

/** One change, on a line of its own, then one indented line per field that differs (or, added or removed, is set). */
function describeChange(change: Change): string {
  const head =
    `${MARK[change.outcome]} ${change.layer} ${JSON.stringify(change.id)} on ` +
    `${words(change.after ?? change.before)}${change.relabelled ? ' (relabelled as another kind)' : ''}`;
  if (change.outcome === 'duplicate')
    return `${head}: the same words are already annotated as ${JSON.stringify(change.before!.id)}; not added again`;
  const before = leaves(change.before);
  const after = leaves(change.after);
  const lines = [head];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const [was, is] = [before.get(path), after.get(path)];
    if (was === is) continue;
    if (change.outcome === 'added') lines.push(`    ${path}: ${is}`);
    else if (change.outcome === 'removed') lines.push(`    ${path}: ${was}`);
    else lines.push(`    ${path}: ${was ?? '(none)'} → ${is ?? '(none)'}`);
  }
  return lines.join('\n');
}

runMain(() => {
  const { values, positionals } = commandLine(USAGE, {
    from: { type: 'string' },
    article: { type: 'string' },
    data: { type: 'string', default: 'data' },
    'dry-run': { type: 'boolean', default: false },
    'allow-delete': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  });
  const format = values.from as Format | undefined;
  if (!format || !FORMATS.includes(format)) usageError(USAGE, `--from must be one of ${FORMATS.join(', ')}`);
  if (positionals.length !== 1) usageError(USAGE, 'give exactly one FILE to import');
  const id = values.article;
  if (!id || !RECORD_FILE.test(`${id}.json`))
    usageError(USAGE, '--article needs the id of an article (a lowercase slug)');
  const file = positionals[0]!;
  if (!existsSync(file)) fail(`${file}: no such file`);
  checkRecordFolder(values.data);
  const target = join(values.data, 'articles', `${id}.json`);
  if (!existsSync(target))
    fail(
      `${target} does not exist; create it first with \`${npmCommand('new', ['--data', values.data, id])}\` ` +
        `and paste the article text`,
    );
  const shown = relative(process.cwd(), target) || target;
  /** This command as typed, with more flags: every command printed works when pasted. */
  const command = (...more: string[]) =>
    npmCommand('import', ['--from', format, file, '--article', id, '--data', values.data, ...more]);
  const validate = npmCommand('validate', ['--data', values.data, shown]);

  const original = readFileSync(target, 'utf8');
  const record = parseJsonSource(new TextEncoder().encode(original));
  if (!record.ok) fail(`${shown}: ${record.problems[0]!.message}; fix the record first (${validate})`, 1);
  const article = record.value as unknown as Article;
  if (!Array.isArray(article.body) || !article.annotations || typeof article.annotations !== 'object')
    fail(`${shown}: the record has no body or annotations to apply the import to; run ${validate}`, 1);

  const schemaDir = join(import.meta.dirname, '..', 'schemas');
  const registry = loadRegistry(values.data);
  let plan;
  let built;
  let locate = (where: string) => where;
  try {
    const read = readToolFile(format, file, id);
    locate = read.locate;
    built = buildAnnotations(article, registry, read.items, read.toolText, entityKinds(schemaDir));
    plan = planImport(article, built, values['allow-delete'], read.document);
  } catch (error) {
    if (error instanceof ImportError) {
      const where = error.where ? `:${locate(error.where)}` : '';
      fail(
        `${file}${where}: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}\n${shown} was not changed.`,
        1,
      );
    }
    throw error;
  }
  const count = (outcome: string) => plan.changes.filter((c) => c.outcome === outcome);
  for (const change of plan.changes) if (change.outcome !== 'unchanged') console.log(describeChange(change));
  for (const line of plan.document) console.log(line);
  for (const notice of built.notices) console.log(`note: ${notice}`);
  const summary = ['added', 'changed', 'removed', 'duplicate', 'unchanged']
    .map((outcome) => `${count(outcome).length} ${outcome}`)
    .join(', ');

  // An edit to an annotation the record changed since the export: which one wins is the curator's call.
  const conflicts = plan.exported === plan.version ? [] : count('changed');
  if (conflicts.length > 0 && !values.force && !values['dry-run'])
    fail(
      `${conflicts.length} annotation(s) above differ between ${shown} (version ${plan.version}) and ` +
        `${file} (` +
        `${plan.exported === null ? 'not an export of the record' : `exported from version ${plan.exported}`}): ` +
        `the record changed since the export, so the import cannot tell an edit from an older state. ` +
        `Nothing was written.\n` +
        `  To keep the file's version of them: ${command('--force')}\n` +
        `  To keep the record's: export again (npm run build) and redo the edits in the tool.`,
      1,
    );
  const removed = count('removed').filter((c) => !c.relabelled);
  if (removed.length > 0 && !values['allow-delete'] && !values['dry-run'])
    fail(
      `${removed.length} annotation(s) of ${shown} are not in ${file}, an export of the record as it is: they ` +
        `were deleted in the tool. Nothing was written.\n` +
        `  To delete them: ${command('--allow-delete')}`,
      1,
    );
  const schema = readSchema('article');
  const after = canonicalText(plan.article, schema);
  if (values['dry-run']) {
    console.log(`dry run: ${summary} in ${shown}; nothing was written.`);
    return 0;
  }
  if (after === canonicalText(article, schema) && built.entities.length === 0) {
    console.log(`Nothing to change in ${shown} (${summary}).`);
    return 0;
  }
  // New entities first: the record never names one that is not written.
  for (const entity of built.entities)
    writeFileSync(join(values.data, 'entities', `${entity.id}.json`), canonicalText(entity, readSchema('entity')), {
      flag: 'wx',
    });
  // The file was read as `original`; it is replaced only if it still holds exactly that.
  replaceIfUnchanged(target, original, after);
  const entities = built.entities.map((e) => relative(process.cwd(), join(values.data, 'entities', `${e.id}.json`)));
  console.log(
    `Wrote ${shown} (${summary})${entities.length > 0 ? ` and ${entities.join(', ')}` : ''}. Next: ${validate}`,
  );
  return 0;
});
