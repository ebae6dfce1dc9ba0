/**
 * `npm run bench [-- --sizes 10000,100000] [--keep DIR] [--json FILE] [--seed TEXT] [--skip startup,pr-check,build]`:
 * writes synthetic corpora (npm run synth) and times, as child processes started as their npm scripts start them,
 * `validate` and `build` on them beside the floor (read + JSON.parse every file in one process) and the peer
 * (ajv-cli with the article schema), with peak memory; the pull-request check (validation with the result cache
 * after one article changed, in a git repository of the corpus); `site` on the build; imports the package built
 * from 10,000 articles; and times `npm run validate` on the repository's dataset. Prints Markdown tables and the
 * verdict on each target (docs/benchmarks.md). Timings live here only, never in tests. A step that cannot run
 * prints "n/a (reason)" instead of stopping the run.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { commandLine, fail, runMain, usageError } from './lib/cli.ts';
import { REPO_ROOT } from './lib/output-target.ts';
import { progressEnabled } from './lib/progress.ts';
import * as report from './bench/report.ts';
import type { ImportResult, SizeResult, StartupResult, StepName, StepResult } from './bench/report.ts';
import { CORPUS_DIRS, DEFAULT_SEED, assertSafeOutput, writeCorpus } from './synth/write.ts';

const USAGE =
  'usage: npm run bench -- [--sizes 10000,100000] [--keep DIR] [--json FILE] [--seed TEXT] ' +
  '[--skip startup,pr-check,build]';
/** The build whose npm package the import probe loads (issue 6: "with a 10,000-article build"). */
const IMPORT_PROBE_SIZE = 10_000;
/** Runs of each start-up command whose median is reported. */
const STARTUP_RUNS = 5;
const HOUR_MS = 60 * 60 * 1000;

const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
/** The Node.js arguments of an npm script: each step starts as `npm run` starts it, minus npm's own start. */
function script(name: string): string[] {
  const words = scripts[name]?.split(' ');
  return words?.[0] === 'node' ? words.slice(1) : fail(`package.json has no \`${name}\` script that starts node.`);
}
/** The floor, under tsx (it is no npm script, so it has no bundle). */
const FLOOR = ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'bench', 'floor.ts')];
const AJV_CLI = join(REPO_ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');

/** Progress and status lines: on a terminal only (see scripts/lib/progress.ts). */
const status = (text: string) => {
  if (progressEnabled(process.stderr, process.env)) process.stderr.write(`${text}\n`);
};

type Measurement = ReturnType<typeof measure>;

/** Runs a command and measures it from outside: wall time, and peak memory when GNU time is there. */
function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const timeFile = join(tmpdir(), `bench-time-${process.pid}.txt`);
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M', '-o', timeFile] : [];
  const [file, ...argv] = [...time, command, ...args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file!, argv, {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...(options.env ?? process.env), CI: '1' }, // no progress lines in measured children
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024, // ajv-cli prints a line per file
    timeout: HOUR_MS,
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  // GNU time prints "Command exited with non-zero status N" before the format line when the child fails.
  const kilobytes = existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) : NaN;
  rmSync(timeFile, { force: true });
  return {
    /** Null when killed, or not started. */
    code: result.error ? null : result.status,
    wallSeconds,
    /** Peak resident set size in MB, from GNU time (`/usr/bin/time -f %M`, the child and what it waits for). */
    peakRssMB: Number.isFinite(kilobytes) ? (kilobytes * 1024) / 1e6 : null,
    stdout: result.stdout ?? '',
    stderr: `${result.error ? `${result.error.message}\n` : ''}${result.stderr ?? ''}`,
  };
}

/** The first line of what a failed child said, for an "n/a (…)" cell. */
function reason(m: Measurement): string {
  const text = /\S.*/.exec(`${m.stderr}\n${m.stdout}`)?.[0].trim() ?? '';
  const head = text.length > 140 ? `${text.slice(0, 137)}…` : text;
  return m.code === null ? `did not finish: ${head}` : `exit ${m.code}: ${head}`;
}

/** A step's result; the 1-minute load average after it says how much other work shared the machine. */
function step(name: StepName, bytes: number, records: number, m: Measurement, note?: string): StepResult {
  if (m.code !== 0) return { step: name, bytes, records, note: `n/a (${reason(m)})` };
  const load = `load ${loadavg()[0]!.toFixed(1)}`;
  const { wallSeconds, peakRssMB } = m;
  return { step: name, bytes, records, wallSeconds, peakRssMB, note: note ? `${note}; ${load}` : load };
}

/** How many files, and how many bytes, a folder holds at any depth. */
function filesUnder(dir: string, only = (name: string) => name !== '') {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && only(e.name));
  const sizes = files.map((e) => statSync(join(e.parentPath, e.name)).size);
  return { files: files.length, bytes: sizes.reduce((a, b) => a + b, 0), names: files.map((e) => e.name).sort() };
}

/** The build's output: its files and bytes, and megabytes by resource format (from its datapackage.json). */
function formatSizes(outDir: string, written: { files: number; bytes: number }): string {
  const descriptor = join(outDir, 'datapackage.json');
  if (!existsSync(descriptor)) return 'no datapackage.json';
  const { resources } = JSON.parse(readFileSync(descriptor, 'utf8')) as {
    resources: { format: string; bytes?: number }[];
  };
  const byFormat = new Map<string, number>();
  for (const r of resources) byFormat.set(r.format, (byFormat.get(r.format) ?? 0) + (r.bytes ?? 0));
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
  const formats = [...byFormat].map(([format, bytes]) => `${format} ${mb(bytes)}`).join(', ');
  return `${written.files} files, ${mb(written.bytes)} (${formats})`;
}

/** Imports the built package (its `import` entry point) in a fresh process and reads one article's body by id. */
function probeImport(outDir: string, { articles, articleId }: Facts): ImportResult {
  const probe = join(REPO_ROOT, 'scripts', 'bench', 'import-probe.mjs');
  const m = measure(process.execPath, [probe, join(outDir, 'runtime', 'node.js'), articleId], { cwd: outDir });
  if (m.code !== 0) return { articles, note: `n/a (${reason(m)})` };
  // The probe prints the measurements under ImportResult's names, and what it found to check them by.
  const { articleCount, bodyBlocks, ...measured } = JSON.parse(m.stdout.trim().split('\n').at(-1)!) as ImportResult & {
    articleCount: number | null;
    bodyBlocks: number | null;
  };
  const notes = [
    ...(bodyBlocks === null ? [`the body of ${articleId} could not be reached by id`] : []),
    ...(articleCount !== articles ? [`the articles export holds ${articleCount} articles, not ${articles}`] : []),
  ];
  return { ...measured, articles, peakRssMB: m.peakRssMB, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
}

type Run = (label: string, args: string[], env?: NodeJS.ProcessEnv) => Measurement;

/** What a corpus holds: records and bytes, of them articles, and the article the pull-request check changes. */
function corpusFacts(corpus: string) {
  const [articles, ...registries] = CORPUS_DIRS.map((collection) => filesUnder(join(corpus, collection)));
  const [bytes, files] = [articles!, ...registries].reduce((a, c) => [a[0] + c.bytes, a[1] + c.files], [0, 0]);
  const articleId = articles!.names[Math.floor(articles!.files / 2)]!.replace(/\.json$/, '');
  return { bytes, records: files, articleBytes: articles!.bytes, articles: articles!.files, articleId };
}
type Facts = ReturnType<typeof corpusFacts>;

/**
 * The pull-request check: the corpus is committed to a git repository (its git folder beside the corpus, so the data
 * folder holds records only), a full validation fills the result cache, then one article changes in a new commit
 * and the validation with the cache is timed. The commit is undone afterwards, so the corpus stays as it was.
 */
function pullRequestCheck(corpus: string, workDir: string, facts: Facts, run: Run): StepResult[] {
  const env = { ...process.env, GIT_DIR: `${corpus}.git`, GIT_WORK_TREE: corpus };
  const git = (...args: string[]) => {
    const identity = ['-c', 'user.email=bench@example.invalid', '-c', 'user.name=bench'];
    const r = spawnSync('git', [...identity, ...args], { cwd: corpus, env, encoding: 'utf8', maxBuffer: 1 << 30 });
    return r.status === 0 ? null : `git ${args[0]}: ${r.stderr.trim()}`;
  };
  const articleBytes = facts.articleBytes / facts.articles;
  const failed = (why: string): StepResult[] => [
    { step: 'pr-check', bytes: articleBytes, records: 1, note: `n/a (${why})` },
  ];
  if (!existsSync(`${corpus}.git`)) {
    const problem = git('init', '-q') ?? git('add', '-A') ?? git('commit', '-q', '-m', 'corpus');
    if (problem) return failed(problem);
  }
  const cache = join(workDir, `validate-cache-${facts.articles}.bin`);
  rmSync(cache, { force: true });
  const validate = [...script('validate'), '--data', corpus, '--cache', cache];
  const steps = [step('validate-cache', facts.bytes, facts.records, run('validate, filling the cache', validate, env))];
  const article = join(corpus, 'articles', `${facts.articleId}.json`);
  const original = readFileSync(article, 'utf8');
  writeFileSync(article, original.replace(/("keywords": \[)/, '$1\n    "pull request",'));
  const problem = git('commit', '-q', '-a', '-m', 'one article changed');
  try {
    if (problem) return [...steps, ...failed(problem)];
    const pr = run('pull-request check', [...validate, '--format', 'github'], env);
    return [...steps, step('pr-check', articleBytes, 1, pr, 'one article changed')];
  } finally {
    if (problem) writeFileSync(article, original);
    else git('reset', '-q', '--hard', 'HEAD~1');
  }
}

/** `npm run validate` on data/, beside the same run without npm and Node.js's own start: medians. */
function startup(): StartupResult {
  status('start-up: npm run validate on data/…');
  const median = (command: string, ...args: string[]) => {
    const runs = Array.from({ length: STARTUP_RUNS }, () => measure(command, args));
    const failed = runs.find((m) => m.code !== 0);
    return failed ? reason(failed) : runs.map((m) => m.wallSeconds).sort((a, b) => a - b)[STARTUP_RUNS >> 1]!;
  };
  const npm = median('npm', 'run', '--silent', 'validate');
  const [node, bare] = [median(process.execPath, ...script('validate')), median(process.execPath, '-e', '0')];
  const seconds = (key: string, value: number | string) => (typeof value === 'number' ? { [key]: value } : {});
  return {
    articles: filesUnder(join(REPO_ROOT, 'data', 'articles'), (name) => name.endsWith('.json')).files,
    runs: STARTUP_RUNS,
    ...seconds('npmSeconds', npm),
    ...seconds('nodeSeconds', node),
    ...seconds('bareNodeSeconds', bare),
    load: loadavg()[0]!,
    ...(typeof npm === 'string' ? { note: `n/a (${npm})` } : {}),
  };
}

/**
 * A corpus of `count` articles in the work folder: reused when it was written from the same synthesizer sources,
 * seed and count (a `.synth` file beside it holds their hash), so a changed synthesizer never benches a stale corpus.
 */
function corpusOf(count: number, workDir: string, seed: string): [string, number | null] {
  const corpus = join(workDir, `corpus-${count}`);
  const synthDir = join(REPO_ROOT, 'scripts', 'synth');
  const hash = createHash('sha256').update(`${count}\0${seed}\0`);
  for (const name of readdirSync(synthDir).sort()) hash.update(`${name}\0`).update(readFileSync(join(synthDir, name)));
  const fingerprint = hash.digest('hex');
  const whole = existsSync(`${corpus}.synth`) && readFileSync(`${corpus}.synth`, 'utf8') === fingerprint;
  if (whole && filesUnder(join(corpus, 'articles')).files === count) return [corpus, null];
  status(`${count}: writing the synthetic corpus…`);
  // A new corpus needs a new git repository for the pull-request check, and a new fingerprint once it is whole.
  rmSync(`${corpus}.synth`, { force: true });
  rmSync(`${corpus}.git`, { recursive: true, force: true });
  const started = performance.now();
  writeCorpus({ count, out: corpus, seed, force: true });
  writeFileSync(`${corpus}.synth`, fingerprint);
  return [corpus, (performance.now() - started) / 1000];
}

function benchSize(count: number, workDir: string, seed: string, skip: ReadonlySet<string>): SizeResult {
  const [corpus, synthSeconds] = corpusOf(count, workDir, seed);
  const facts = corpusFacts(corpus);
  const { bytes, records } = facts;
  const run: Run = (label, args, env) => {
    status(`${count}: ${label}…`);
    return measure(process.execPath, args, env ? { env } : {});
  };
  const steps: StepResult[] = [];
  const add = (name: StepName, m: Measurement, note?: string) => steps.push(step(name, bytes, records, m, note));
  const skipped = (name: StepName, why = 'skipped with --skip') =>
    steps.push({ step: name, bytes, records, note: `n/a (${why})` });

  // An untimed first read warms the page cache, so the floor (timed first) does not pay for disk reads the others skip.
  run('warm-up read', [...FLOOR, corpus]);
  add('floor', run('floor', [...FLOOR, corpus]));
  add('validate', run('validate', [...script('validate'), '--data', corpus]));
  if (skip.has('pr-check')) skipped('pr-check');
  else steps.push(...pullRequestCheck(corpus, workDir, facts, run));

  // ajv-cli expands the glob itself, so 100,000 paths never meet the shell's argument limit.
  const schema = join(REPO_ROOT, 'schemas', 'article.schema.json');
  const options = '--spec=draft7 -c ajv-formats --strict=false --all-errors'.split(' ');
  const ajv = run('ajv-cli', [AJV_CLI, 'validate', '-s', schema, '-d', join(corpus, 'articles', '*.json'), ...options]);
  const valid = (`${ajv.stdout}\n${ajv.stderr}`.match(/ valid$/gm) ?? []).length;
  const verdict = valid === facts.articles ? `${valid} valid` : `only ${valid} of ${facts.articles} reported valid`;
  steps.push(step('ajv-cli', facts.articleBytes, facts.articles, ajv, verdict));

  let importProbe: ImportResult | undefined;
  const outDir = join(workDir, `build-${count}`);
  if (skip.has('build')) skipped('build');
  else {
    rmSync(outDir, { recursive: true, force: true });
    const build = run('build', [...script('build'), '--data', corpus, '--out', outDir, '--timings']);
    const timings = /^timings: (.*) \(seconds since the start/m.exec(build.stderr)?.[1];
    const written = build.code === 0 ? filesUnder(outDir) : undefined;
    const stages = timings ? `; stages ended at (s): ${timings}` : '';
    add('build', build, written && `${formatSizes(outDir, written)}${stages}`);
    if (written) Object.assign(steps.at(-1)!, { filesWritten: written.files, bytesWritten: written.bytes });
    // The site is its own command, on the finished build (dist/ → dist/site/).
    if (written) add('site', run('site', [...script('site'), '--dist', outDir]));
    else skipped('site', 'the build failed');
    if (count === IMPORT_PROBE_SIZE) {
      status(`${count}: importing the built package…`);
      importProbe = written ? probeImport(outDir, facts) : { articles: count, note: 'n/a (the build failed)' };
    }
  }
  const synth = { synthSeconds: synthSeconds ?? 0, synthReused: synthSeconds === null };
  return { count, ...synth, bytes, records, steps, ...(importProbe ? { importProbe } : {}) };
}

/** The machine the bench runs on. */
function machine() {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

runMain(() => {
  const options = {
    sizes: { type: 'string', default: '10000,100000' },
    keep: { type: 'string' },
    json: { type: 'string' },
    seed: { type: 'string', default: DEFAULT_SEED },
    skip: { type: 'string', default: '' },
  } as const;
  const { values } = commandLine(USAGE, options, false);
  const sizes = values.sizes.split(',').map((s) => s.trim().replace(/_/g, ''));
  if (!sizes.every((size) => /^[1-9]\d*$/.test(size)))
    usageError(USAGE, `--sizes takes positive integers separated by commas (got ${JSON.stringify(values.sizes)}).`);
  const skip = new Set(values.skip.match(/[^\s,]+/g));
  for (const name of skip)
    if (!['startup', 'pr-check', 'build'].includes(name))
      usageError(USAGE, `--skip takes startup, pr-check and build (got ${JSON.stringify(name)}).`);
  // Corpora and builds go to --keep (reused next time) or to a temporary folder removed at the end.
  const workDir =
    values.keep === undefined ? mkdtempSync(join(tmpdir(), 'annotated-news-bench-')) : resolve(values.keep);
  assertSafeOutput(workDir);
  const date = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const bench = {
    date,
    machine: machine(),
    sizes: [] as SizeResult[],
    startup: undefined as StartupResult | undefined,
  };
  const m = bench.machine;
  console.log(
    `Benchmark run ${date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node.js ${m.node} (${m.platform}).`,
  );
  console.log('How to read the tables: docs/benchmarks.md.\n');
  try {
    if (!skip.has('startup')) console.log(report.renderStartup((bench.startup = startup())));
    for (const count of sizes.map(Number)) {
      bench.sizes.push(benchSize(count, workDir, values.seed, skip));
      console.log(report.renderSize(bench.sizes.at(-1)!));
    }
  } finally {
    if (values.keep === undefined) rmSync(workDir, { recursive: true, force: true });
  }
  console.log(report.renderVerdicts(bench.sizes, bench.startup));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(bench, null, 2)}\n`);
  return 0;
});
