/**
 * Views of the known ids and of the registry facts that record every question a record's rules ask of them (`has`,
 * `get`), so a result cached for a file (./result-cache.ts) is reused only while every answer is still the same.
 * Anything else (iterating, `size`) cannot be replayed, and marks the result as not reusable. A registry question
 * is kept as `=collection/id` NUL and the facts' text (./registry.ts `factsText`): its answer is that text.
 */
import type { Collection } from '../lib/collections.ts';
import type { KnownIds } from './rule.ts';
import { factsText, type Registry } from './registry.ts';

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

/** A registry map that records each id looked up, with the facts it gave. */
class RecordingMap<V extends object> implements ReadonlyMap<string, V> {
  constructor(
    private readonly collection: 'entities' | 'outlets',
    private readonly inner: ReadonlyMap<string, V>,
    private readonly lookups: Lookups,
  ) {}

  get(id: string): V | undefined {
    const value = this.inner.get(id);
    this.lookups.present.push(`=${this.collection}/${id}\0${factsText(value as Parameters<typeof factsText>[0])}`);
    return value;
  }
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  #whole(): ReadonlyMap<string, V> {
    this.lookups.opaque = true;
    return this.inner;
  }

  get size(): number {
    return this.#whole().size;
  }
  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    this.#whole().forEach(callback, thisArg);
  }
  entries(): MapIterator<[string, V]> {
    return this.#whole().entries();
  }
  keys(): MapIterator<string> {
    return this.#whole().keys();
  }
  values(): MapIterator<V> {
    return this.#whole().values();
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.#whole()[Symbol.iterator]();
  }
}

/** The registry as one file's rules see it, recording into `lookups`. */
export function recordingRegistry(registry: Registry, lookups: Lookups): Registry {
  return { entities: new RecordingMap('entities', registry.entities, lookups), outlets: new RecordingMap('outlets', registry.outlets, lookups) };
}

/** The answer a registry question (`=collection/id` NUL facts text) gets from `registry` now: whether the facts are the same. */
export function sameFacts(key: string, registry: Registry): boolean {
  const slash = key.indexOf('/');
  const nul = key.indexOf('\0', slash);
  const map = key.slice(1, slash) === 'outlets' ? registry.outlets : registry.entities;
  return factsText(map.get(key.slice(slash + 1, nul)) as Parameters<typeof factsText>[0]) === key.slice(nul + 1);
}

/** The known ids as one file's rules see them, and the record of what they asked. */
export function recordingKnown(known: KnownIds): { known: KnownIds; lookups: Lookups } {
  const lookups: Lookups = { present: [], absent: [] };
  const view = {} as Record<Collection, ReadonlySet<string>>;
  for (const collection of Object.keys(known) as Collection[]) view[collection] = new RecordingSet(collection, known[collection], lookups);
  return { known: view, lookups };
}

/** Whether every recorded question still gets the same answer. */
export function sameAnswers(lookups: Lookups, known: KnownIds, registry: Registry): boolean {
  if (lookups.opaque) return false;
  const has = (key: string) => {
    if (key.startsWith('=')) return sameFacts(key, registry);
    const slash = key.indexOf('/');
    return known[key.slice(0, slash) as Collection].has(key.slice(slash + 1));
  };
  for (const key of lookups.present) if (!has(key)) return false;
  for (const key of lookups.absent) if (has(key)) return false;
  return true;
}
