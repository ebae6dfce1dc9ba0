import type { RecordRule } from '../rule.ts';
import { collectionIdLists, valuesAt } from '../../lib/references.ts';
import { error, issues } from './kit.ts';

export const repeatedReferences: RecordRule<'record'> = {
  name: 'repeated-references',
  scope: 'record',
  description:
    'No list of ids (event `participants`, claim `isBasedOn`, a source’s or claimant’s `outlets`, a redirect’s ' +
    '`to`) names the same id twice: a repeat means nothing and multiplies the work of every output.',
  check: issues(function* ({ collection, record }) {
    for (const [pointer, list] of collectionIdLists(collection).flatMap((path) => valuesAt(record, path))) {
      if (!Array.isArray(list)) continue;
      const field = pointer.slice(pointer.lastIndexOf('/') + 1);
      for (const [id, at] of repeats(list))
        yield error(`${pointer}/${at[1]}`, {
          message:
            `"${id}" is listed ${at.length === 2 ? 'twice' : `${at.length} times`} in \`${field}\` ` +
            `(first at ${pointer}/${at[0]})`,
          hint:
            `Remove the second "${id}"${at.length > 2 ? ' and every later one' : ''} from \`${field}\`: ` +
            'an id counts once.',
        });
    }
  }),
};

/** Each id (string) listed more than once, with the indexes where it is, in the order of first appearance. */
function repeats(list: unknown[]): Array<[string, number[]]> {
  const at = new Map<string, number[]>();
  for (const [i, id] of list.entries()) if (typeof id === 'string') (at.get(id) ?? at.set(id, []).get(id)!).push(i);
  return [...at].filter(([, indexes]) => indexes.length > 1);
}
