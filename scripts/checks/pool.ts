/**
 * One small, generic worker pool: `mapInParallel` hands chunks of jobs from one queue to worker threads (a module
 * that calls `serveJobs`), so a slow chunk never leaves a thread idle. The main thread works through the queue too
 * until every worker is ready, then only collects results. Results arrive in any order. A worker that dies hands its
 * chunks back to the main thread. On 2 cores it halves the validator's wall time at 20,000 articles and gains
 * nothing at 2,000 (./run.ts PARALLEL_MIN_FILES).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { typeScriptWorker } from '../lib/worker.ts';

/** Jobs per message: big enough that messaging is noise, small enough that all threads finish together. */
export const CHUNK_SIZE = 48;
/** Chunks a worker holds at once, so it never waits for the main thread to hand it the next one. */
const IN_FLIGHT = 2;

type FromWorker<R> = { ready: true } | { results: R[] };

export interface PoolOptions<S> {
  /** The worker module (it calls `serveJobs`). */
  module: URL;
  /** Worker threads (0: everything on the main thread). */
  workers: number;
  /** What each worker is started with (called only when workers start). */
  setup: () => S;
  /** `none`: the main thread only checks what a failed worker hands back (for tests). */
  mainThread?: 'warm-up' | 'none' | undefined;
}

/** Runs `run` (made by `local` on the main thread, by `serveJobs` in the workers) on every job. */
export async function mapInParallel<J, R, S>(
  jobs: readonly J[],
  local: () => (job: J) => R,
  options: PoolOptions<S>,
  onResult: (result: R) => void,
): Promise<{ byWorkers: number }> {
  const queue: J[][] = [];
  for (let i = jobs.length - CHUNK_SIZE; i > -CHUNK_SIZE; i -= CHUNK_SIZE)
    queue.push(jobs.slice(Math.max(i, 0), i + CHUNK_SIZE));
  const workers = queue.length > 1 ? Math.min(options.workers, queue.length - 1) : 0;
  const setup = workers > 0 ? options.setup() : undefined;
  let ready = 0;
  let byWorkers = 0;
  const finished = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve) => {
        const worker = typeScriptWorker(options.module, { workerData: setup });
        const held: J[][] = [];
        const stop = () => {
          queue.push(...held.splice(0));
          void worker.terminate();
          resolve();
        };
        worker.on('message', (message: FromWorker<R>) => {
          if ('ready' in message) ready++;
          else {
            held.shift();
            byWorkers += message.results.length;
            message.results.forEach(onResult);
          }
          while (held.length < IN_FLIGHT && queue.length > 0) worker.postMessage(held[held.push(queue.pop()!) - 1]);
          if (held.length === 0) stop();
        });
        worker.on('error', stop);
        worker.on('exit', stop);
      }),
  );
  const run = local();
  if (options.mainThread !== 'none') {
    for (let chunk = queue.pop(); chunk !== undefined; chunk = ready < workers ? queue.pop() : undefined) {
      chunk.forEach((job) => onResult(run(job)));
      await nextTurn();
    }
  }
  await Promise.all(finished);
  for (let chunk = queue.pop(); chunk !== undefined; chunk = queue.pop()) chunk.forEach((job) => onResult(run(job)));
  return { byWorkers };
}

/** In a worker module: runs each job it is sent with the function `make` builds from the pool's setup. */
export function serveJobs<J, R, S>(make: (setup: S) => (job: J) => R): void {
  const port = parentPort!;
  const run = make(workerData as S);
  port.on('message', (chunk: J[]) => port.postMessage({ results: chunk.map(run) } satisfies FromWorker<R>));
  port.postMessage({ ready: true } satisfies FromWorker<R>);
}
