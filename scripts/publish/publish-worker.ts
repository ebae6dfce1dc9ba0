/**
 * Runs `publish` on a worker thread with a capped heap. The build validates first, on the main thread, whose heap
 * then holds whatever validation left behind; publishing on a fresh, capped heap keeps the build's peak memory
 * bounded: V8 collects the publisher's garbage early instead of letting the heap grow to its default limit
 * (several GB on a large machine). The publisher streams every record, so its live data is small whatever the size
 * of the corpus: the list of files written (for SHA256SUMS), a record, and the write buffers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { typeScriptWorker } from '../start/worker.ts';
import { firstMessage } from './worker-result.ts';
import { publish, type PublishOptions, type PublishSummary } from './publish.ts';

/**
 * The publishing thread's heap limit. Its live data is one record and the write buffers (a few MB, whatever the
 * size of the corpus); the CSV thread, which also writes the per-article files, has its own limit (csv-worker.ts).
 */
const PUBLISH_HEAP_MB = 64;

type Result =
  | { ok: true; summary: Omit<PublishSummary, 'tables'> & { tables: [string, number][] } }
  | { ok: false; error: string };

/** `publish(options)` on a worker thread with a heap of at most `PUBLISH_HEAP_MB`; rejects when it fails. */
export function publishInWorker(options: PublishOptions): Promise<PublishSummary> {
  // The worker runs this TypeScript file (see ../start/worker.ts).
  const worker = typeScriptWorker(import.meta.url, {
    workerData: { publishOptions: options },
    resourceLimits: { maxOldGenerationSizeMb: PUBLISH_HEAP_MB },
  });
  return firstMessage<Result>(worker, 'publishing').then((result) => {
    if (result.ok) return { ...result.summary, tables: new Map(result.summary.tables) };
    throw new Error(`publishing failed: ${result.error}`);
  });
}

// The worker's side ------------------------------------------------------------------------------------------------

const setup = workerData as { publishOptions?: PublishOptions } | undefined;
if (parentPort && setup?.publishOptions) {
  const port = parentPort;
  publish(setup.publishOptions).then(
    (summary) => port.postMessage({ ok: true, summary: { ...summary, tables: [...summary.tables] } } satisfies Result),
    (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Result),
  );
}
