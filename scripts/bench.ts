/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--keep DIR] [--json FILE]`: writes synthetic corpora (npm run
 * synth) and times `validate` and `build` on them beside the floor (read + JSON.parse every file in one process) and
 * the peer (ajv-cli with the same article schema), with peak memory (the build step writes every format: JSON, CSV,
 * Parquet, SQLite, JSONL and the metadata; its note gives their sizes); then imports the package built from 10,000
 * articles. Prints Markdown tables and the verdict on each target. Timings live here only, never in tests.
 * Steps that cannot run yet print "n/a (reason)" instead of stopping the run.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runMain, fail } from './lib/cli.ts';
import { createProgress, progressEnabled } from './lib/progress.ts';
import { describeMachine } from './bench/machine.ts';
import { measure, type Measurement } from './bench/measure.ts';
import {
  renderMachine, renderSize, renderVerdicts, type BenchResult, type ImportResult, type SizeResult, type StepResult,
} from './bench/report.ts';
import { CORPUS_DIRS, REPO_ROOT, assertSafeOutput, writeCorpus, DEFAULT_SEED } from './synth/write.ts';

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
/** The build whose npm package the import probe loads (issue 6: "with a 10,000-article build"). */
const IMPORT_PROBE_SIZE = 10_000;
/** No single step may take longer than this. */
const STEP_TIMEOUT_MS = 60 * 60 * 1000;
const TSX = ['--import', 'tsx'];
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
    const names = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
    for (const name of names) {
      const size = statSync(join(folder, name)).size;
      facts.bytes += size;
      facts.records++;
      if (collection === 'articles') {
        facts.articleBytes += size;
        facts.articles++;
      }
    }
    if (collection === 'articles') facts.firstArticleId = (names[Math.floor(names.length / 2)] ?? '').replace(/\.json$/, '');
  }
  return facts;
}

function articleCount(dir: string): number {
  const folder = join(dir, 'articles');
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')).length : 0;
}

/** The first line of what a failed child said, for an "n/a (…)" cell. */
function reason(m: Measurement): string {
  const text = `${m.stderr}\n${m.stdout}`.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  const head = text.length > 140 ? `${text.slice(0, 137)}…` : text;
  return m.code === null ? `did not finish: ${head}` : `exit ${m.code}: ${head}`;
}

function step(name: StepResult['step'], bytes: number, records: number, m: Measurement, note?: string): StepResult {
  if (m.code !== 0) return { step: name, bytes, records, note: `n/a (${reason(m)})` };
  // Other work on the machine inflates wall times: the 1-minute load average after the step says how much there was.
  const load = `load ${loadavg()[0]!.toFixed(1)}`;
  return { step: name, bytes, records, wallSeconds: m.wallSeconds, peakRssMB: m.peakRssMB, note: note ? `${note}; ${load}` : load };
}

/** The build writes every format (JSON, CSV, Parquet, SQLite, JSONL, metadata); its note gives their sizes. */
function formatSizes(outDir: string): string {
  const bytes = (path: string): number => {
    if (!existsSync(path)) return 0;
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.size;
    return readdirSync(path).reduce((n, name) => n + bytes(join(path, name)), 0);
  };
  const mb = (path: string) => `${(bytes(join(outDir, path)) / 1e6).toFixed(0)} MB`;
  return `all formats: CSV ${mb('csv')}, Parquet ${mb('parquet')}, SQLite ${mb('annotated-news.sqlite')}, JSONL ${mb('jsonl')}`;
}

/** Whether the build script accepts `--data` and `--out` yet; an older one would publish the repository's dist/. */
function buildTakesOut(): boolean {
  const source = readFileSync(join(REPO_ROOT, 'scripts', 'build.ts'), 'utf8');
  return /\bout\b\s*:/.test(source) || source.includes("'--out'") || source.includes('"--out"');
}

/** The module file the built package's `import` condition points at. */
function packageEntry(outDir: string): string | null {
  const manifestPath = join(outDir, 'package.json');
  const candidates: string[] = [];
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      exports?: unknown;
      module?: string;
      main?: string;
    };
    const dot = (manifest.exports as Record<string, unknown> | undefined)?.['.'] ?? manifest.exports;
    const pick = (value: unknown): string | undefined => {
      if (typeof value === 'string') return value;
      if (value && typeof value === 'object') {
        const conditions = value as Record<string, unknown>;
        return pick(conditions.import) ?? pick(conditions.default) ?? pick(conditions.node);
      }
      return undefined;
    };
    const fromExports = pick(dot);
    if (fromExports) candidates.push(fromExports);
    if (manifest.module) candidates.push(manifest.module);
    if (manifest.main) candidates.push(manifest.main);
  }
  candidates.push('runtime/node.js', 'index.js', 'index.mjs');
  return candidates.map((c) => join(outDir, c)).find((p) => existsSync(p)) ?? null;
}

function probeImport(outDir: string, facts: CorpusFacts): ImportResult {
  const base: ImportResult = { articles: facts.articles };
  const entry = packageEntry(outDir);
  if (!entry) return { ...base, note: `n/a (no package entry point found in the build output ${outDir})` };
  const m = measure(process.execPath, [join(REPO_ROOT, 'scripts', 'bench', 'import-probe.mjs'), entry, facts.firstArticleId], {
    cwd: outDir,
    timeoutMs: STEP_TIMEOUT_MS,
  });
  if (m.code !== 0) return { ...base, note: `n/a (${reason(m)})` };
  const probe = JSON.parse(m.stdout.trim().split('\n').pop() ?? '{}') as {
    importMs: number; bodyMs: number; lookup: string | null; articleCount: number | null; bodyBlocks: number | null;
    afterImport: { heapUsedMB: number; rssMB: number }; afterBody: { heapUsedMB: number; rssMB: number };
  };
  const notes: string[] = [];
  if (probe.bodyBlocks === null) notes.push(`the body of ${facts.firstArticleId} could not be reached by id`);
  if (probe.articleCount !== null && probe.articleCount !== facts.articles) {
    notes.push(`the articles export holds ${probe.articleCount} articles, not ${facts.articles}`);
  }
  return {
    ...base,
    importMs: probe.importMs,
    bodyMs: probe.bodyMs,
    lookup: probe.lookup,
    heapAfterImportMB: probe.afterImport.heapUsedMB,
    rssAfterImportMB: probe.afterImport.rssMB,
    heapAfterBodyMB: probe.afterBody.heapUsedMB,
    rssAfterBodyMB: probe.afterBody.rssMB,
    peakRssMB: m.peakRssMB,
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}

function benchSize(count: number, workDir: string, seed: string): SizeResult {
  const corpus = join(workDir, `corpus-${count}`);
  let synthSeconds = 0;
  const synthReused = articleCount(corpus) === count;
  if (!synthReused) {
    status(`${count}: writing the synthetic corpus…`);
    const started = performance.now();
    writeCorpus({ count, out: corpus, seed, force: true });
    synthSeconds = (performance.now() - started) / 1000;
  }
  const facts = corpusFacts(corpus);
  const steps: StepResult[] = [];
  const run = (label: string, args: string[]) => {
    status(`${count}: ${label}…`);
    return measure(process.execPath, args, { cwd: REPO_ROOT, timeoutMs: STEP_TIMEOUT_MS });
  };

  // An untimed first read warms the page cache, so the floor (timed first) does not pay for disk reads the others skip.
  run('warm-up read', [...TSX, join(REPO_ROOT, 'scripts', 'bench', 'floor.ts'), corpus]);
  const floor = run('floor', [...TSX, join(REPO_ROOT, 'scripts', 'bench', 'floor.ts'), corpus]);
  steps.push(step('floor', facts.bytes, facts.records, floor));

  const validateScript = join(REPO_ROOT, 'scripts', 'validate.ts');
  if (existsSync(validateScript)) {
    const validate = run('validate', [...TSX, validateScript, '--data', corpus]);
    steps.push(step('validate', facts.bytes, facts.records, validate));
  } else {
    steps.push({ step: 'validate', bytes: facts.bytes, records: facts.records, note: 'n/a (scripts/validate.ts does not exist yet)' });
  }

  // ajv-cli expands the glob itself, so 100,000 paths never meet the shell's argument limit.
  const ajv = run('ajv-cli', [
    AJV_CLI, 'validate', '-s', join(REPO_ROOT, 'schemas', 'article.schema.json'), '-d', join(corpus, 'articles', '*.json'),
    '--spec=draft7', '-c', 'ajv-formats', '--strict=false', '--all-errors',
  ]);
  const ajvValid = (`${ajv.stdout}\n${ajv.stderr}`.match(/ valid$/gm) ?? []).length;
  const ajvStep = step('ajv-cli', facts.articleBytes, facts.articles, ajv,
    ajvValid === facts.articles ? `${ajvValid} valid` : `only ${ajvValid} of ${facts.articles} reported valid`);
  steps.push(ajvStep);

  let importProbe: ImportResult | undefined;
  const outDir = join(workDir, `build-${count}`);
  if (buildTakesOut()) {
    rmSync(outDir, { recursive: true, force: true });
    const build = run('build', [...TSX, join(REPO_ROOT, 'scripts', 'build.ts'), '--data', corpus, '--out', outDir]);
    steps.push(step('build', facts.bytes, facts.records, build, build.code === 0 ? formatSizes(outDir) : undefined));
    if (count === IMPORT_PROBE_SIZE) {
      status(`${count}: importing the built package…`);
      importProbe = build.code === 0 ? probeImport(outDir, facts) : { articles: count, note: 'n/a (the build failed)' };
    }
  } else {
    const note = 'n/a (scripts/build.ts does not take --data/--out yet)';
    steps.push({ step: 'build', bytes: facts.bytes, records: facts.records, note });
    if (count === IMPORT_PROBE_SIZE) importProbe = { articles: count, note };
  }
  return { count, synthSeconds, synthReused, bytes: facts.bytes, records: facts.records, steps, ...(importProbe ? { importProbe } : {}) };
}

runMain(() => {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      keep: { type: 'string' },
      json: { type: 'string' },
      seed: { type: 'string', default: DEFAULT_SEED },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log('usage: npm run bench -- [--sizes 1000,10000,100000] [--keep DIR] [--json FILE] [--seed TEXT]');
    return 0;
  }
  const sizes = values.sizes === undefined ? DEFAULT_SIZES : values.sizes.split(',').map((s) => s.trim().replace(/_/g, ''));
  for (const size of sizes) {
    if (!/^[1-9]\d*$/.test(String(size))) fail(`--sizes takes positive integers separated by commas (got ${JSON.stringify(values.sizes)}).`);
  }
  const counts = sizes.map(Number);
  // Corpora and builds go to --keep (reused next time) or to a temporary folder removed at the end.
  const workDir = values.keep === undefined ? mkdtempSync(join(tmpdir(), 'annotated-news-bench-')) : resolve(values.keep);
  assertSafeOutput(workDir);
  mkdirSync(workDir, { recursive: true });
  const bench: BenchResult = { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', machine: describeMachine(), sizes: [] };
  console.log(renderMachine(bench));
  const progress = createProgress('bench', counts.length);
  try {
    for (const count of counts) {
      const result = benchSize(count, workDir, values.seed);
      bench.sizes.push(result);
      console.log(renderSize(result));
      progress.tick();
    }
  } finally {
    progress.done();
    if (values.keep === undefined) rmSync(workDir, { recursive: true, force: true });
  }
  console.log(renderVerdicts(bench.sizes));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(bench, null, 2)}\n`);
  return 0;
});
