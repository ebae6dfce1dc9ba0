/**
 * `npm run site [-- --dist DIR --out DIR]`: builds the dataset site into `DIR/site/` (or `--out`) from a finished
 * build in `dist/` (made by `npm run build`), never from `data/`. The site is written beside its target and swapped
 * in at the end, so a failed run leaves the previous site intact.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fail, runMain } from '../lib/cli.ts';
import { generatedNotice, readIfExists } from '../lib/generated.ts';
import { OUTPUT_MARKER, REPO_ROOT, checkTarget } from '../lib/output-target.ts';
import { buildSite, SITE_COMMAND, SITE_DIR } from './build-site.ts';
import { compileSiteClient } from './compile-client.ts';

runMain(() => {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string' } } });
  const distDir = resolve(values.dist);
  if (!existsSync(join(distDir, OUTPUT_MARKER)))
    fail(`${values.dist}/ is not a build of this dataset (no ${OUTPUT_MARKER}).\n  hint: run \`npm run build\` first.`);
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
        `would replace; nothing was written.\n  hint: choose a new or empty folder.`,
    );
  const staging = `${siteDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const started = Date.now();
    const site = buildSite({
      distDir,
      rootDir: REPO_ROOT,
      clientFiles: compileSiteClient(REPO_ROOT),
      siteDir: staging,
    });
    rmSync(siteDir, { recursive: true, force: true });
    renameSync(staging, siteDir);
    console.log(
      `The dataset site has ${site.files} files in ${values.out ?? join(values.dist, SITE_DIR)}/ ` +
        `(${site.articles} articles, ${site.entities} entities; ${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    return 0;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
});
