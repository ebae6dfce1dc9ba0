/**
 * Starts a worker thread that runs a TypeScript module of this repository: a tiny bootstrap registers tsx in the
 * worker first, since a worker does not share the loader hooks of the thread that starts it.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function typeScriptWorker(module: URL | string, options: Omit<WorkerOptions, 'eval'>): Worker {
  const source = String(module);
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * A worker's error, saying which thread it was: a thread that runs out of its capped heap fails with
 * `ERR_WORKER_OUT_OF_MEMORY` and a message that names neither the thread nor its cap.
 */
export function threadError(thread: string, error: Error, heapCapMb?: number): Error {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return Object.assign(
      new Error(
        `the ${thread} ran out of ` +
          `memory${heapCapMb === undefined ? '' : ` (its heap is capped at ${heapCapMb} MB)`}: ${error.message}`,
      ),
      { code },
    );
  }
  return Object.assign(new Error(`the ${thread} failed: ${error.message}`, { cause: error }), { code });
}
