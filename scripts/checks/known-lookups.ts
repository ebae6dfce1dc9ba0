/**
 * A view of the known ids that records every question a record's rules ask of it (`has`), so a result cached for a
 * file (./result-cache.ts) is reused only while every answer is still the same. Anything but `has` (iterating,
 * `size`) cannot be replayed, and marks the result as not reusable.
 */
import type { Collection } from '../lib/collections.ts';
import type { KnownIds } from './rule.ts';

/** The questions asked while checking one file: `collection/id` keys, by answer. */
export interface Lookups {
  present: string[];
  absent: string[];
  /** Set when a rule did more than ask `has`: the result depends on the known ids as a whole. */
  opaque?: true;
}

class RecordingSet implements ReadonlySet<string> {
  constructor(
    private readonly collection: Collection,
    private readonly inner: ReadonlySet<string>,
    private readonly lookups: Lookups,
  ) {}

  has(id: string): boolean {
    const answer = this.inner.has(id);
    (answer ? this.lookups.present : this.lookups.absent).push(`${this.collection}/${id}`);
    return answer;
  }

  #whole(): ReadonlySet<string> {
    this.lookups.opaque = true;
    return this.inner;
  }

  get size(): number {
    return this.#whole().size;
  }
  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    this.#whole().forEach(callback, thisArg);
  }
  entries(): SetIterator<[string, string]> {
    return this.#whole().entries();
  }
  keys(): SetIterator<string> {
    return this.#whole().keys();
  }
  values(): SetIterator<string> {
    return this.#whole().values();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.#whole()[Symbol.iterator]();
  }
}

/** The known ids as one file's rules see them, and the record of what they asked. */
export function recordingKnown(known: KnownIds): { known: KnownIds; lookups: Lookups } {
  const lookups: Lookups = { present: [], absent: [] };
  const view = {} as Record<Collection, ReadonlySet<string>>;
  for (const collection of Object.keys(known) as Collection[])
    view[collection] = new RecordingSet(collection, known[collection], lookups);
  return { known: view, lookups };
}

/** Whether every recorded question still gets the same answer. */
export function sameAnswers(lookups: Lookups, known: KnownIds): boolean {
  if (lookups.opaque) return false;
  const has = (key: string) => {
    const slash = key.indexOf('/');
    return known[key.slice(0, slash) as Collection].has(key.slice(slash + 1));
  };
  for (const key of lookups.present) if (!has(key)) return false;
  for (const key of lookups.absent) if (has(key)) return false;
  return true;
}
