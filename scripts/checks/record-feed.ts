/**
 * Handing the build's publisher each record as validation checks it (the build reads and parses every file once).
 * The publisher takes the records in its own order: articles by file name, then entities, outlets and redirects by
 * id. The runner queues the files in that order; results come back in any order, so `FeedOrder` holds each until
 * those before it have come, and the pool's throttle keeps the runner at most FEED_WINDOW records ahead of the
 * publisher, so memory holds a window of records, never the corpus.
 */
import type { Collection } from '../lib/collections.ts';
import type { FileJob, FileResult, PublishedRecord } from './check-file.ts';

/** Records the runner may have queued beyond those the consumer has finished with (several chunks per worker). */
export const FEED_WINDOW = 1024;

/** Who takes the records: the build's publishing thread (scripts/publish/publish-worker.ts). */
export interface RecordFeed {
  /** The next records, in publish order, all of one collection. */
  push(collection: Collection, records: PublishedRecord[]): void;
  /** Every record has been pushed. */
  end(): void;
  /** A file has an error, so nothing will be published: the consumer may stop. No more records come. */
  abandon(): void;
  /** How many records the consumer has finished with. */
  consumed(): number;
  /** `wake` is called whenever `consumed` grows, and when the consumer stops. */
  onProgress(wake: () => void): void;
  /** False once the consumer has stopped (it failed or was abandoned): it takes no more. */
  open(): boolean;
}

/** The publish order of record files: articles first (layout order: by file name), then each registry by id. */
export function publishOrder(jobs: readonly FileJob[]): FileJob[] {
  const rank: Record<Collection, number> = { articles: 0, entities: 1, outlets: 2, redirects: 3 };
  const byId = (a: FileJob, b: FileJob) =>
    rank[a.collection] - rank[b.collection] ||
    (a.collection === 'articles' ? 0 : a.fileId < b.fileId ? -1 : a.fileId > b.fileId ? 1 : 0);
  // Array.prototype.sort is stable: articles keep the layout's (file name) order.
  return [...jobs].sort(byId);
}

/** Puts results back in queue order and pushes them to the feed as soon as all before them have come. */
export class FeedOrder {
  readonly #queue: readonly FileJob[];
  readonly #feed: RecordFeed;
  /** Queue position of each job, by job index. */
  readonly #position: Int32Array;
  readonly #arrived = new Map<number, PublishedRecord>();
  #next = 0;
  #feeding = true;
  #scheduled = false;

  constructor(queue: readonly FileJob[], feed: RecordFeed) {
    this.#queue = queue;
    this.#feed = feed;
    this.#position = new Int32Array(queue.reduce((n, job) => Math.max(n, job.index + 1), 0));
    queue.forEach((job, position) => (this.#position[job.index] = position));
  }

  /** The pool's throttle: hand out jobs only up to FEED_WINDOW records past what the consumer has finished with. */
  throttle() {
    return {
      limit: () => (this.#feeding && this.#feed.open() ? this.#feed.consumed() + FEED_WINDOW : Infinity),
      onWake: (wake: () => void) => this.#feed.onProgress(wake),
    };
  }

  take(result: FileResult): void {
    if (!this.#feeding) return;
    if (result.published === undefined) {
      // A file with an error: the build publishes nothing, so the publisher need not go on.
      this.#feeding = false;
      this.#arrived.clear();
      this.#feed.abandon();
      return;
    }
    this.#arrived.set(this.#position[result.index]!, result.published);
    // Results come a chunk at a time: pushed once the chunk is in, so the publisher gets few, larger messages.
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(() => this.#drain());
    }
  }

  #drain(): void {
    this.#scheduled = false;
    if (!this.#feeding) return;
    let batch: PublishedRecord[] = [];
    let collection: Collection | undefined;
    for (let record = this.#arrived.get(this.#next); record !== undefined; record = this.#arrived.get(this.#next)) {
      this.#arrived.delete(this.#next);
      const of = this.#queue[this.#next++]!.collection;
      if (of !== collection && batch.length > 0) {
        this.#feed.push(collection!, batch);
        batch = [];
      }
      collection = of;
      batch.push(record);
    }
    if (batch.length > 0) this.#feed.push(collection!, batch);
  }

  /** Every result has come: the feed has them all (unless a file had an error). */
  end(): void {
    this.#drain();
    if (this.#feeding) this.#feed.end();
  }
}
