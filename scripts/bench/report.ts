/** Turns benchmark measurements into Markdown tables and target verdicts. Pure functions. */
import type { Machine } from './machine.ts';

/** The targets of issues 14, 22 and 23, as named constants so the table and docs/benchmarks.md say the same thing. */
export const TARGETS = {
  /** validate may take at most this many times the floor's wall time. */
  validateVsFloor: 1.5,
  /** build (every data format, no site) may take at most this many times the floor's wall time. */
  buildVsFloor: 4,
  /** `npm run site` on the finished build may take at most this many times the floor's wall time. */
  siteVsFloor: 4,
  /** Files the build writes per article, and bytes it writes per byte of source records. */
  filesPerArticle: 1.2,
  bytesVsSource: 3,
  /** Peak resident memory of validate, build and site at 100,000 articles, in MB. */
  peakRssMB: 400,
  /** The corpus size the memory and pull-request targets apply to. */
  peakRssAt: 100_000,
  /** Wall seconds for the pull-request check: one changed article validated against the rest, with the cache. */
  prCheckSeconds: 3,
  /** Wall seconds for `npm run validate` on the one-article dataset, npm's own start-up included. */
  oneArticleSeconds: 0.6,
} as const;

/**
 * The steps timed per corpus: `validate-cache` is a full validation that also fills the result cache, `pr-check`
 * the validation with that cache after one article changed (as in a pull request).
 */
export type StepName = 'floor' | 'validate' | 'ajv-cli' | 'build' | 'site' | 'validate-cache' | 'pr-check';

/** `npm run validate` on the repository's data/ (the one-article dataset), median of several runs. */
export interface StartupResult {
  articles: number;
  runs: number;
  npmSeconds?: number;
  /** The same validation started without npm (`node scripts/compiled.mjs validate`, as the npm script). */
  nodeSeconds?: number;
  /** `node -e 0`: what Node.js itself takes to start on this machine under this load. */
  bareNodeSeconds?: number;
  load: number;
  note?: string;
}

export interface StepResult {
  step: StepName;
  /** What the step reads: bytes and records. */
  bytes: number;
  records: number;
  /** Set when the step ran and exited 0. */
  wallSeconds?: number;
  peakRssMB?: number | null;
  /** Why there is no measurement ("n/a (…)"), or a remark on one. */
  note?: string;
  /** What the build wrote: files and bytes in its output folder. */
  filesWritten?: number;
  bytesWritten?: number;
}

export interface ImportResult {
  articles: number;
  note?: string;
  importMs?: number;
  bodyMs?: number;
  lookup?: string | null;
  heapAfterImportMB?: number;
  rssAfterImportMB?: number;
  heapAfterBodyMB?: number;
  rssAfterBodyMB?: number;
  peakRssMB?: number | null;
}

export interface SizeResult {
  count: number;
  synthSeconds: number;
  synthReused: boolean;
  bytes: number;
  records: number;
  steps: StepResult[];
  importProbe?: ImportResult;
}

export interface BenchResult {
  date: string;
  machine: Machine;
  sizes: SizeResult[];
  startup?: StartupResult;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const mb = (bytes: number) => bytes / 1e6;

function ratio(result: SizeResult, step: StepName, against: StepName): number | null {
  const a = result.steps.find((s) => s.step === step)?.wallSeconds;
  const b = result.steps.find((s) => s.step === against)?.wallSeconds;
  return a !== undefined && b !== undefined && b > 0 ? a / b : null;
}

export interface Verdict {
  count: number;
  target: string;
  measured: string;
  met: boolean | null;
}

export function verdicts(result: SizeResult): Verdict[] {
  const out: Verdict[] = [];
  const ratioVerdict = (target: string, value: number | null, limit: number, reason: string) => {
    out.push({
      count: result.count,
      target,
      measured: value === null ? reason : `${fixed(value, 2)}×`,
      met: value === null ? null : value <= limit,
    });
  };
  const missing = (step: StepName) => result.steps.find((s) => s.step === step)?.note ?? `n/a (${step} did not run)`;
  const vf = ratio(result, 'validate', 'floor');
  ratioVerdict(`validate ≤ ${TARGETS.validateVsFloor}× floor`, vf, TARGETS.validateVsFloor, missing('validate'));
  const va = ratio(result, 'validate', 'ajv-cli');
  out.push({
    count: result.count,
    target: 'validate faster than ajv-cli',
    measured: va === null ? missing(vf === null ? 'validate' : 'ajv-cli') : `${fixed(va, 2)}× ajv-cli’s time`,
    met: va === null ? null : va < 1,
  });
  const bf = ratio(result, 'build', 'floor');
  ratioVerdict(`build ≤ ${TARGETS.buildVsFloor}× floor`, bf, TARGETS.buildVsFloor, missing('build'));
  const sf = ratio(result, 'site', 'floor');
  ratioVerdict(`site ≤ ${TARGETS.siteVsFloor}× floor`, sf, TARGETS.siteVsFloor, missing('site'));
  const build = result.steps.find((s) => s.step === 'build');
  const articles = result.count;
  const perArticle = build?.filesWritten === undefined ? null : build.filesWritten / articles;
  out.push({
    count: result.count,
    target: `files written by the build ≤ ${TARGETS.filesPerArticle} per article`,
    measured: perArticle === null ? missing('build') : `${fixed(perArticle, 2)} (${build!.filesWritten} files)`,
    met: perArticle === null ? null : perArticle <= TARGETS.filesPerArticle,
  });
  const vsSource = build?.bytesWritten === undefined ? null : build.bytesWritten / result.bytes;
  out.push({
    count: result.count,
    target: `bytes written by the build ≤ ${TARGETS.bytesVsSource}× the source bytes`,
    measured: vsSource === null ? missing('build') : `${fixed(vsSource, 2)}×`,
    met: vsSource === null ? null : vsSource <= TARGETS.bytesVsSource,
  });
  const applies =
    result.count >= TARGETS.peakRssAt ? '' : ` (target applies at ${TARGETS.peakRssAt.toLocaleString('en-US')})`;
  for (const step of ['validate', 'build', 'site'] as const) {
    const found = result.steps.find((s) => s.step === step);
    const rss = found?.peakRssMB;
    out.push({
      count: result.count,
      target: `${step} peak RSS ≤ ${TARGETS.peakRssMB} MB${applies}`,
      measured: typeof rss === 'number' ? `${fixed(rss, 0)} MB` : (found?.note ?? 'n/a (not measured)'),
      met: typeof rss === 'number' ? rss <= TARGETS.peakRssMB : null,
    });
  }
  const pr = result.steps.find((s) => s.step === 'pr-check');
  out.push({
    count: result.count,
    target: `pull-request check ≤ ${TARGETS.prCheckSeconds} s${applies}`,
    measured: pr?.wallSeconds !== undefined ? `${fixed(pr.wallSeconds, 2)} s` : (pr?.note ?? 'n/a (not measured)'),
    met: pr?.wallSeconds !== undefined ? pr.wallSeconds <= TARGETS.prCheckSeconds : null,
  });
  return out;
}

function stepRow(result: SizeResult, step: StepResult): string {
  const floor = result.steps.find((s) => s.step === 'floor')?.wallSeconds;
  if (step.wallSeconds === undefined) {
    return `| ${step.step} | ${step.note ?? 'n/a'} | | | | | |`;
  }
  const seconds = step.wallSeconds;
  const vsFloor =
    floor && step.step !== 'floor' ? `${fixed(seconds / floor, 2)}×` : step.step === 'floor' ? '1.00×' : '';
  const rate = Math.round(step.records / seconds).toLocaleString('en-US');
  const rss = typeof step.peakRssMB === 'number' ? fixed(step.peakRssMB, 0) : 'n/a';
  return (
    `| ${step.step} | ${fixed(seconds, 2)} | ${fixed(mb(step.bytes) / seconds, 1)} | ${rate} | ${rss} | ` +
    `${vsFloor} | ${step.note ?? ''} |`
  );
}

export function renderSize(result: SizeResult): string {
  const lines = [
    `### ${result.count.toLocaleString('en-US')} articles (${result.records.toLocaleString('en-US')} records, ` +
      `${fixed(mb(result.bytes), 1)} MB; corpus ` +
      `${result.synthReused ? 'reused' : `written in ${fixed(result.synthSeconds, 1)} s`})`,
    '',
    '| step | wall s | MB/s | records/s | peak RSS MB | × floor | note |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...result.steps.map((step) => stepRow(result, step)),
    '',
  ];
  const probe = result.importProbe;
  if (probe) {
    lines.push(`Import of the built package (${probe.articles.toLocaleString('en-US')} articles):`, '');
    if (probe.importMs === undefined) {
      lines.push(`- ${probe.note ?? 'n/a'}`, '');
    } else {
      lines.push(
        '| import ms | heap after import MB | RSS after import MB | one body by id ms | heap after MB | RSS ' +
          'after MB | peak RSS MB | lookup |',
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
        `| ${fixed(probe.importMs, 0)} | ${probe.heapAfterImportMB} | ${probe.rssAfterImportMB} | ` +
          `${fixed(probe.bodyMs ?? 0, 1)} | ` +
          `${probe.heapAfterBodyMB} | ${probe.rssAfterBodyMB} | ` +
          `${typeof probe.peakRssMB === 'number' ? fixed(probe.peakRssMB, 0) : 'n/a'} | ` +
          `${probe.lookup ?? 'none found'} |`,
        '',
      );
      if (probe.note) lines.push(`- ${probe.note}`, '');
    }
  }
  return lines.join('\n');
}

/** The verdict on start-up: `npm run validate` on the one-article dataset. */
export function startupVerdict(startup: StartupResult): Verdict {
  const seconds = startup.npmSeconds;
  return {
    count: startup.articles,
    target: `\`npm run validate\` on the ${startup.articles}-article dataset ≤ ${TARGETS.oneArticleSeconds} s`,
    measured: seconds === undefined ? (startup.note ?? 'n/a (not measured)') : `${fixed(seconds, 2)} s`,
    met: seconds === undefined ? null : seconds <= TARGETS.oneArticleSeconds,
  };
}

export function renderStartup(startup: StartupResult): string {
  const s = (v: number | undefined) => (v === undefined ? 'n/a' : fixed(v, 2));
  return [
    `### Start-up: \`npm run validate\` on data/ ` +
      `(${startup.articles} article${startup.articles === 1 ? '' : 's'}; median of ${startup.runs} runs; load ` +
      `${fixed(startup.load, 1)})`,
    '',
    '| npm run validate s | node scripts/compiled.mjs validate s | node -e 0 s | note |',
    '| ---: | ---: | ---: | --- |',
    `| ${s(startup.npmSeconds)} | ${s(startup.nodeSeconds)} | ${s(startup.bareNodeSeconds)} | ${startup.note ?? ''} |`,
    '',
  ].join('\n');
}

export function renderVerdicts(results: SizeResult[], startup?: StartupResult): string {
  const lines = ['### Targets', '', '| articles | target | measured | verdict |', '| ---: | --- | --- | --- |'];
  const all = results.flatMap((result) => verdicts(result));
  if (startup) all.push(startupVerdict(startup));
  for (const v of all) {
    const verdict = v.met === null ? 'not measured' : v.met ? 'met' : 'MISSED';
    lines.push(`| ${v.count.toLocaleString('en-US')} | ${v.target} | ${v.measured} | ${verdict} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderMachine(bench: BenchResult): string {
  const m = bench.machine;
  return [
    `Benchmark run ${bench.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node.js ${m.node} (${m.platform}).`,
    'Wall time is measured around each child process (startup included); peak RSS is the child’s maximum resident',
    'set size from GNU time. MB/s and records/s use what the step reads (ajv-cli: the article files only). The floor',
    'reads and JSON.parses every record file in one process, started under tsx (up to 0.5 s more than the others,',
    'which start as their npm scripts do: `node scripts/compiled.mjs NAME`, a bundle; noise from 10,000 articles).',
    'validate-cache is a full validation that fills the result cache (--cache); pr-check then validates with it',
    'after one article was changed and committed, as a pull request would. site runs `npm run site` on the build.',
    `The machine has ${m.cores} cores; a 1-minute load average (“load”) above that means other work shared it.`,
    '',
  ].join('\n');
}
