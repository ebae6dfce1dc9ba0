/**
 * `npm run build [-- --data DIR --out DIR --force --timings]`: validates the data, then publishes it (scripts/publish/).
 * `--check` builds into a temporary folder and exits 1 when the output folder differs (a stale `dist/`). `--timings`
 * prints, on standard error, when each stage ended (seconds since the start): `npm run bench` reports them.
 *
 * The output folder is checked first (scripts/lib/output-target.ts): never the data, the repository's sources or a
 * filesystem root, and an existing folder is replaced only when an earlier build wrote it (its marker file) or with
 * `--force`. The build writes into a staging folder beside the output, under a lock, and swaps it in at the end, so
 * an interrupted or failed build leaves the previous output intact and a concurrent build is refused as busy.
 * Invalid data publishes nothing. Publishing runs on its own thread with a capped heap
 * (scripts/publish/publish-worker.ts), which keeps the build's peak memory bounded, and is fed as validation goes:
 * each record file is read, parsed and its selectors found once, by the validator, which hands the publisher each
 * record ready to write (scripts/checks/record-feed.ts). When validation finds an error, the publisher is stopped and
 * its staging folder discarded.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { validateData } from './checks/run.ts';
import { BUILD_COMMAND, type PublishedRecord } from './publish/publish.ts';
import { orderKeys, positionArticle } from './publish/positions.ts';
import { summarize } from './publish/json.ts';
import { readLayout } from './checks/layout.ts';
import type { Article } from '../types/index.ts';
import { PublishThread } from './publish/publish-worker.ts';
import { compileInWorker } from './publish/compile-worker.ts';
import { buildSitePages, finishSite } from './site/build-site.ts';
import { compareFolders } from './publish/compare.ts';
import { fail, runMain } from './lib/cli.ts';
import { printable } from './lib/printable.ts';
import { OUTPUT_MARKER, REPO_ROOT as ROOT, Staging, markerContent, prepareOutputFolder } from './lib/output-target.ts';

runMain(async () => {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: 'data' },
      out: { type: 'string', default: 'dist' },
      check: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      timings: { type: 'boolean', default: false },
    },
  });
  const started = Date.now();
  const stages: [string, number][] = [];
  const dataDir = values.data;
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory())
    fail(`the data folder ${dataDir} does not exist (or is not a folder). Hint: pass --data DIR.`);
  // --check replaces nothing, so it may compare against any folder; a build replaces only its own output.
  const outDir = prepareOutputFolder(values.out, {
    what: 'the build output',
    option: '--out',
    dataDirs: [dataDir],
    force: values.force || values.check,
    command: BUILD_COMMAND,
  });
  // Taken before validating, so a concurrent build on the same output is refused at once rather than at the end.
  const staging = Staging.begin(outDir);

  // Started at once, so its start-up and its writing overlap with validation.
  const publisher = new PublishThread({ outDir: staging.path, rootDir: ROOT });
  const abort = async () => {
    await publisher.stop(); // nothing writes into the staging folder any more
    staging.dispose();
  };
  const report = await validateData({ dataDir }).catch(async (error: unknown) => {
    await abort();
    throw error;
  });
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    await abort();
    for (const f of errors)
      console.error(
        printable(`${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`) +
          (f.hint ? `\n  hint: ${printable(f.hint)}` : ''),
      );
    fail(`${errors.length} error(s) in ${dataDir}; nothing was published.`, 1);
  }

  feedPublisher(publisher, dataDir);
  await releaseValidationMemory();
  stages.push(['validation', Date.now()]);

  // `.build-*` folders are git-ignored; the staging folder sits beside the output so the final rename is atomic.
  try {
    // The code that ships is compiled on a thread of its own (the compiler needs more memory than the publishing
    // thread has, and gives it back when its thread ends), once the data is known to be valid.
    const compiled = compileInWorker(ROOT);
    // Awaited below; a failure while waiting for the records must not go unhandled.
    compiled.catch(() => {});
    await publisher.recordsWritten;
    const { packageRuntime, siteClient } = await compiled;
    const published = publisher.finish(packageRuntime);
    // The site's pages are made here while the publisher finishes its tables and exports; the rest of the site
    // (its downloads) once the build is complete.
    const pages = buildSitePages({ distDir: staging.path, rootDir: ROOT });
    stages.push(['site pages', Date.now()]);
    const summary = await published;
    stages.push(...summary.stages);
    stages.sort((a, b) => a[1] - b[1]);
    const site = finishSite(pages, { distDir: staging.path, rootDir: ROOT, clientFiles: siteClient });
    stages.push(['site', Date.now()]);
    if (values.timings)
      console.error(
        `timings: ${stages.map(([name, at]) => `${name} ${((at - started) / 1000).toFixed(1)}`).join('; ')} (seconds since the start, when each stage ended)`,
      );
    writeFileSync(join(staging.path, OUTPUT_MARKER), markerContent(BUILD_COMMAND));
    if (values.check) {
      const differences = compareFolders(staging.path, outDir);
      if (differences.length > 0) {
        for (const d of differences) console.error(`stale: ${join(values.out, d.path)} ${d.problem}`);
        console.error(`Run \`${BUILD_COMMAND}\` and commit the result.`);
        return 1;
      }
      console.log(`${values.out}/ is up to date (${summary.files} files).`);
      return 0;
    }
    staging.commit();
    const { articles, entities, outlets, redirects } = summary.counts;
    console.log(
      `Validated ${report.filesChecked} files; published ${summary.files} files to ${values.out}/ (version ${summary.version}: ` +
        `${articles} articles, ${entities} entities, ${outlets} outlets, ${redirects} redirects; ${summary.tables.size} CSV tables); the dataset site has ${site.files} files in ${values.out}/site/.`,
    );
    return 0;
  } finally {
    await abort();
  }
});

/**
 * Hands the publisher every record, read again, in its order (articles by file name, then each registry by id).
 * Validation no longer feeds it (it is pure); a bridge until the build reads the records itself.
 */
function feedPublisher(publisher: PublishThread, dataDir: string): void {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'article.schema.json'), 'utf8')) as {
    properties: object;
  };
  const keys = Object.keys(schema.properties);
  const records = readLayout(dataDir).records;
  for (const collection of ['articles', 'entities', 'outlets', 'redirects'] as const) {
    const files = records.filter((r) => r.collection === collection);
    if (collection !== 'articles') files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const batch: PublishedRecord[] = files.map(({ path }) => {
      const record = JSON.parse(readFileSync(path, 'utf8')) as Article;
      if (collection !== 'articles') return { json: JSON.stringify(record) };
      const article = positionArticle(orderKeys(record, keys));
      return { json: JSON.stringify(article), summary: JSON.stringify(summarize(article)), id: article.id };
    });
    if (batch.length > 0) publisher.push(collection, batch);
  }
  publisher.end();
}

/** Collections (with a pause after each) that release validation's memory before publishing. */
const RELEASE_GC_ROUNDS = 3;
const RELEASE_PAUSE_MS = 50;

/**
 * Collects the garbage validation left on this thread before publishing starts on its own threads. V8 would
 * otherwise keep it (nothing allocates here any more to trigger a collection) and the build's peak memory would be
 * validation's heap plus the publisher's. `gc` is V8's own, exposed for this one call.
 */
async function releaseValidationMemory(): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  // The first collection frees the heap; V8 hands the freed pages back to the system on later ones, once its
  // background sweeping has finished (hence the short pauses).
  for (let round = 0; round < RELEASE_GC_ROUNDS; round++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, RELEASE_PAUSE_MS));
  }
}
