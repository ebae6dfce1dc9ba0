/**
 * A progress line for long runs, on stderr. It draws only when stderr is a terminal and the `CI` environment
 * variable is not set, so logs, pipes and CI output stay clean; redraws are rate-limited so a tight loop that ticks
 * a million times costs next to nothing.
 *
 *   const progress = createProgress('validating', files.length);
 *   for (const file of files) { check(file); progress.tick(); }
 *   progress.done();
 */

export interface Progress {
  /** Records `n` more items done (default 1). Redraws at most every `intervalMs`. */
  tick(n?: number): void;
  /** Clears the progress line. Call it once, before printing results. */
  done(): void;
}

/** The little of a stream the reporter needs (`process.stderr` satisfies it). */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Where to draw; `process.stderr` by default. */
  stream?: ProgressStream;
  /** The environment to read `CI` from; `process.env` by default. */
  env?: Record<string, string | undefined>;
  /** The least time between two redraws. */
  intervalMs?: number;
  /** The clock, in milliseconds (injectable for tests). */
  now?: () => number;
}

/** Often enough to look alive, rarely enough to cost nothing. */
const DEFAULT_INTERVAL_MS = 100;

const NOOP: Progress = { tick() {}, done() {} };

/** Whether progress may be drawn on `stream`: a terminal, outside CI. */
export function progressEnabled(stream: ProgressStream, env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return stream.isTTY === true && !inCi;
}

export function createProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (!progressEnabled(stream, options.env ?? process.env)) return NOOP;
  const interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let count = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  let finished = false;

  const draw = (time: number) => {
    const percent = total > 0 ? Math.min(100, Math.floor((count / total) * 100)) : 100;
    const seconds = (time - started) / 1000;
    const rate = seconds > 0 ? Math.round(count / seconds) : 0;
    // \r returns to the line start; \x1b[K clears what a longer previous line left behind.
    stream.write(`\r${label}: ${count}/${total} (${percent}%), ${rate}/s\x1b[K`);
    drawn = true;
    lastDraw = time;
  };

  return {
    tick(n = 1) {
      if (finished) return;
      count += n;
      const time = now();
      if (time - lastDraw >= interval) draw(time);
    },
    done() {
      if (finished) return;
      finished = true;
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
