/**
 * `npm run new -- <id> [--data DIR]`: scaffolds data/articles/<id>.json from a template (lib/article-template.ts)
 * for a contributor to fill in: every field, and one example of each annotation kind. Never overwrites: the file is
 * created atomically only when the name is free. The template is deliberately invalid (`TODO` placeholders, which
 * the `placeholders` rule rejects) so that `npm run validate` lists exactly what is left to do.
 *
 * `npm run new -- <id> --from FILE [--archive TEXT]`: writes the article from a source text instead (Markdown `.md` or
 * plain text `.txt`, converted by scripts/lib/source-text.ts): the body as blocks, verbatim; the headline, `url`,
 * `datePublished` and `dateModified` from the YAML front matter (`title`, `source_url`, `published_time`,
 * `modified_time`); `provenance` naming the file and the archive it came from; no annotations.
 */
import { existsSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { commandLine, usageError, fail, readText, runMain } from './lib/cli.ts';
import { checkRecordFolder, writeFileAtomic } from './lib/output-target.ts';
import { articleTemplate } from './lib/article-template.ts';
import { canonicalText } from './lib/canonical.ts';
import { readSchema } from './lib/collections.ts';
import { ConversionError, convertMarkdown, convertPlainText, type FrontMatter } from './lib/source-text.ts';
import type { Article } from '../types/index.ts';
import { nameProblem } from './lib/portable-names.ts';
import { npmCommand, printable } from './lib/printable.ts';

const USAGE = `usage: npm run new -- <id> [--data DIR] [--added-by NAME] [--from FILE [--archive TEXT]]

Creates DIR/articles/<id>.json (DIR defaults to data) from a template. <id> is a lowercase slug naming the article,
such as zelensky-rejects-us-rare-earth-proposal.

--from FILE     make the article from a source text instead: Markdown (.md) or plain text (.txt), with optional YAML
                front matter (title, source_url, published_time, modified_time). The body is taken verbatim, with
                the markup removed; no annotations are written.
--archive TEXT  where FILE came from (an archive and its commit, say), recorded in provenance.source.`;

const SCHEMA = readSchema('article') as { definitions: { PartialDate: { pattern: string } } };
/** The schema's own pattern of a `PartialDate`. */
const PARTIAL_DATE = new RegExp(SCHEMA.definitions.PartialDate.pattern);

/** A front matter time (`2025-02-23 15:00:35-05:00`) as an ISO 8601 partial date, or a located error. */
function dateOf(file: string, frontMatter: FrontMatter, key: 'published_time' | 'modified_time'): string | null {
  const value = frontMatter[key];
  if (value === undefined || value === '') return null;
  const iso = value.replace(/^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*(Z|[+-]\d\d:\d\d)$/, '$1T$2$3');
  if (!PARTIAL_DATE.test(iso))
    fail(
      `${file}: front matter ${key} "${printable(value)}" is not a date: give an ISO 8601 date (2025-02-23) or ` +
        `a date-time with its UTC offset (2025-02-23 15:00:35-05:00)`,
    );
  return iso;
}

/** The article made from a source text: body and metadata from the file, nothing annotated; the rest as scaffolded. */
function articleFrom(id: string, file: string, today: string, addedBy: string, archive: string | undefined): Article {
  const extension = extname(file).toLowerCase();
  if (!['.md', '.markdown', '.txt'].includes(extension))
    fail(`${file}: give a Markdown (.md) or plain text (.txt) file; "${extension || 'no extension'}" is neither`);
  const text = readText(file);
  let converted;
  try {
    converted = extension === '.txt' ? convertPlainText(text) : convertMarkdown(text);
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    fail(
      `${file}:${error.line}:${error.column}: ${printable(error.message)}${error.hint ? `\nhint: ${error.hint}` : ''}`,
    );
  }
  const { frontMatter, body } = converted;
  if (body.length === 0) fail(`${file}: no text to make a body from`);
  const url = frontMatter.source_url || null;
  if (url !== null && !/^https?:\/\/[^\s/?#]+[^\s]*$/.test(url))
    fail(`${file}: front matter source_url "${printable(url)}" is not an http(s) address`);
  return {
    ...articleTemplate(id, today, addedBy),
    headline: frontMatter.title
      ? { text: frontMatter.title.replace(/\s+/g, ' '), origin: 'original' }
      : { text: 'TODO: the headline as published, or your own with origin "curator"', origin: 'curator' },
    url,
    datePublished: dateOf(file, frontMatter, 'published_time'),
    dateModified: dateOf(file, frontMatter, 'modified_time'),
    body: body.map((block) => ({ ...block, text: block.text.normalize('NFC') })),
    provenance: {
      source:
        `The file ${basename(file)}${archive ? ` from ${archive}` : ''}, converted by \`npm run new -- ` +
        `--from\`${url ? `; the page: ${url}` : ''}.`,
      sourceUrl: url,
      dateAdded: today,
      addedBy,
    },
    annotations: { mentions: [], quotes: [], figures: [], citedSources: [], events: [], claims: [] },
    inferences: [],
  };
}

runMain(() => {
  const { values, positionals } = commandLine(USAGE, {
    data: { type: 'string', default: 'data' },
    'added-by': { type: 'string', default: 'TODO: your name or handle' },
    from: { type: 'string' },
    archive: { type: 'string' },
  });
  if (positionals.length !== 1) usageError(USAGE, 'give exactly one id');
  if (values.archive !== undefined && values.from === undefined) usageError(USAGE, '--archive goes with --from');
  const id = positionals[0]!;
  const problem = nameProblem(id);
  if (problem !== null)
    fail(
      `"${printable(id)}" cannot be an id: ${problem}. Choose a lowercase slug that says what the article is ` +
        `about, such as zelensky-rejects-us-rare-earth-proposal.`,
    );
  checkRecordFolder(values.data);
  const folder = join(values.data, 'articles');
  if (!existsSync(folder)) fail(`${folder}: no such folder (is --data right?)`);
  const path = join(folder, `${id}.json`);
  if (existsSync(path)) fail(`${path} already exists; edit it, or choose another id`);
  if (existsSync(join(values.data, 'redirects', `${id}.json`)))
    fail(`"${id}" was used before and now redirects elsewhere (data/redirects/${id}.json); choose another id`);
  const today = new Date().toISOString().slice(0, 10);
  const record =
    values.from === undefined
      ? articleTemplate(id, today, values['added-by'])
      : articleFrom(id, values.from, today, values['added-by'], values.archive);
  try {
    writeFileAtomic(path, canonicalText(record, SCHEMA), { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      fail(`${path} already exists; edit it, or choose another id`);
    throw error;
  }
  const shown = relative(process.cwd(), path) || path;
  const validate = npmCommand('validate', values.data === 'data' ? [shown] : ['--data', values.data, shown]);
  const steps =
    values.from === undefined
      ? `Created ${shown}. Everything starting with TODO is a placeholder. Next:
  1. Replace the example paragraph with the body, verbatim (one block per paragraph), and fill in the metadata you
     know (null where the field allows it and the source does not say).
  2. The example annotations show one of each kind: replace their values (ids, selectors, entities) or delete them.
     To annotate in Label Studio, brat or INCEpTION instead, see CONTRIBUTING.md (npm run import).`
      : `Created ${shown} from ${values.from}: ${record.body.length} blocks, no annotations. Next:
  1. Compare the body with the source, block by block; fill in publisher, authors, rights and genre.
  2. Annotate it (docs/annotation-guide.md; CONTRIBUTING.md for Label Studio, brat or INCEpTION).`;
  console.log(`${steps}\n  3. Run \`${validate}\` until it reports no errors.`);
  return 0;
});
