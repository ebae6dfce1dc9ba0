/**
 * Runs `publish` on a worker thread with a capped heap, fed as the build validates: the validator hands over each
 * record it has read, checked and serialised (scripts/checks/record-feed.ts), so the publisher reads no record file
 * and publishing overlaps with validation. A capped heap makes V8 collect the publisher's garbage early instead of
 * letting the heap grow to its default limit (several GB on a large machine). The publisher streams every record,
 * so its live data is small whatever the size of the corpus: a batch of records and the write buffers (the list of
 * files written, for SHA256SUMS, is kept outside the heap: output.ts `FileList`); the feed stays a bounded window
 * ahead of it.
 */
import { parentPort, workerData, type Worker } from 'node:worker_threads';
import { threadError, typeScriptWorker } from '../lib/worker.ts';
import { publish, type PublishOptions, type PublishSummary, type RecordBatch } from './publish.ts';
import type { CompiledFile } from './compile.ts';
import type { Collection } from '../lib/collections.ts';
import type { PublishedRecord } from './publish.ts';

/**
 * The publishing thread's heap limit. Its live data is a batch of records and the write buffers (a few MB), and at
 * the end the metadata. A 100,000-article build ran out of memory twice in a capped thread, most likely this one
 * (64 MB, then 256 MB), while the list of written files was a list of objects on the heap (600,101 files at 100,000
 * articles); with that list outside the heap (output.ts `FileList`), a 100,000-article build finishes.
 */
const PUBLISH_HEAP_MB = 256;

type Setup = Omit<PublishOptions, 'packageRuntime' | 'onRecordsWritten'>;
type ToPublisher =
  { kind: 'records'; batch: RecordBatch } | { kind: 'end' } | { kind: 'runtime'; files: readonly CompiledFile[] };
type FromPublisher =
  | { kind: 'progress'; published: number }
  | { kind: 'records-written' }
  | { kind: 'result'; ok: true; summary: Omit<PublishSummary, 'tables'> & { tables: [string, number][] } }
  | { kind: 'result'; ok: false; error: string };

/** The build's side: a `RecordFeed` for the validator, then `finish` with the package runtime. */
export class PublishThread {
  readonly #worker: Worker;
  readonly #result: Promise<PublishSummary>;
  /** Resolves once index.json and the JSON Lines files are complete; rejects if publishing fails first. */
  readonly recordsWritten: Promise<void>;
  #recordsWritten: () => void = () => {};
  #published = 0;
  #open = true;
  readonly #wakes: Array<() => void> = [];

  constructor(options: Setup) {
    // The worker runs this TypeScript file (see ../lib/worker.ts).
    this.#worker = typeScriptWorker(import.meta.url, {
      workerData: { publish: options } satisfies { publish: Setup },
      resourceLimits: { maxOldGenerationSizeMb: PUBLISH_HEAP_MB },
    });
    this.#result = new Promise<PublishSummary>((resolve, reject) => {
      let settled = false;
      const settle = () => {
        settled = true;
        this.#stopped();
      };
      this.#worker.on('message', (message: FromPublisher) => {
        if (message.kind === 'progress') {
          this.#published = message.published;
          for (const wake of this.#wakes) wake();
          return;
        }
        if (message.kind === 'records-written') return this.#recordsWritten();
        settle();
        if (message.ok) resolve({ ...message.summary, tables: new Map(message.summary.tables) });
        else reject(new Error(`publishing failed: ${message.error}`));
      });
      this.#worker.on('error', (error) => {
        settle();
        reject(threadError('publishing thread', error, PUBLISH_HEAP_MB));
      });
      this.#worker.on('exit', (code) => {
        if (!settled) reject(new Error(`the publishing thread exited (code ${code}) without a result`));
        settle();
      });
    });
    // Abandoned, the result is never asked for: its rejection is expected.
    this.#result.catch(() => {});
    this.recordsWritten = Promise.race([
      new Promise<void>((resolve) => (this.#recordsWritten = resolve)),
      this.#result.then(() => {}),
    ]);
    this.recordsWritten.catch(() => {});
  }

  #stopped(): void {
    if (!this.#open) return;
    this.#open = false;
    for (const wake of this.#wakes) wake();
  }

  push(collection: Collection, records: PublishedRecord[]): void {
    if (this.#open) this.#worker.postMessage({ kind: 'records', batch: { collection, records } } satisfies ToPublisher);
  }

  end(): void {
    if (this.#open) this.#worker.postMessage({ kind: 'end' } satisfies ToPublisher);
  }

  abandon(): void {
    this.#stopped();
    void this.#worker.terminate();
  }

  consumed(): number {
    return this.#published;
  }

  onProgress(wake: () => void): void {
    this.#wakes.push(wake);
  }

  open(): boolean {
    return this.#open;
  }

  /** Hands over the package runtime (compiled once validation has passed) and waits for the published summary. */
  finish(packageRuntime: readonly CompiledFile[]): Promise<PublishSummary> {
    if (this.#open) this.#worker.postMessage({ kind: 'runtime', files: packageRuntime } satisfies ToPublisher);
    return this.#result;
  }

  /** Stops the thread (and the threads it started) and waits until it has, so it writes nothing more. */
  async stop(): Promise<void> {
    this.#stopped();
    await this.#worker.terminate();
  }
}

// The worker's side ------------------------------------------------------------------------------------------------

const setup = workerData as { publish?: Setup } | undefined;
if (parentPort && setup?.publish) {
  const port = parentPort;
  const batches: Array<RecordBatch | null> = [];
  let waiting: ((batch: RecordBatch | null) => void) | null = null;
  let runtime: (files: readonly CompiledFile[]) => void = () => {};
  const packageRuntime = new Promise<readonly CompiledFile[]>((resolve) => (runtime = resolve));
  port.on('message', (message: ToPublisher) => {
    if (message.kind === 'runtime') return runtime(message.files);
    const batch = message.kind === 'records' ? message.batch : null;
    if (waiting) {
      const deliver = waiting;
      waiting = null;
      deliver(batch);
    } else batches.push(batch);
  });
  const source = {
    next: () =>
      batches.length > 0
        ? Promise.resolve(batches.shift()!)
        : new Promise<RecordBatch | null>((resolve) => (waiting = resolve)),
    done: (published: number) => port.postMessage({ kind: 'progress', published } satisfies FromPublisher),
  };
  const onRecordsWritten = () => port.postMessage({ kind: 'records-written' } satisfies FromPublisher);
  publish({ ...setup.publish, packageRuntime, onRecordsWritten }, source)
    .then(
      (summary) =>
        port.postMessage({
          kind: 'result',
          ok: true,
          summary: { ...summary, tables: [...summary.tables] },
        } satisfies FromPublisher),
      (error: unknown) =>
        port.postMessage({
          kind: 'result',
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies FromPublisher),
    )
    // Nothing more comes: the thread may end.
    .finally(() => port.unref());
}
