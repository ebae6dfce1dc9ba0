/**
 * A progress line for long runs, on stderr. It draws only when stderr is a terminal and the `CI` environment
 * variable is not set, so logs, pipes and CI output stay clean; redraws are rate-limited (every `intervalMs`, 100 by
 * default) so a tight loop that ticks a million times costs next to nothing. `stream`, `env` and the clock `now`
 * can be given for tests.
 */

export interface Progress {
  /** Records `n` more items done (default 1). */
  tick(n?: number): void;
  /** Clears the progress line. Call it once, before printing results. */
  done(): void;
}

/** The little of a stream the reporter needs (`process.stderr` satisfies it). */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Whether progress may be drawn on `stream`: a terminal, outside CI. */
export function progressEnabled(stream: ProgressStream, env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  return stream.isTTY === true && (ci === undefined || ci === '' || ci === '0' || ci.toLowerCase() === 'false');
}

export function createProgress(
  label: string,
  total: number,
  {
    stream = process.stderr,
    env = process.env,
    intervalMs = 100,
    now = () => performance.now(),
  }: {
    stream?: ProgressStream;
    env?: Record<string, string | undefined>;
    intervalMs?: number;
    now?: () => number;
  } = {},
): Progress {
  if (!progressEnabled(stream, env)) return { tick() {}, done() {} };
  const started = now();
  let count = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  let finished = false;
  return {
    tick(n = 1) {
      count += n;
      const time = now();
      if (finished || time - lastDraw < intervalMs) return;
      const percent = total > 0 ? Math.min(100, Math.floor((count / total) * 100)) : 100;
      const rate = time > started ? Math.round(count / ((time - started) / 1000)) : 0;
      // \r returns to the line start; \x1b[K clears what a longer previous line left behind.
      stream.write(`\r${label}: ${count}/${total} (${percent}%), ${rate}/s\x1b[K`);
      drawn = true;
      lastDraw = time;
    },
    done() {
      if (drawn && !finished) stream.write('\r\x1b[K');
      finished = true;
    },
  };
}
