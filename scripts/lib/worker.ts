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
