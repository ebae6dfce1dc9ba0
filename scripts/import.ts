/**
 * `npm run import -- --from brat|label-studio|w3c FILE --article ID [--dry-run] [--data DIR]`: turns annotations
 * made in an annotation tool into this dataset's annotations and merges them into `DIR/articles/<ID>.json`, the
 * only file it writes (a record writer, like `fix` and `new`). Selectors are computed from the offsets or quoted
 * text, with a prefix or suffix wherever the exact text repeats. An existing annotation is never replaced: an
 * import that would change one stops with the list of conflicts. Links to unknown entities become `TODO-…` stubs
 * that validation rejects until a curator completes them. A malformed file gets a located error (exit 1) and the
 * record is left untouched. `--dry-run` prints the diff and writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../types/index.ts';
import { fail, runMain } from './lib/cli.ts';
import { RECORD_FILE } from './checks/layout.ts';
import { canonicalText } from './lib/canonical.ts';
import { lineColumn, parseJsonSource, pointerLocator } from './lib/json-source.ts';
import { checkRecordFolder } from './lib/output-target.ts';
import { replaceIfUnchanged } from './lib/record-file.ts';
import { entityKinds, loadRegistry } from './interop/registry.ts';
import { BratSyntaxError, parseBratAnn } from './interop/brat.ts';
import { LabelStudioFormatError, readLabelStudio } from './interop/label-studio.ts';
import { FormatError, readW3c } from './interop/w3c.ts';
import { fromBrat, fromLabelStudio, fromW3c } from './interop/readers.ts';
import { buildAnnotations, ImportError, mergeAnnotations, type ToolAnnotation } from './interop/merge.ts';
import { lineDiff } from './interop/diff.ts';

const USAGE = `usage: npm run import -- --from brat|label-studio|w3c FILE --article ID [--dry-run] [--data DIR]

Merges the annotations of FILE into DIR/articles/ID.json (DIR defaults to data):
  --from brat          FILE is a .ann file; the .txt beside it, if any, must hold the article text
  --from label-studio  FILE is a Label Studio JSON export (the task whose data.article is ID, or the only task)
  --from w3c           FILE is W3C Web Annotation JSON-LD (an AnnotationCollection, a page, a list or one Annotation)
  --dry-run            print the diff; write nothing`;

const FORMATS = ['brat', 'label-studio', 'w3c'] as const;
type Format = (typeof FORMATS)[number];

/** Reads FILE in its format; every problem is an ImportError located in FILE. */
function readToolFile(
  format: Format,
  file: string,
  articleId: string,
): { items: ToolAnnotation[]; toolText: string | null; locate: (where: string) => string } {
  const bytes = readFileSync(file);
  if (format === 'brat') {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const txtPath = file.replace(/\.ann$/, '.txt');
    const toolText = txtPath !== file && existsSync(txtPath) ? readFileSync(txtPath, 'utf8') : null;
    try {
      return {
        items: fromBrat(parseBratAnn(text)),
        toolText,
        locate: (where) => where.replace(/^line (\d+)$/, '$1:1'),
      };
    } catch (error) {
      if (error instanceof BratSyntaxError)
        throw new ImportError(
          `${error.line}:1`,
          error.message.replace(/^line \d+: /, ''),
          'See https://brat.nlplab.org/standoff.html for the format.',
        );
      if (error instanceof ImportError)
        throw new ImportError(error.where.replace(/^line (\d+)$/, '$1:1'), error.message, error.hint);
      throw error;
    }
  }
  const parsed = parseJsonSource(bytes);
  // Exports are often a list (Label Studio's always is): a list root is fine here, every other problem is not.
  const listRoot =
    !parsed.ok &&
    parsed.problems.length === 1 &&
    parsed.problems[0]!.code === 'root' &&
    parsed.text.trimStart().startsWith('[');
  if (!parsed.ok && !listRoot) {
    const p = parsed.problems[0]!;
    const at = lineColumn(parsed.text, p.offset);
    throw new ImportError(`${at.line}:${at.column}`, p.message, p.hint);
  }
  const value: unknown = parsed.ok ? parsed.value : JSON.parse(parsed.text);
  const locator = pointerLocator(parsed.text);
  const locate = (where: string) => {
    if (!where.startsWith('/') && where !== '') return where;
    const at = locator(where === '/' ? '' : where);
    return `${at.line}:${at.column} (at ${where || '/'})`;
  };
  try {
    if (format === 'w3c') {
      return { items: fromW3c(readW3c(value, articleId)), toolText: null, locate };
    }
    const root = value;
    const { text, regions, relations } = readLabelStudio(root, articleId);
    return { items: fromLabelStudio(regions, relations), toolText: text, locate };
  } catch (error) {
    if (error instanceof FormatError || error instanceof LabelStudioFormatError)
      throw new ImportError(locate(error.where), error.message.slice(error.where.length + 2));
    throw error;
  }
}

runMain(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      article: { type: 'string' },
      data: { type: 'string', default: 'data' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.from as Format | undefined;
  if (!format || !FORMATS.includes(format)) fail(`--from must be one of ${FORMATS.join(', ')}\n\n${USAGE}`);
  if (positionals.length !== 1) fail(`give exactly one FILE to import\n\n${USAGE}`);
  const id = values.article;
  if (!id || !RECORD_FILE.test(`${id}.json`))
    fail(`--article needs the id of an article (a lowercase slug)\n\n${USAGE}`);
  const file = positionals[0]!;
  if (!existsSync(file)) fail(`${file}: no such file`);
  checkRecordFolder(values.data);
  // The only file this command writes: the named record.
  const target = join(values.data, 'articles', `${id}.json`);
  if (!existsSync(target))
    fail(`${target} does not exist; create it first with \`npm run new -- ${id}\` and paste the article text`);
  const shown = relative(process.cwd(), target) || target;

  const original = readFileSync(target, 'utf8');
  const record = parseJsonSource(new TextEncoder().encode(original));
  if (!record.ok)
    fail(`${shown}: ${record.problems[0]!.message}; fix the record first (npm run validate -- ${shown})`, 1);
  const article = record.value as unknown as Article;
  if (!Array.isArray(article.body) || !article.annotations || typeof article.annotations !== 'object')
    fail(`${shown}: the record has no body or annotations to merge into; run npm run validate -- ${shown}`, 1);

  const schemaDir = join(import.meta.dirname, '..', 'schemas');
  const registry = loadRegistry(values.data);
  let report;
  let stubs;
  let locate = (where: string) => where;
  try {
    const read = readToolFile(format, file, id);
    locate = read.locate;
    const built = buildAnnotations(article, registry, read.items, read.toolText, entityKinds(schemaDir));
    stubs = built.stubs;
    report = mergeAnnotations(article, built.annotations);
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
  const conflicts = report.entries.filter((e) => e.outcome === 'conflict');
  for (const entry of report.entries)
    if (entry.outcome !== 'added') console.log(`${entry.outcome}: ${entry.layer} "${entry.id}": ${entry.detail}`);
  if (conflicts.length > 0) {
    fail(
      `${conflicts.length} imported annotation(s) would replace existing ones; nothing was written. Remove them from the import, or give them new ids.`,
      1,
    );
  }
  const schema = JSON.parse(readFileSync(join(schemaDir, 'article.schema.json'), 'utf8')) as object;
  const before = canonicalText(article, schema);
  const after = canonicalText(report.article, schema);
  const added = report.entries.filter((e) => e.outcome === 'added');
  for (const stub of stubs ?? [])
    console.log(
      `stub: ${stub.label} "${stub.text}" links to no record: wrote "${stub.placeholder}"; add data/entities/${stub.placeholder.slice(5)}.json (or use an existing id)`,
    );
  if (values['dry-run']) {
    process.stdout.write(lineDiff(before, after, `${shown} (now)`, `${shown} (after import)`));
    console.log(`dry run: ${added.length} annotation(s) would be added to ${shown}; nothing was written.`);
    return 0;
  }
  if (added.length === 0) {
    console.log(`Nothing to add to ${shown}.`);
    return 0;
  }
  // The file was read as `original`; it is replaced only if it still holds exactly that.
  replaceIfUnchanged(target, original, after);
  console.log(`Added ${added.length} annotation(s) to ${shown}. Next: npm run validate -- ${shown}`);
  return 0;
});
