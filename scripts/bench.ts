/**
 * `npm run bench [-- --sizes 10000,100000] [--keep DIR] [--json FILE]`: writes synthetic corpora (npm run synth)
 * and times `validate` and `build` on them beside the floor (read + JSON.parse every file in one process) and the
 * peer (ajv-cli with the same article schema), with peak memory; the pull-request check (validation with the result
 * cache after one article changed, in a git repository of the corpus); imports the package built from 10,000
 * articles; and times `npm run validate` on the one-article dataset. Prints Markdown tables and the verdict on each
 * target. The build step writes every format (JSON, CSV, Parquet, SQLite, JSONL and the metadata; its note gives
 * their sizes). Timings live here only, never in tests.
 * Steps that cannot run yet print "n/a (reason)" instead of stopping the run.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commandLine, fail, runMain, usageError } from './lib/cli.ts';
import { createProgress, progressEnabled } from './lib/progress.ts';
import { describeMachine } from './bench/machine.ts';
import { measure, type Measurement } from './bench/measure.ts';
import {
  renderMachine,
  renderSize,
  renderStartup,
  renderVerdicts,
  type BenchResult,
  type ImportResult,
  type SizeResult,
  type StartupResult,
  type StepResult,
} from './bench/report.ts';
import { REPO_ROOT } from './lib/output-target.ts';
import { CORPUS_DIRS, assertSafeOutput, writeCorpus, DEFAULT_SEED } from './synth/write.ts';

const USAGE =
  'usage: npm run bench -- [--sizes 10000,100000] [--keep DIR] [--json FILE] [--seed TEXT] ' +
  '[--skip startup,pr-check,build]';
const DEFAULT_SIZES = [10_000, 100_000];
/** The build whose npm package the import probe loads (issue 6: "with a 10,000-article build"). */
const IMPORT_PROBE_SIZE = 10_000;
/** No single step may take longer than this. */
const STEP_TIMEOUT_MS = 60 * 60 * 1000;
/**
 * The Node.js arguments of an npm script (`"node scripts/compiled.mjs build"`, or `"tsx …"`, which is
 * `node --import tsx …` started through one more process), so the bench starts each command as `npm run` does, minus
 * npm's own start-up; null when package.json has no such script.
 */
function npmScript(name: string): string[] | null {
  const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = scripts[name]?.split(' ');
  if (words?.[0] === 'node') return words.slice(1);
  if (words?.[0] === 'tsx') return ['--import', 'tsx', ...words.slice(1)];
  return null;
}
const script = (name: string): string[] => {
  const args = npmScript(name);
  if (!args) fail(`package.json has no \`${name}\` script that starts node or tsx.`);
  return args;
};
/** The floor, under tsx (it is no npm script, so it has no bundle). */
const FLOOR = ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'bench', 'floor.ts')];
/** Runs of `npm run validate` on data/ whose median is reported. */
const STARTUP_RUNS = 5;
const AJV_CLI = join(REPO_ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');

/** Progress and status lines: on a terminal only (see scripts/lib/progress.ts). */
const status = (text: string) => {
  if (progressEnabled(process.stderr, process.env)) process.stderr.write(`${text}\n`);
};

interface CorpusFacts {
  bytes: number;
  records: number;
  articleBytes: number;
  articles: number;
  firstArticleId: string;
}

function corpusFacts(dir: string): CorpusFacts {
  const facts: CorpusFacts = { bytes: 0, records: 0, articleBytes: 0, articles: 0, firstArticleId: '' };
  for (const collection of CORPUS_DIRS) {
    const folder = join(dir, collection);
    const names = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort();
    for (const name of names) {
      const size = statSync(join(folder, name)).size;
      facts.bytes += size;
      facts.records++;
      if (collection === 'articles') {
        facts.articleBytes += size;
        facts.articles++;
      }
    }
    if (collection === 'articles')
      facts.firstArticleId = (names[Math.floor(names.length / 2)] ?? '').replace(/\.json$/, '');
  }
  return facts;
}

/**
 * What a kept corpus was written from: the synthesizer's sources, the seed and the count. A corpus is reused only
 * when this matches, so a change to the synthesizer (or to the data model it follows) never benches a stale corpus
 * that no longer validates.
 */
function corpusFingerprint(count: number, seed: string): string {
  const synthDir = join(REPO_ROOT, 'scripts', 'synth');
  const hash = createHash('sha256').update(`${count}\0${seed}\0`);
  for (const name of readdirSync(synthDir).sort()) hash.update(`${name}\0`).update(readFileSync(join(synthDir, name)));
  return hash.digest('hex');
}

function articleCount(dir: string): number {
  const folder = join(dir, 'articles');
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')).length : 0;
}

/** The first line of what a failed child said, for an "n/a (…)" cell. */
function reason(m: Measurement): string {
  const text = /\S.*/.exec(`${m.stderr}\n${m.stdout}`)?.[0].trim() ?? '';
  const head = text.length > 140 ? `${text.slice(0, 137)}…` : text;
  return m.code === null ? `did not finish: ${head}` : `exit ${m.code}: ${head}`;
}

function step(name: StepResult['step'], bytes: number, records: number, m: Measurement, note?: string): StepResult {
  if (m.code !== 0) return { step: name, bytes, records, note: `n/a (${reason(m)})` };
  // Other work on the machine inflates wall times: the 1-minute load average after the step says how much there was.
  const load = `load ${loadavg()[0]!.toFixed(1)}`;
  return {
    step: name,
    bytes,
    records,
    wallSeconds: m.wallSeconds,
    peakRssMB: m.peakRssMB,
    note: note ? `${note}; ${load}` : load,
  };
}

/**
 * The build's output, from its datapackage.json (which lists every format's resources): megabytes by resource
 * format, and the files and bytes written in all.
 */
function formatSizes(outDir: string): string {
  const descriptor = join(outDir, 'datapackage.json');
  if (!existsSync(descriptor)) return 'no datapackage.json';
  const { resources } = JSON.parse(readFileSync(descriptor, 'utf8')) as {
    resources: { format: string; bytes?: number }[];
  };
  const byFormat = new Map<string, number>();
  for (const r of resources) byFormat.set(r.format, (byFormat.get(r.format) ?? 0) + (r.bytes ?? 0));
  const total = filesUnder(outDir);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
  const formats = [...byFormat].map(([format, bytes]) => `${format} ${mb(bytes)}`).join(', ');
  return `${total.files} files, ${mb(total.bytes)} (${formats})`;
}

/** How many files, and how many bytes, a folder holds at any depth. */
function filesUnder(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** Imports the built package (its `import` entry point) in a fresh process and reads one article's body by id. */
function probeImport(outDir: string, facts: CorpusFacts): ImportResult {
  const entry = join(outDir, 'runtime', 'node.js');
  const probe = join(REPO_ROOT, 'scripts', 'bench', 'import-probe.mjs');
  const m = measure(process.execPath, [probe, entry, facts.firstArticleId], {
    cwd: outDir,
    timeoutMs: STEP_TIMEOUT_MS,
  });
  if (m.code !== 0) return { articles: facts.articles, note: `n/a (${reason(m)})` };
  // The probe prints the measurements under ImportResult's names, and what it found to check them by.
  const { articleCount, bodyBlocks, ...measured } = JSON.parse(m.stdout.trim().split('\n').pop() ?? '{}') as Required<
    Omit<ImportResult, 'articles' | 'note' | 'peakRssMB'>
  > & { articleCount: number | null; bodyBlocks: number | null };
  const notes: string[] = [];
  if (bodyBlocks === null) notes.push(`the body of ${facts.firstArticleId} could not be reached by id`);
  if (articleCount !== facts.articles)
    notes.push(`the articles export holds ${articleCount} articles, not ${facts.articles}`);
  return {
    articles: facts.articles,
    ...measured,
    peakRssMB: m.peakRssMB,
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}

/**
 * The pull-request check: the corpus is committed to a git repository (its git folder beside the corpus, so the data
 * folder holds records only), a full validation fills the result cache, then one article changes in a new commit
 * and the validation with the cache is timed. The commit is undone afterwards, so the corpus stays as it was.
 */
function pullRequestCheck(
  corpus: string,
  workDir: string,
  facts: CorpusFacts,
  run: (label: string, args: string[], env?: NodeJS.ProcessEnv) => ReturnType<typeof measure>,
): StepResult[] {
  const env = { ...process.env, GIT_DIR: `${corpus}.git`, GIT_WORK_TREE: corpus };
  const git = (...args: string[]) =>
    spawnSync('git', ['-c', 'user.email=bench@example.invalid', '-c', 'user.name=bench', ...args], {
      cwd: corpus,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
  const failed = (why: string): StepResult[] => [
    { step: 'pr-check', bytes: facts.bytes, records: facts.records, note: `n/a (${why})` },
  ];
  if (!existsSync(`${corpus}.git`)) {
    status(`${facts.articles}: committing the corpus to a git repository…`);
    for (const args of [
      ['init', '-q'],
      ['add', '-A'],
      ['commit', '-q', '-m', 'corpus'],
    ]) {
      const r = git(...args);
      if (r.status !== 0) return failed(`git ${args[0]}: ${r.stderr.trim()}`);
    }
  }
  const cache = join(workDir, `validate-cache-${facts.articles}.bin`);
  rmSync(cache, { force: true });
  const fill = run('validate, filling the cache', [...script('validate'), '--data', corpus, '--cache', cache], env);
  const steps = [step('validate-cache', facts.bytes, facts.records, fill)];
  const article = join(corpus, 'articles', `${facts.firstArticleId}.json`);
  const original = readFileSync(article, 'utf8');
  writeFileSync(article, original.replace(/("keywords": \[)/, '$1\n    "pull request",'));
  const committed = git('commit', '-q', '-a', '-m', 'one article changed');
  try {
    if (committed.status !== 0) return [...steps, ...failed(`git commit: ${committed.stderr.trim()}`)];
    const pr = run(
      'pull-request check',
      [...script('validate'), '--data', corpus, '--cache', cache, '--format', 'github'],
      env,
    );
    steps.push(step('pr-check', facts.articleBytes / facts.articles, 1, pr, 'one article changed'));
  } finally {
    if (committed.status === 0) git('reset', '-q', '--hard', 'HEAD~1');
    else writeFileSync(article, original);
  }
  return steps;
}

/** `npm run validate` on data/ (the one-article dataset), beside the same run without npm and Node.js's own start. */
function startup(): StartupResult {
  const median = (command: string, args: string[]) => {
    const times: number[] = [];
    for (let i = 0; i < STARTUP_RUNS; i++) {
      const m = measure(command, args, { cwd: REPO_ROOT, timeoutMs: STEP_TIMEOUT_MS });
      if (m.code !== 0) return { note: reason(m) };
      times.push(m.wallSeconds);
    }
    return { seconds: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]! };
  };
  status('start-up: npm run validate on data/…');
  const npm = median('npm', ['run', '--silent', 'validate']);
  const node = median(process.execPath, script('validate'));
  const bare = median(process.execPath, ['-e', '0']);
  return {
    articles: articleCount(join(REPO_ROOT, 'data')),
    runs: STARTUP_RUNS,
    ...(npm.seconds !== undefined ? { npmSeconds: npm.seconds } : {}),
    ...(node.seconds !== undefined ? { nodeSeconds: node.seconds } : {}),
    ...(bare.seconds !== undefined ? { bareNodeSeconds: bare.seconds } : {}),
    load: loadavg()[0]!,
    ...(npm.note ? { note: `n/a (${npm.note})` } : {}),
  };
}

function benchSize(count: number, workDir: string, seed: string, skip: ReadonlySet<string>): SizeResult {
  const corpus = join(workDir, `corpus-${count}`);
  let synthSeconds = 0;
  const fingerprintFile = `${corpus}.synth`;
  const fingerprint = corpusFingerprint(count, seed);
  const synthReused =
    articleCount(corpus) === count &&
    existsSync(fingerprintFile) &&
    readFileSync(fingerprintFile, 'utf8') === fingerprint;
  if (!synthReused) {
    status(`${count}: writing the synthetic corpus…`);
    // A new corpus needs a new git repository for the pull-request check, and a new fingerprint once it is whole.
    rmSync(fingerprintFile, { force: true });
    rmSync(`${corpus}.git`, { recursive: true, force: true });
    const started = performance.now();
    writeCorpus({ count, out: corpus, seed, force: true });
    synthSeconds = (performance.now() - started) / 1000;
    writeFileSync(fingerprintFile, fingerprint);
  }
  const facts = corpusFacts(corpus);
  const steps: StepResult[] = [];
  const run = (label: string, args: string[], env?: NodeJS.ProcessEnv) => {
    status(`${count}: ${label}…`);
    return measure(process.execPath, args, { cwd: REPO_ROOT, timeoutMs: STEP_TIMEOUT_MS, ...(env ? { env } : {}) });
  };

  // An untimed first read warms the page cache, so the floor (timed first) does not pay for disk reads the others skip.
  run('warm-up read', [...FLOOR, corpus]);
  const floor = run('floor', [...FLOOR, corpus]);
  steps.push(step('floor', facts.bytes, facts.records, floor));

  const skipped = (name: StepResult['step']): StepResult => ({
    step: name,
    bytes: facts.bytes,
    records: facts.records,
    note: 'n/a (skipped with --skip)',
  });
  const validate = run('validate', [...script('validate'), '--data', corpus]);
  steps.push(step('validate', facts.bytes, facts.records, validate));
  steps.push(...(skip.has('pr-check') ? [skipped('pr-check')] : pullRequestCheck(corpus, workDir, facts, run)));

  // ajv-cli expands the glob itself, so 100,000 paths never meet the shell's argument limit.
  const schema = join(REPO_ROOT, 'schemas', 'article.schema.json');
  const options = '--spec=draft7 -c ajv-formats --strict=false --all-errors'.split(' ');
  const ajv = run('ajv-cli', [AJV_CLI, 'validate', '-s', schema, '-d', join(corpus, 'articles', '*.json'), ...options]);
  const valid = (`${ajv.stdout}\n${ajv.stderr}`.match(/ valid$/gm) ?? []).length;
  const verdict = valid === facts.articles ? `${valid} valid` : `only ${valid} of ${facts.articles} reported valid`;
  steps.push(step('ajv-cli', facts.articleBytes, facts.articles, ajv, verdict));

  let importProbe: ImportResult | undefined;
  const outDir = join(workDir, `build-${count}`);
  if (skip.has('build')) {
    steps.push(skipped('build'));
  } else {
    rmSync(outDir, { recursive: true, force: true });
    const build = run('build', [...script('build'), '--data', corpus, '--out', outDir, '--timings']);
    const timings = /^timings: (.*) \(seconds since the start/m.exec(build.stderr)?.[1];
    const written = build.code === 0 ? filesUnder(outDir) : undefined;
    steps.push({
      ...step(
        'build',
        facts.bytes,
        facts.records,
        build,
        build.code === 0 ? `${formatSizes(outDir)}${timings ? `; stages ended at (s): ${timings}` : ''}` : undefined,
      ),
      ...(written ? { filesWritten: written.files, bytesWritten: written.bytes } : {}),
    });
    // The site is its own command, on the finished build (dist/ → dist/site/).
    const site = npmScript('site');
    if (!site) steps.push({ ...skipped('site'), note: 'n/a (package.json has no `site` script yet)' });
    else if (build.code !== 0) steps.push({ ...skipped('site'), note: 'n/a (the build failed)' });
    else steps.push(step('site', facts.bytes, facts.records, run('site', [...site, '--dist', outDir])));
    if (count === IMPORT_PROBE_SIZE) {
      status(`${count}: importing the built package…`);
      importProbe = build.code === 0 ? probeImport(outDir, facts) : { articles: count, note: 'n/a (the build failed)' };
    }
  }
  return {
    count,
    synthSeconds,
    synthReused,
    bytes: facts.bytes,
    records: facts.records,
    steps,
    ...(importProbe ? { importProbe } : {}),
  };
}

runMain(() => {
  const { values } = commandLine(
    USAGE,
    {
      sizes: { type: 'string' },
      keep: { type: 'string' },
      json: { type: 'string' },
      seed: { type: 'string', default: DEFAULT_SEED },
      skip: { type: 'string', default: '' },
    },
    false,
  );
  const sizes = values.sizes?.split(',').map((s) => s.trim().replace(/_/g, '')) ?? DEFAULT_SIZES.map(String);
  if (!sizes.every((size) => /^[1-9]\d*$/.test(size)))
    usageError(USAGE, `--sizes takes positive integers separated by commas (got ${JSON.stringify(values.sizes)}).`);
  const counts = sizes.map(Number);
  const skip = new Set(values.skip.match(/[^\s,]+/g));
  for (const name of skip)
    if (!['startup', 'pr-check', 'build'].includes(name))
      usageError(USAGE, `--skip takes startup, pr-check and build (got ${JSON.stringify(name)}).`);
  // Corpora and builds go to --keep (reused next time) or to a temporary folder removed at the end.
  const workDir =
    values.keep === undefined ? mkdtempSync(join(tmpdir(), 'annotated-news-bench-')) : resolve(values.keep);
  assertSafeOutput(workDir);
  mkdirSync(workDir, { recursive: true });
  const bench: BenchResult = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: describeMachine(),
    sizes: [],
  };
  console.log(renderMachine(bench));
  const progress = createProgress('bench', counts.length + 1);
  try {
    if (!skip.has('startup')) {
      bench.startup = startup();
      console.log(renderStartup(bench.startup));
    }
    progress.tick();
    for (const count of counts) {
      const result = benchSize(count, workDir, values.seed, skip);
      bench.sizes.push(result);
      console.log(renderSize(result));
      progress.tick();
    }
  } finally {
    progress.done();
    if (values.keep === undefined) rmSync(workDir, { recursive: true, force: true });
  }
  console.log(renderVerdicts(bench.sizes, bench.startup));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(bench, null, 2)}\n`);
  return 0;
});
