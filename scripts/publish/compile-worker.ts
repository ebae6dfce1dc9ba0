/**
 * Compiles the TypeScript the build ships (the npm package's runtime, the site's page script) on a worker thread:
 * the compiler's memory (a few hundred MB for a program with Node.js's types) goes when the thread ends, instead of
 * staying on the build's main thread through publishing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { typeScriptWorker } from '../lib/worker.ts';
import type { CompiledFile } from './compile.ts';
import { firstMessage } from './worker-result.ts';
import { compilePackageRuntime } from './package-runtime.ts';
import { compileSiteClient } from '../site/compile-client.ts';

export interface ShippedCode {
  packageRuntime: CompiledFile[];
  siteClient: CompiledFile[];
}

type Result = { ok: true; code: ShippedCode } | { ok: false; error: string };

export function compileInWorker(rootDir: string): Promise<ShippedCode> {
  const worker = typeScriptWorker(import.meta.url, { workerData: { compileRoot: rootDir } });
  return firstMessage<Result>(worker, 'compiling').then((result) => {
    if (result.ok) return result.code;
    throw new Error(result.error);
  });
}

// The worker's side ------------------------------------------------------------------------------------------------

const setup = workerData as { compileRoot?: string } | undefined;
if (parentPort && setup?.compileRoot) {
  try {
    const code: ShippedCode = {
      packageRuntime: compilePackageRuntime(setup.compileRoot),
      siteClient: compileSiteClient(setup.compileRoot),
    };
    parentPort.postMessage({ ok: true, code } satisfies Result);
  } catch (error) {
    parentPort.postMessage({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    } satisfies Result);
  }
}
