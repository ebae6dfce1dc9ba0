/**
 * `npm run new -- <id> [--data DIR]`: scaffolds data/articles/<id>.json from a template, for a contributor to
 * fill in. Never overwrites. The template is deliberately invalid (empty body, placeholder headline) so that
 * `npm run validate` lists exactly what is left to do.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fail, runMain } from './lib/cli.ts';
import { RECORD_FILE } from './checks/layout.ts';
import { checkRecordFolder, writeFileAtomic } from './lib/output-target.ts';
import type { Article } from '../types/index.ts';

const USAGE = `usage: npm run new -- <id> [--data DIR] [--added-by NAME]

Creates DIR/articles/<id>.json (DIR defaults to data) from a template. <id> is a lowercase slug naming the article,
such as zelensky-rejects-us-rare-earth-proposal.`;

/** The template: every field present, unknowns as null, lists empty. */
export function articleTemplate(id: string, today: string, addedBy: string): Article {
  return {
    id,
    headline: { text: 'TODO: the headline as published', origin: 'original' },
    url: null,
    publisher: null,
    authors: null,
    datePublished: null,
    dateModified: null,
    language: 'en',
    body: [],
    keywords: [],
    provenance: { source: 'TODO: how the text was obtained', sourceUrl: null, dateAdded: today, addedBy },
    rights: { status: 'unknown', holder: null, license: null, note: null },
    annotations: { mentions: [], quotes: [], figures: [], citedSources: [], events: [], claims: [] },
    inferences: [],
  };
}

runMain(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { data: { type: 'string', default: 'data' }, 'added-by': { type: 'string', default: 'TODO: your name or handle' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) fail(`give exactly one id\n\n${USAGE}`);
  const id = positionals[0]!;
  if (!RECORD_FILE.test(`${id}.json`) || id.length > 120) fail(`"${id}" is not a valid id: use lowercase letters, digits and single hyphens (at most 120 characters)`);
  checkRecordFolder(values.data);
  const folder = join(values.data, 'articles');
  if (!existsSync(folder)) fail(`${folder}: no such folder (is --data right?)`);
  const path = join(folder, `${id}.json`);
  if (existsSync(path)) fail(`${path} already exists; edit it, or choose another id`);
  if (existsSync(join(values.data, 'redirects', `${id}.json`))) fail(`"${id}" was used before and now redirects elsewhere (data/redirects/${id}.json); choose another id`);
  const today = new Date().toISOString().slice(0, 10);
  try {
    writeFileAtomic(path, `${JSON.stringify(articleTemplate(id, today, values['added-by']), null, 2)}\n`, { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail(`${path} already exists; edit it, or choose another id`);
    throw error;
  }
  console.log(`Created ${relative(process.cwd(), path) || path}. Next:
  1. Paste the body as blocks, verbatim (one paragraph per block), and fill in the metadata you know (null when not known).
  2. Add annotations whose selectors copy the text exactly (see CONTRIBUTING.md).
  3. Run \`npm run validate -- ${relative(process.cwd(), path) || path}\` until it reports no errors.`);
  return 0;
});
