/**
 * `npm run new -- <id> [--data DIR]`: scaffolds data/articles/<id>.json from a template (scripts/lib/article-template.ts)
 * for a contributor to fill in: every field, and one example of each annotation kind. Never overwrites: the file is
 * created atomically only when the name is free. The template is deliberately invalid (`TODO` placeholders, which
 * the `placeholders` rule rejects) so that `npm run validate` lists exactly what is left to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fail, runMain } from './lib/cli.ts';
import { checkRecordFolder, writeFileAtomic } from './lib/output-target.ts';
import { articleTemplate } from './lib/article-template.ts';
import { canonicalText } from './lib/canonical.ts';
import { nameProblem } from './lib/portable-names.ts';
import { npmCommand, printable } from './lib/printable.ts';

const USAGE = `usage: npm run new -- <id> [--data DIR] [--added-by NAME]

Creates DIR/articles/<id>.json (DIR defaults to data) from a template. <id> is a lowercase slug naming the article,
such as zelensky-rejects-us-rare-earth-proposal.`;

runMain(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string', default: 'data' },
      'added-by': { type: 'string', default: 'TODO: your name or handle' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) fail(`give exactly one id\n\n${USAGE}`);
  const id = positionals[0]!;
  const problem = nameProblem(id);
  if (problem !== null)
    fail(
      `"${printable(id)}" cannot be an id: ${problem}. Choose a lowercase slug that says what the article is about, such as zelensky-rejects-us-rare-earth-proposal.`,
    );
  checkRecordFolder(values.data);
  const folder = join(values.data, 'articles');
  if (!existsSync(folder)) fail(`${folder}: no such folder (is --data right?)`);
  const path = join(folder, `${id}.json`);
  if (existsSync(path)) fail(`${path} already exists; edit it, or choose another id`);
  if (existsSync(join(values.data, 'redirects', `${id}.json`)))
    fail(`"${id}" was used before and now redirects elsewhere (data/redirects/${id}.json); choose another id`);
  const today = new Date().toISOString().slice(0, 10);
  try {
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'schemas', 'article.schema.json'), 'utf8'),
    ) as object;
    writeFileAtomic(path, canonicalText(articleTemplate(id, today, values['added-by']), schema), { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      fail(`${path} already exists; edit it, or choose another id`);
    throw error;
  }
  const shown = relative(process.cwd(), path) || path;
  console.log(`Created ${shown}. Everything starting with TODO is a placeholder. Next:
  1. Replace the example paragraph with the body, verbatim (one block per paragraph), and fill in the metadata you
     know (null where the field allows it and the source does not say).
  2. The example annotations show one of each kind: replace their values (ids, selectors, entities) or delete them.
     To annotate in Label Studio, brat or INCEpTION instead, see CONTRIBUTING.md (npm run import).
  3. Run \`${npmCommand('validate', values.data === 'data' ? [shown] : ['--data', values.data, shown])}\` until it reports no errors.`);
  return 0;
});
