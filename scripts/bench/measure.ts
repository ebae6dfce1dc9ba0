/**
 * Runs one command as a child process and measures it from outside: wall time with the high-resolution clock,
 * peak resident memory (max RSS) with GNU time (`/usr/bin/time -f %M`), which covers the child and anything it
 * waits for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Measurement {
  /** Exit code (null when killed by a signal). */
  code: number | null;
  wallSeconds: number;
  /** Peak resident set size in MB (10^6 bytes), or null when GNU time is not available. */
  peakRssMB: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Give up after this long. */
  timeoutMs?: number;
}

/** Enough for a 100,000-file corpus's worth of per-file lines from ajv-cli. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

export function measure(command: string, args: string[], options: RunOptions = {}): Measurement {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(scratch, 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, {
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), CI: '1' }, // no progress lines in measured children
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT_BYTES,
    timeout: options.timeoutMs,
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakRssMB: number | null = null;
  if (useTime && existsSync(timeFile)) {
    // GNU time prints "Command exited with non-zero status N" before the format line when the child fails.
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
    const kilobytes = Number(lines[lines.length - 1]);
    if (Number.isFinite(kilobytes)) peakRssMB = (kilobytes * 1024) / 1e6;
  }
  rmSync(scratch, { recursive: true, force: true });
  if (result.error) {
    return {
      code: null,
      wallSeconds,
      peakRssMB,
      stdout: result.stdout ?? '',
      stderr: `${result.error.message}\n${result.stderr ?? ''}`,
    };
  }
  return { code: result.status, wallSeconds, peakRssMB, stdout: result.stdout, stderr: result.stderr };
}
