/**
 * Every id a record refers to, with where: shared by the `references` rule and the runner's summary. Which fields
 * are references is declared once, in the types (scripts/lib/references.ts).
 */
import type { Collection, CollectionRecords } from '../lib/collections.ts';
import { collectionReferences, type ReferenceTarget } from '../lib/references.ts';

export interface Reference {
  /** The collection the id must be found in. */
  collection: ReferenceTarget;
  id: string;
  pointer: string;
}

/** Each record's references, computed once: the runner's summary and the `references` rule both ask. */
const computed = new WeakMap<object, Reference[]>();

/** The references a record makes, field by field. Assumes a schema-valid record. Do not modify the result. */
export function referencesOf<C extends Collection>(collection: C, record: CollectionRecords[C]): Reference[] {
  let refs = computed.get(record);
  if (refs === undefined) {
    refs = [];
    for (const { path, target } of collectionReferences(collection)) collect(record, path, 0, '', target, refs);
    computed.set(record, refs);
  }
  return refs;
}

function collect(
  value: unknown,
  path: readonly string[],
  at: number,
  pointer: string,
  target: ReferenceTarget,
  refs: Reference[],
): void {
  if (at === path.length) {
    if (typeof value === 'string') refs.push({ collection: target, id: value, pointer });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const key = path[at]!;
  if (key === '-') {
    if (Array.isArray(value)) value.forEach((item, i) => collect(item, path, at + 1, `${pointer}/${i}`, target, refs));
  } else collect((value as Record<string, unknown>)[key], path, at + 1, `${pointer}/${key}`, target, refs);
}
