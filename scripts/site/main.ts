/**
 * `npm run site [-- --dist DIR --out DIR]`: builds the dataset site into `DIR/site/` (or `--out`) from a finished
 * build in `dist/` (made by `npm run build`), never from `data/`. The site is staged beside its target under a lock
 * (`Staging`, as the build's) and swapped in at the end, so a failed run leaves the previous site intact.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandLine, fail, runMain } from '../lib/cli.ts';
import { generatedNotice, readIfExists } from '../lib/generated.ts';
import { OUTPUT_MARKER, REPO_ROOT, Staging, checkTarget } from '../lib/output-target.ts';
import { compileTypeScript } from '../publish/compile.ts';
import { buildSite, SITE_COMMAND, SITE_DIR } from './build-site.ts';

const USAGE = `usage: npm run site -- [--dist DIR] [--out DIR]

Builds the dataset site from the build in --dist (default dist), into --out (default DIST/site).`;

runMain(() => {
  const { values } = commandLine(USAGE, { dist: { type: 'string', default: 'dist' }, out: { type: 'string' } }, false);
  const distDir = resolve(values.dist);
  if (!existsSync(join(distDir, OUTPUT_MARKER)))
    fail(`${values.dist}/ is not a build of this dataset (no ${OUTPUT_MARKER}).`, 2, 'run `npm run build` first.');
  // Never into data/ or the sources; an existing folder is replaced only when it is the build's or a site made here.
  const siteDir = checkTarget(values.out ?? join(values.dist, SITE_DIR), { what: 'the site', option: '--out' });
  const notice = generatedNotice(SITE_COMMAND);
  if (
    values.out !== undefined &&
    existsSync(siteDir) &&
    readdirSync(siteDir).length > 0 &&
    !readIfExists(join(siteDir, 'index.html'))?.includes(notice)
  )
    fail(
      `refusing --out ${values.out}: it holds files that \`${SITE_COMMAND}\` did not write, which the site ` +
        `would replace; nothing was written.`,
      2,
      'choose a new or empty folder.',
    );
  const staging = Staging.begin(siteDir);
  try {
    const started = Date.now();
    const site = buildSite({
      distDir,
      rootDir: REPO_ROOT,
      // The page script, compiled for browsers by the TypeScript compiler.
      clientFiles: compileTypeScript(REPO_ROOT, {
        entries: ['site/client.ts'],
        format: 'esm',
        declarations: false,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      }),
      siteDir: staging.path,
    });
    staging.commit();
    console.log(
      `The dataset site has ${site.files} files in ${values.out ?? join(values.dist, SITE_DIR)}/ ` +
        `(${site.articles} articles, ${site.entities} entities; ${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    return 0;
  } finally {
    staging.dispose();
  }
});
