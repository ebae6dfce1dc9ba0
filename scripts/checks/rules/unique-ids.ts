import type { DatasetRule } from '../rule.ts';
import { error, issues } from './kit.ts';

export const uniqueIds: DatasetRule<'renamed' | 'known' | 'fileOf'> = {
  name: 'unique-ids',
  scope: 'dataset',
  needs: ['renamed', 'known', 'fileOf'],
  description: 'Ids are unique within each collection (a record whose id differs from its file name may clash).',
  check: issues(function* ({ renamed, known, fileOf }) {
    // A renamed record's file name no longer names a record; its declared id does.
    const vacated = new Set(renamed.map((r) => `${r.collection}/${r.fileId}`));
    const claimed = new Map<string, string>();
    for (const { collection, id, file } of renamed) {
      const key = `${collection}/${id}`;
      const owner = known[collection].has(id) && !vacated.has(key) ? fileOf(collection, id) : claimed.get(key);
      if (owner === undefined) claimed.set(key, file);
      else
        yield error('/id', {
          file,
          message: `the id "${id}" is already used by ${owner}`,
          hint: 'Each record needs its own id; give one of them a different id and file name.',
        });
    }
  }),
};
