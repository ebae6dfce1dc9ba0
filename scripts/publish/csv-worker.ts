/**
 * The tables (CSV files and the SQLite database), written on a second thread: the publishing thread writes each
 * record's JSON (and an article's own file), this worker turns the record into the table model's rows, written as
 * CSV text and SQLite rows.
 * Records arrive in build order, so the files are the same as on one thread.
 *
 * Flow control is synchronous on the main thread: `SharedState` counts the articles the worker has finished, and the
 * main thread waits (Atomics.wait) when it is too far ahead, so memory stays bounded. A failure in the worker is
 * reported through the result, never left hanging: the main thread waits in one-second slices and re-checks, and
 * `close()` waits for the result or the worker's exit.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort, type Worker } from 'node:worker_threads';
import { threadError, typeScriptWorker } from '../lib/worker.ts';
import type { PublishedArticle } from '../../types/index.ts';
import { OutputDir, type FileListData } from './output.ts';
import type { Collection } from '../lib/collections.ts';
import { CsvTables } from './csv.ts';
import { RowMaker, tableModel } from './table-model.ts';
import { SqliteTables, type SqliteMeta } from './sqlite.ts';

/** How many records the main thread may be ahead of the worker. */
const MAX_IN_FLIGHT = 256;
/**
 * The worker's heap limit. It holds one record, the write buffers (about 20 MB) and the SQLite writer's pending rows;
 * a low limit makes V8 collect garbage early instead of letting the heap grow, which keeps the build's peak memory
 * down. 96 MB was too low at 100,000 articles: the worker
 * stopped while the registries were written (the stall below), so the limit leaves room for twice that.
 */
const WORKER_HEAP_MB = 192;
/** How long the worker may make no progress before the build gives up (it died, say, out of memory). */
const STALL_MS = 120_000;

type Message = { kind: 'record'; collection: Collection; json: string } | { kind: 'close' };
type Result = { ok: true; files: FileListData; tables: [string, number][] } | { ok: false; error: string };

interface Setup {
  outDir: string;
  schemaDir: string;
  sqlite: SqliteMeta;
  state: SharedArrayBuffer;
  results: MessagePort;
}

// Int32 slots of the shared state.
const DONE = 0; // records processed
const FINISHED = 1; // 1 when the result has been posted

/** The main thread's side: send records, then `close()` to get the files written and each table's row count. */
export class CsvThread {
  readonly #worker: Worker;
  readonly #state = new Int32Array(new SharedArrayBuffer(8));
  readonly #results: MessagePort;
  #sent = 0;

  /** Starts the worker and resolves once it has loaded (a worker cannot start while the main thread blocks). */
  static async start(outDir: string, schemaDir: string, sqlite: SqliteMeta): Promise<CsvThread> {
    const thread = new CsvThread({ outDir, schemaDir, sqlite });
    await new Promise<void>((resolve, reject) => {
      thread.#worker.once('message', () => resolve());
      thread.#worker.once('error', reject);
    });
    return thread;
  }

  private constructor(options: Pick<Setup, 'outDir' | 'schemaDir' | 'sqlite'>) {
    const { port1, port2 } = new MessageChannel();
    this.#results = port1 as unknown as MessagePort;
    const setup: Setup = {
      ...options,
      state: this.#state.buffer as SharedArrayBuffer,
      results: port2 as unknown as MessagePort,
    };
    // The worker runs this TypeScript file (see ../lib/worker.ts).
    this.#worker = typeScriptWorker(import.meta.url, {
      workerData: setup,
      transferList: [port2 as never],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
  }

  /** Queues one record (already serialised); waits while the worker is too far behind. An article also gets its own file. */
  add(collection: Collection, json: string): void {
    this.#worker.postMessage({ kind: 'record', collection, json } satisfies Message);
    this.#sent++;
    this.#waitUntil(() => this.#sent - Atomics.load(this.#state, DONE) <= MAX_IN_FLIGHT, DONE);
  }

  /**
   * Ends the input and waits for the worker's result. Finishing can take long at scale (the SQLite database's
   * indexes and full-text indexes) with no progress the stall check could see, so this waits for the result,
   * or for the worker's exit or error, asynchronously instead.
   */
  async close(): Promise<{ files: FileListData; tables: Map<string, number> }> {
    this.#worker.postMessage({ kind: 'close' } satisfies Message);
    const results = this.#results;
    const result = await new Promise<Result>((resolve) => {
      results.once('message', (message: Result) => resolve(message));
      this.#worker.once('error', (error) =>
        resolve({ ok: false, error: threadError('tables thread', error, WORKER_HEAP_MB).message }),
      );
      this.#worker.once('exit', (code) => {
        const late = receiveMessageOnPort(results)?.message as Result | undefined;
        resolve(late ?? { ok: false, error: `the CSV worker exited (code ${code}) without a result` });
      });
    });
    results.close();
    void this.#worker.terminate();
    if (!result.ok) throw new Error(`the CSV worker failed: ${result.error}`);
    return { files: result.files, tables: new Map(result.tables) };
  }

  /** Blocks until `ready()` or the worker has finished; fails when the watched slot stops changing. */
  #waitUntil(ready: () => boolean, slot: number): void {
    let lastChange = Date.now();
    for (;;) {
      if (Atomics.load(this.#state, FINISHED) === 1 || ready()) return;
      const seen = Atomics.load(this.#state, slot);
      if (Atomics.wait(this.#state, slot, seen, 1000) !== 'timed-out') lastChange = Date.now();
      else if (Date.now() - lastChange > STALL_MS) {
        void this.#worker.terminate();
        throw new Error(
          `the CSV worker made no progress for ${STALL_MS / 1000} s (it may have run out of memory: its heap is capped at ${WORKER_HEAP_MB} MB)`,
        );
      }
    }
  }
}

// The worker's side ------------------------------------------------------------------------------------------------

if (parentPort && (workerData as Setup | undefined)?.state) {
  const { outDir, schemaDir, sqlite: sqliteMeta, state: buffer, results } = workerData as Setup;
  const port = parentPort;
  const state = new Int32Array(buffer);
  const out = new OutputDir(outDir);
  const model = tableModel(schemaDir);
  const rows = new RowMaker(model);
  const csv = new CsvTables(model.tables, out);
  let failed = false;
  const finish = (result: Result) => {
    failed = !result.ok;
    results.postMessage(result);
    Atomics.store(state, FINISHED, 1);
    Atomics.notify(state, FINISHED);
    Atomics.notify(state, DONE);
  };
  let sqlite: SqliteTables | undefined;
  try {
    sqlite = new SqliteTables(model.tables, out);
  } catch (error) {
    finish({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  port.postMessage('ready');
  port.on('message', (message: Message) => {
    if (failed || !sqlite) return;
    try {
      if (message.kind === 'close') {
        const tables = csv.close();
        sqlite.finish(sqliteMeta);
        finish({ ok: true, files: out.written(), tables: [...tables] });
        return;
      }
      const record = JSON.parse(message.json) as PublishedArticle;
      rows.rows(message.collection, record, (table, tableRows) => {
        csv.add(table, tableRows);
        sqlite.add(table, tableRows);
      });
      Atomics.add(state, DONE, 1);
      Atomics.notify(state, DONE);
    } catch (error) {
      finish({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
