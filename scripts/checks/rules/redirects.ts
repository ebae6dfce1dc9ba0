import type { DatasetRule } from '../rule.ts';
import { error, issues } from './kit.ts';

/** How many `to` ids each kind of redirect takes: at least, at most, in words. */
const TARGETS = {
  moved: [1, 1, 'exactly one id'],
  split: [2, Infinity, 'two or more ids'],
  removed: [0, 0, 'no ids'],
} as const;

export const redirects: DatasetRule<'known' | 'redirects'> = {
  name: 'redirects',
  scope: 'dataset',
  needs: ['known', 'redirects'],
  description:
    'A redirect’s old id is not also a live record; its `to` ids exist; `moved` has one target, `split` two or ' +
    'more, `removed` none.',
  check: issues(function* ({ known, redirects }) {
    for (const { file, record } of redirects) {
      const { collection, id, kind, to } = record;
      if (known[collection].has(id))
        yield error('/id', {
          file,
          message: `"${id}" is both redirected and a live record in data/${collection}/`,
          hint: `Delete data/${collection}/${id}.json, or delete this redirect if the record is back.`,
        });
      const [least, most, says] = TARGETS[kind];
      if (to.length < least || to.length > most)
        yield error('/to', {
          file,
          message: `a "${kind}" redirect has ${to.length} target(s); it needs ${says}`,
          hint: 'Use "moved" for one new id, "split" for several, "removed" with an empty list.',
        });
      for (const [i, target] of to.entries()) {
        if (!known[collection].has(target))
          yield error(`/to/${i}`, {
            file,
            message: `the target "${target}" is not in data/${collection}/`,
            hint: 'Point the redirect at an existing record (chains of redirects are not followed).',
          });
        if (target === id)
          yield error(`/to/${i}`, {
            file,
            message: 'a redirect points to itself',
            hint: 'Remove the old id from `to`.',
          });
      }
    }
  }),
};
