/**
 * Which fields of a record changed between two versions: a pure, structural comparison of parsed JSON.
 * Paths read like the data dictionary's: `headline.text`, `body[2].text`, `annotations.mentions[id=m3].entity`.
 */
import { isDeepStrictEqual } from 'node:util';

const isObject = (value: unknown): value is { [key: string]: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Items of a list are matched by their `id` when every item has a distinct string id (annotations do). */
function idsOf(items: unknown[]): string[] | null {
  const ids = items.map((item) => (isObject(item) && typeof item.id === 'string' ? item.id : null));
  if (ids.some((id) => id === null)) return null;
  return new Set(ids).size === ids.length ? (ids as string[]) : null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Structural equality of two JSON values (key order ignored). */
export const jsonEqual = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b);

/**
 * The paths at which `before` and `after` differ, as deep as the change can be pinned down: a list that gained or
 * lost items is reported as a whole (`body (5 → 6 items)`), unless its items carry ids, in which case each added,
 * removed or changed item is named by its id.
 */
export function changedPaths(before: unknown, after: unknown, path = ''): string[] {
  if (jsonEqual(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      if (!(key in before)) return [`${join(path, key)} (added)`];
      if (!(key in after)) return [`${join(path, key)} (removed)`];
      return changedPaths(before[key], after[key], join(path, key));
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeIds = idsOf(before);
    const afterIds = idsOf(after);
    if (beforeIds && afterIds) {
      const beforeById = new Map(beforeIds.map((id, i) => [id, before[i]]));
      const afterById = new Map(afterIds.map((id, i) => [id, after[i]]));
      const out: string[] = [];
      for (const id of beforeIds) {
        const itemPath = `${path}[id=${id}]`;
        if (!afterById.has(id)) out.push(`${itemPath} (removed)`);
        else out.push(...changedPaths(beforeById.get(id), afterById.get(id), itemPath));
      }
      for (const id of afterIds) if (!beforeById.has(id)) out.push(`${path}[id=${id}] (added)`);
      // Same items, new order.
      if (out.length === 0) out.push(`${path} (reordered)`);
      return out;
    }
    if (before.length !== after.length) return [`${path} (${before.length} → ${after.length} items)`];
    return before.flatMap((item, i) => changedPaths(item, after[i], `${path}[${i}]`));
  }
  return [path || '(whole record)'];
}
