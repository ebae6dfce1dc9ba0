/**
 * Checking many record files on every core: worker threads (./worker.ts) take chunks of files from one queue, so a
 * slow chunk never leaves a thread idle. The main thread checks chunks too while the workers start up (loading
 * modules, compiling schemas), then only collects results, so its heap, which also holds the dataset summary, stays
 * small. Results arrive in any order; each carries its file's index so the runner can restore the file order. A
 * worker that fails (it could not start, or ran out of its capped heap) hands its chunks back to the main thread.
 */
import { typeScriptWorker } from '../lib/worker.ts';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { checkFile, type CheckEnvironment, type FileJob, type FileResult } from './check-file.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './worker.ts';

/** Files per message: big enough that messaging is noise, small enough that both sides finish together. */
export const CHUNK_SIZE = 48;
/**
 * A worker's heap limits (old and young generation). It keeps the schemas, the known ids (about 20 MB at 100,000
 * articles), the registry facts and the index of registered names the coverage rule searches (about 40 MB at 100,000
 * articles with 71,547 entities), and the chunk at hand, so tight limits make it collect garbage early instead of
 * growing towards V8's defaults, which would cost peak memory (and, measured, CPU time) for nothing. 80 MB, enough
 * before the coverage rule, ran out at 100,000 articles.
 */
const WORKER_OLD_SPACE_MB = 160;
const WORKER_YOUNG_SPACE_MB = 4;
/** Chunks a worker holds at once, so it never waits for the main thread to hand it the next one. */
const IN_FLIGHT = 2;

export interface PoolOptions {
  /** Worker threads (0: everything on the main thread). */
  workers: number;
  /**
   * What the main thread checks: `all` (take chunks like a worker), `warm-up` (only until every worker is ready,
   * so its own heap stays small; the default) or `none` (only what a failed worker hands back; for tests).
   */
  mainThread?: 'all' | 'warm-up' | 'none' | undefined;
  /** What each worker needs to rebuild the environment (rules go by name); only called when workers start. */
  setup: () => WorkerSetup;
  /**
   * For a consumer that takes the results in queue order (the build's publisher), so they never pile up: only jobs
   * before `limit()` (a position in the queue) are handed out; the others wait until `onWake`'s callback is called.
   */
  throttle?: { limit(): number; onWake(wake: () => void): void } | undefined;
}

/**
 * Checks every job, calling `onResult` for each as it comes. The workers are started first, so their start-up
 * (loading modules, compiling schemas) overlaps with the main thread's own `environment()`.
 */
export async function checkFiles(
  jobs: readonly FileJob[],
  environment: () => CheckEnvironment,
  options: PoolOptions,
  onResult: (result: FileResult) => void,
): Promise<{ byWorkers: number }> {
  let byWorkers = 0;
  const chunks: FileJob[][] = [];
  for (let i = 0; i < jobs.length; i += CHUNK_SIZE) chunks.push(jobs.slice(i, i + CHUNK_SIZE));
  /** Chunks given back by a failed worker, taken before the queue. */
  const returned: FileJob[][] = [];
  let next = 0;
  const { throttle } = options;
  const take = (): FileJob[] | undefined =>
    returned.pop() ??
    (next < chunks.length && (!throttle || next * CHUNK_SIZE < throttle.limit()) ? chunks[next++] : undefined);
  /** Nothing left to hand out (otherwise `take` may be only held back by the throttle). */
  const exhausted = () => returned.length === 0 && next >= chunks.length;
  /** Who waits for the throttle (or for chunks a failed worker hands back): called, once each, on the next wake. */
  let waiting: Array<() => void> = [];
  const wake = () => {
    const called = waiting;
    waiting = [];
    for (const f of called) f();
  };
  throttle?.onWake(wake);
  const woken = () => new Promise<void>((resolve) => waiting.push(resolve));

  const workers = chunks.length > 1 ? Math.min(options.workers, chunks.length - 1) : 0;
  const finished: Array<Promise<void>> = [];
  const setup = workers > 0 ? options.setup() : null;
  /** Stops each worker that holds no chunk (one still starting when the queue runs dry is not waited for). */
  const releases: Array<() => void> = [];
  /** Workers that have started and asked for work. */
  let ready = 0;
  for (let w = 0; w < workers; w++) {
    finished.push(
      new Promise<void>((resolve) => {
        const worker = typeScriptWorker(new URL('./worker.ts', import.meta.url), {
          workerData: setup,
          resourceLimits: {
            maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB,
            maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MB,
          },
        });
        const held: FileJob[][] = [];
        let done = false;
        const stop = () => {
          if (done) return;
          done = true;
          returned.push(...held.splice(0));
          void worker.terminate();
          resolve();
          wake();
        };
        const feed = () => {
          while (held.length < IN_FLIGHT) {
            const chunk = take();
            if (chunk === undefined) break;
            held.push(chunk);
            worker.postMessage(chunk satisfies ToWorker);
          }
          if (held.length === 0 && !exhausted()) {
            waiting.push(() => {
              if (!done) feed();
            });
            return;
          }
          if (held.length === 0) {
            worker.postMessage(null satisfies ToWorker);
            done = true;
            resolve();
          }
        };
        releases.push(() => {
          if (held.length === 0 && exhausted()) stop();
        });
        worker.on('message', (message: FromWorker) => {
          if ('ready' in message) ready++;
          if ('results' in message) {
            held.shift();
            byWorkers += message.results.length;
            for (const result of message.results) onResult(result);
          }
          if (!done) feed();
        });
        // A worker that dies gives its chunks back; the main thread checks them (and meets the same error, if any).
        worker.on('error', stop);
        worker.on('exit', stop);
      }),
    );
  }

  const env = environment();
  // The main thread works through the queue too, yielding between chunks so worker messages are handled; then it
  // waits for the workers, and checks whatever chunks a failed worker handed back.
  const mainThread = workers === 0 ? 'all' : (options.mainThread ?? 'warm-up');
  if (mainThread !== 'none') {
    while (!(mainThread === 'warm-up' && ready === workers)) {
      const chunk = take();
      if (chunk === undefined && exhausted()) break;
      if (chunk === undefined) await woken();
      else {
        for (const job of chunk) onResult(checkFile(job, env));
        await nextTurn();
      }
    }
    // The queue is empty (or the workers have it): a worker still starting up has nothing left to do.
    for (const release of releases) release();
  }
  await Promise.all(finished);
  for (let chunk = take(); chunk !== undefined || !exhausted(); chunk = take()) {
    if (chunk === undefined) await woken();
    else for (const job of chunk) onResult(checkFile(job, env));
  }
  return { byWorkers };
}
