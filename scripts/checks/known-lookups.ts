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

/** `inner` with every `has` recorded; anything else (`size`, iterating) marks the lookups opaque. */
function recording(collection: Collection, inner: ReadonlySet<string>, lookups: Lookups): ReadonlySet<string> {
  const has = (id: string): boolean => {
    const answer = inner.has(id);
    (answer ? lookups.present : lookups.absent).push(`${collection}/${id}`);
    return answer;
  };
  return new Proxy(inner, {
    get(target, property) {
      if (property === 'has') return has;
      lookups.opaque = true;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/** The known ids as one file's rules see them, and the record of what they asked. */
export function recordingKnown(known: KnownIds): { known: KnownIds; lookups: Lookups } {
  const lookups: Lookups = { present: [], absent: [] };
  const view = {} as Record<Collection, ReadonlySet<string>>;
  for (const collection of Object.keys(known) as Collection[])
    view[collection] = recording(collection, known[collection], lookups);
  return { known: view, lookups };
}
