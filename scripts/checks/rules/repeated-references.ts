import type { Issue, RecordRule } from '../rule.ts';
import { collectionIdLists } from '../../lib/references.ts';

/** Each list at `path` inside `value` (`-` for every item of a list), with its JSON pointer. */
function listsAt(value: unknown, path: readonly string[], pointer: string, out: Array<[string, unknown[]]>): void {
  if (value === null || typeof value !== 'object') return;
  if (path.length === 0) {
    if (Array.isArray(value)) out.push([pointer, value]);
    return;
  }
  const [key, ...rest] = path as [string, ...string[]];
  if (key === '-') {
    if (Array.isArray(value)) value.forEach((item, i) => listsAt(item, rest, `${pointer}/${i}`, out));
  } else if (Object.hasOwn(value, key))
    listsAt((value as Record<string, unknown>)[key], rest, `${pointer}/${key}`, out);
}

export const repeatedReferences: RecordRule<'record'> = {
  name: 'repeated-references',
  scope: 'record',
  description:
    'No list of ids (event `participants`, claim `isBasedOn`, a source’s or claimant’s `outlets`, a redirect’s ' +
    '`to`) names the same id twice: a repeat means nothing and multiplies the work of every output.',
  check(context) {
    const issues: Issue[] = [];
    const lists: Array<[string, unknown[]]> = [];
    for (const path of collectionIdLists(context.collection)) listsAt(context.record, path, '', lists);
    for (const [pointer, list] of lists) {
      const field = pointer.slice(pointer.lastIndexOf('/') + 1);
      /** Each id's first index and, once repeated, its count and the index of its first repeat. */
      const seen = new Map<string, { first: number; count: number; repeat?: number }>();
      list.forEach((id, i) => {
        if (typeof id !== 'string') return;
        const entry = seen.get(id);
        if (entry === undefined) return void seen.set(id, { first: i, count: 1 });
        entry.count++;
        entry.repeat ??= i;
      });
      for (const [id, { first, count, repeat }] of seen) {
        if (repeat === undefined) continue;
        issues.push({
          pointer: `${pointer}/${repeat}`,
          severity: 'error',
          message:
            `"${id}" is listed ${count === 2 ? 'twice' : `${count} times`} in \`${field}\` ` +
            `(first at ${pointer}/${first})`,
          hint:
            `Remove the second "${id}"${count > 2 ? ' and every later one' : ''} from \`${field}\`: ` +
            'an id counts once.',
        });
      }
    }
    return issues;
  },
};
