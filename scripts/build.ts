/**
 * `npm run build [-- --data DIR --out DIR --force --check --timings]`: validates the data, then publishes it
 * (scripts/publish/publish.ts): the canonical JSON Lines, then every format of scripts/publish/formats/index.ts.
 * `--check` builds into a temporary folder and exits 1 when the output folder differs (a stale `dist/`). `--timings`
 * prints, on standard error, when each stage ended (seconds since the start): `npm run bench` reports them.
 *
 * The output folder is checked first (scripts/lib/output-target.ts): never the data, the repository's sources or a
 * filesystem root, and an existing folder is replaced only when an earlier build wrote it (its marker file) or with
 * `--force`. The build writes into a staging folder beside the output, under a lock, and swaps it in at the end, so
 * an interrupted or failed build leaves the previous output intact and a concurrent build is refused as busy.
 * Invalid data publishes nothing. The site is its own command (`npm run site`).
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateData } from './checks/run.ts';
import { publish } from './publish/publish.ts';
import { BUILD_COMMAND } from './publish/formats/format.ts';
import { compareFolders } from './publish/compare.ts';
import { commandLine, fail, runMain } from './lib/cli.ts';
import { printable } from './lib/printable.ts';
import { OUTPUT_MARKER, REPO_ROOT as ROOT, Staging, markerContent, prepareOutputFolder } from './lib/output-target.ts';

const USAGE = `usage: npm run build -- [--data DIR] [--out DIR] [--force] [--check] [--timings]

Validates the data, then publishes every format into the output folder (replaced atomically).
  --data DIR   a folder with the layout of data/ (default: data)
  --out DIR    the output folder (default: dist); replaced only if a build wrote it, or with --force
  --force      replace an output folder that no build wrote
  --check      build into a temporary folder; exit 1 if the output folder differs from it
  --timings    print on standard error when each stage ended (seconds since the start)`;

runMain(async () => {
  const { values } = commandLine(
    USAGE,
    {
      data: { type: 'string', default: 'data' },
      out: { type: 'string', default: 'dist' },
      check: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      timings: { type: 'boolean', default: false },
    },
    false,
  );
  const started = Date.now();
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
  try {
    const report = await validateData({ dataDir });
    const errors = report.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      for (const f of errors)
        console.error(
          printable(`${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`) +
            (f.hint ? `\n  hint: ${printable(f.hint)}` : ''),
        );
      fail(`${errors.length} error(s) in ${dataDir}; nothing was published.`, 1);
    }
    const validated = Date.now();
    const summary = await publish({ dataDir, outDir: staging.path, rootDir: ROOT });
    if (values.timings) {
      const stages: [string, number][] = [['validation', validated], ...summary.stages];
      const at = stages.map(([name, time]) => `${name} ${((time - started) / 1000).toFixed(1)}`);
      console.error(`timings: ${at.join('; ')} (seconds since the start, when each stage ended)`);
    }
    writeFileSync(join(staging.path, OUTPUT_MARKER), markerContent(BUILD_COMMAND));
    if (values.check) {
      const differences = compareFolders(staging.path, outDir);
      if (differences.length > 0) {
        for (const d of differences) console.error(`stale: ${join(values.out, d.path)} ${d.problem}`);
        console.error(`Run \`${BUILD_COMMAND}\` to bring ${values.out}/ up to date.`);
        return 1;
      }
      console.log(`${values.out}/ is up to date (${summary.files} files).`);
      return 0;
    }
    staging.commit();
    const { articles, entities, outlets, redirects } = summary.counts;
    console.log(
      `Validated ${report.filesChecked} files; published ${summary.files} files to ${values.out}/ ` +
        `(version ${summary.version}: ` +
        `${articles} articles, ${entities} entities, ${outlets} outlets, ${redirects} redirects).`,
    );
    return 0;
  } finally {
    staging.dispose();
  }
});
