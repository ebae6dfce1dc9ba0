/**
 * Starts a worker thread that runs a TypeScript module of this repository. Started through ./run.mjs (the npm
 * scripts), the worker runs the module's transpiled twin; otherwise (tsx, the tests) a tiny bootstrap registers tsx
 * in the worker first, since a worker does not share the loader hooks of the thread that starts it.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Set by ./run.mjs in the thread it starts. */
const start = (globalThis as { [key: symbol]: { compiledUrl(sourceUrl: string): string; runner: string } | undefined })[
  Symbol.for('annotated-news.start')
];

export function typeScriptWorker(module: URL | string, options: Omit<WorkerOptions, 'eval'>): Worker {
  const source = String(module);
  if (start) {
    const compiled = `import(${JSON.stringify(start.runner)}).then((run) => { run.markCompiled(); return import(${JSON.stringify(start.compiledUrl(source))}); })`;
    return new Worker(compiled, { ...options, eval: true });
  }
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
