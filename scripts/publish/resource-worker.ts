/**
 * Runs the extra resource writers (resources.ts: the annotation-tool exports) on a thread of their own, started as
 * soon as the JSON Lines files they read are complete, so they overlap with the tables thread finishing the SQLite
 * database and with the Parquet files. They write through their own `OutputDir`; the publishing thread adds the
 * files they wrote to its list (for SHA256SUMS and datapackage.json) once they are done.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { PublicationInfo } from '../../types/index.ts';
import { typeScriptWorker } from '../lib/worker.ts';
import { OutputDir, type FileListData } from './output.ts';
import { RESOURCE_WRITERS, type ExtraResource } from './resources.ts';
import { tableModel } from './table-model.ts';
import { firstMessage } from './worker-result.ts';

/**
 * The thread's heap limit. The annotation exports hold the registries (the entities with their names and aliases)
 * and one article at a time; a low limit makes V8 collect garbage early, which keeps the build's peak memory down.
 */
const RESOURCE_HEAP_MB = 192;

interface Setup {
  outDir: string;
  rootDir: string;
  info: PublicationInfo;
}

type Result = { ok: true; files: FileListData; resources: ExtraResource[] } | { ok: false; error: string };

/** Starts the writers; resolves with the files they wrote and the resources to list in datapackage.json. */
export async function writeResourcesInWorker(
  setup: Setup,
): Promise<{ files: FileListData; resources: ExtraResource[] }> {
  const worker = typeScriptWorker(import.meta.url, {
    workerData: { resources: setup },
    resourceLimits: { maxOldGenerationSizeMb: RESOURCE_HEAP_MB },
  });
  const result = await firstMessage<Result>(worker, 'resource writers’').finally(() => void worker.terminate());
  if (!result.ok) throw new Error(`writing the extra resources failed: ${result.error}`);
  return result;
}

// The worker's side ------------------------------------------------------------------------------------------------

const setup = (workerData as { resources?: Setup } | undefined)?.resources;
if (parentPort && setup) {
  const port = parentPort;
  (async (): Promise<Result> => {
    const out = new OutputDir(setup.outDir);
    const model = tableModel(join(setup.rootDir, 'schemas'));
    const resources: ExtraResource[] = [];
    for (const writer of RESOURCE_WRITERS)
      resources.push(...(await writer.write({ out, model, info: setup.info, rootDir: setup.rootDir })));
    return { ok: true, files: out.written(), resources };
  })().then(
    (result) => port.postMessage(result),
    (error: unknown) =>
      port.postMessage({
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies Result),
  );
}
