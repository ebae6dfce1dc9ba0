/** Turns benchmark measurements into Markdown tables and target verdicts. Pure functions. */

/**
 * The steps timed per corpus: `validate-cache` is a full validation that also fills the result cache, `pr-check`
 * the validation with that cache after one article changed (as in a pull request).
 */
export type StepName = 'floor' | 'validate' | 'ajv-cli' | 'build' | 'site' | 'validate-cache' | 'pr-check';

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

/** What importing the built package cost (scripts/bench/import-probe.mjs), or why it could not be measured. */
export type ImportResult = { articles: number; note?: string; lookup?: string | null; peakRssMB?: number | null } & {
  [K in 'importMs' | 'bodyMs' | `${'heap' | 'rss'}After${'Import' | 'Body'}MB`]?: number;
};

export interface SizeResult {
  count: number;
  synthSeconds: number;
  synthReused: boolean;
  bytes: number;
  records: number;
  steps: StepResult[];
  importProbe?: ImportResult;
}

/** `npm run validate` on the repository's data/, beside the same without npm and Node.js's own start; medians. */
export type StartupResult = { articles: number; runs: number; load: number; note?: string } & {
  [K in 'npmSeconds' | 'nodeSeconds' | 'bareNodeSeconds']?: number;
};

/** A target's verdict: met, missed, or null when the measurement is missing (`measured` says why). */
export type Verdict = { count: number; target: string; measured: string; met: boolean | null };

/** The targets of issues 14, 22 and 23; the memory and pull-request targets apply at `peakRssAt` articles. */
export const TARGETS = {
  validateVsFloor: 1.5,
  buildVsFloor: 4,
  siteVsFloor: 4,
  filesPerArticle: 1.2,
  bytesVsSource: 3,
  peakRssMB: 400,
  peakRssAt: 100_000,
  prCheckSeconds: 3,
  oneArticleSeconds: 0.6,
} as const;

const fixed = (value: number, digits: number) => value.toFixed(digits);
const thousands = (value: number) => value.toLocaleString('en-US');

export function verdicts(result: SizeResult): Verdict[] {
  const T = TARGETS;
  const step = (name: StepName) => result.steps.find((s) => s.step === name);
  const seconds = (name: StepName) => step(name)?.wallSeconds;
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : undefined);
  const vsFloor = (name: StepName) => ratio(seconds(name), seconds('floor'));
  const build = step('build');
  const applies = result.count >= T.peakRssAt ? '' : ` (target applies at ${thousands(T.peakRssAt)})`;
  const times = (x: number) => `${fixed(x, 2)}×`;
  const sec = (x: number) => `${fixed(x, 2)} s`;
  const mb = (x: number) => `${fixed(x, 0)} MB`;
  const files = (x: number) => `${fixed(x, 2)} (${build?.filesWritten} files)`;
  // Each target: what it says, the measurement, the step whose note says why it is missing, the limit, how it reads.
  const rows: Array<[string, number | undefined, StepName, number, (x: number) => string]> = [
    [`validate ≤ ${T.validateVsFloor}× floor`, vsFloor('validate'), 'validate', T.validateVsFloor, times],
    // Faster: strictly below 1.
    [
      'validate faster than ajv-cli',
      ratio(seconds('validate'), seconds('ajv-cli')),
      seconds('validate') === undefined ? 'validate' : 'ajv-cli',
      1 - Number.EPSILON,
      (x) => `${fixed(x, 2)}× ajv-cli’s time`,
    ],
    [`build ≤ ${T.buildVsFloor}× floor`, vsFloor('build'), 'build', T.buildVsFloor, times],
    [`site ≤ ${T.siteVsFloor}× floor`, vsFloor('site'), 'site', T.siteVsFloor, times],
    [
      `files written by the build ≤ ${T.filesPerArticle} per article`,
      ratio(build?.filesWritten, result.count),
      'build',
      T.filesPerArticle,
      files,
    ],
    [
      `bytes written by the build ≤ ${T.bytesVsSource}× the source bytes`,
      ratio(build?.bytesWritten, result.bytes),
      'build',
      T.bytesVsSource,
      times,
    ],
    ...(['validate', 'build', 'site'] as const).map((name): (typeof rows)[number] => [
      `${name} peak RSS ≤ ${T.peakRssMB} MB${applies}`,
      step(name)?.peakRssMB ?? undefined,
      name,
      T.peakRssMB,
      mb,
    ]),
    [`pull-request check ≤ ${T.prCheckSeconds} s${applies}`, seconds('pr-check'), 'pr-check', T.prCheckSeconds, sec],
  ];
  return rows.map(([target, value, missing, limit, shown]) =>
    value === undefined
      ? { count: result.count, target, measured: step(missing)?.note ?? `n/a (${missing} did not run)`, met: null }
      : { count: result.count, target, measured: shown(value), met: value <= limit },
  );
}

/** The verdict on start-up: `npm run validate` on the repository's own (small) dataset. */
export function startupVerdict(startup: StartupResult): Verdict {
  const [count, seconds] = [startup.articles, startup.npmSeconds];
  const target = `\`npm run validate\` on the ${count}-article dataset ≤ ${TARGETS.oneArticleSeconds} s`;
  return seconds === undefined
    ? { count, target, measured: startup.note ?? 'n/a (not measured)', met: null }
    : { count, target, measured: `${fixed(seconds, 2)} s`, met: seconds <= TARGETS.oneArticleSeconds };
}

/** A Markdown table: a header row, each column aligned left (`l`) or right (`r`), and the rows. */
const table = (header: string[], align: string, rows: Array<Array<string | number | undefined>>) =>
  [header, [...align].map((a) => (a === 'r' ? '---:' : '---')), ...rows]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');

export function renderSize(result: SizeResult): string {
  const floor = result.steps.find((s) => s.step === 'floor')?.wallSeconds;
  const rows = result.steps.map((s) => {
    if (s.wallSeconds === undefined) return [s.step, s.note ?? 'n/a', '', '', '', '', ''];
    const t = s.wallSeconds;
    const rss = typeof s.peakRssMB === 'number' ? fixed(s.peakRssMB, 0) : 'n/a';
    const vsFloor = s.step === 'floor' ? '1.00×' : floor ? `${fixed(t / floor, 2)}×` : '';
    const rate = thousands(Math.round(s.records / t));
    return [s.step, fixed(t, 2), fixed(s.bytes / 1e6 / t, 1), rate, rss, vsFloor, s.note ?? ''];
  });
  const corpus = result.synthReused ? 'reused' : `written in ${fixed(result.synthSeconds, 1)} s`;
  const lines = [
    `### ${thousands(result.count)} articles (${thousands(result.records)} records, ` +
      `${fixed(result.bytes / 1e6, 1)} MB; corpus ${corpus})`,
    '',
    table(['step', 'wall s', 'MB/s', 'records/s', 'peak RSS MB', '× floor', 'note'], 'lrrrrrl', rows),
    '',
  ];
  const probe = result.importProbe;
  if (probe) {
    lines.push(`Import of the built package (${thousands(probe.articles)} articles):`, '');
    if (probe.importMs !== undefined) {
      const header = 'import ms|heap after import MB|RSS after import MB|one body by id ms|heap after MB|RSS after MB';
      const peak = typeof probe.peakRssMB === 'number' ? fixed(probe.peakRssMB, 0) : 'n/a';
      const { importMs, heapAfterImportMB, rssAfterImportMB, bodyMs, heapAfterBodyMB, rssAfterBodyMB } = probe;
      const body = [fixed(bodyMs ?? 0, 1), heapAfterBodyMB, rssAfterBodyMB];
      const imported = [fixed(importMs, 0), heapAfterImportMB, rssAfterImportMB];
      const row = [...imported, ...body, peak, probe.lookup ?? 'none found'];
      lines.push(table([...header.split('|'), 'peak RSS MB', 'lookup'], 'rrrrrrrl', [row]), '');
    }
    if (probe.note) lines.push(`- ${probe.note}`, '');
  }
  return lines.join('\n');
}

export function renderStartup(startup: StartupResult): string {
  const s = (v: number | undefined) => (v === undefined ? 'n/a' : fixed(v, 2));
  const articles = `${startup.articles} article${startup.articles === 1 ? '' : 's'}`;
  return [
    `### Start-up: \`npm run validate\` on data/ (${articles}; median of ${startup.runs} runs; ` +
      `load ${fixed(startup.load, 1)})`,
    '',
    table(['npm run validate s', 'node scripts/compiled.mjs validate s', 'node -e 0 s', 'note'], 'rrrl', [
      [s(startup.npmSeconds), s(startup.nodeSeconds), s(startup.bareNodeSeconds), startup.note ?? ''],
    ]),
    '',
  ].join('\n');
}

export function renderVerdicts(results: SizeResult[], startup?: StartupResult): string {
  const all = [...results.flatMap(verdicts), ...(startup ? [startupVerdict(startup)] : [])];
  const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'MISSED');
  const rows = all.map((v) => [thousands(v.count), v.target, v.measured, verdict(v.met)]);
  const header = ['articles', 'target', 'measured', 'verdict'];
  return `### Targets\n\n${table(header, 'rlll', rows)}\n`;
}
