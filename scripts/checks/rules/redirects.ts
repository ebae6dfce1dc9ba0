import type { Issue, DatasetRule } from '../rule.ts';

/** How many `to` ids each kind of redirect takes. */
const TARGETS = {
  moved: { ok: (n: number) => n === 1, says: 'exactly one id' },
  split: { ok: (n: number) => n >= 2, says: 'two or more ids' },
  removed: { ok: (n: number) => n === 0, says: 'no ids' },
} as const;

export const redirects: DatasetRule<'known' | 'redirects'> = {
  name: 'redirects',
  scope: 'dataset',
  needs: ['known', 'redirects'],
  description:
    'A redirect’s old id is not also a live record; its `to` ids exist; `moved` has one target, `split` two or ' +
    'more, `removed` none.',
  check(summary) {
    const issues: Issue[] = [];
    const { known } = summary;
    for (const { file, record } of summary.redirects) {
      const live = known[record.collection];
      if (live.has(record.id)) {
        issues.push({
          file,
          pointer: '/id',
          severity: 'error',
          message: `"${record.id}" is both redirected and a live record in data/${record.collection}/`,
          hint: `Delete data/${record.collection}/${record.id}.json, or delete this redirect if the record is back.`,
        });
      }
      const rule = TARGETS[record.kind];
      if (!rule.ok(record.to.length)) {
        issues.push({
          file,
          pointer: '/to',
          severity: 'error',
          message: `a "${record.kind}" redirect has ${record.to.length} target(s); it needs ${rule.says}`,
          hint: 'Use "moved" for one new id, "split" for several, "removed" with an empty list.',
        });
      }
      record.to.forEach((id, i) => {
        if (!live.has(id)) {
          issues.push({
            file,
            pointer: `/to/${i}`,
            severity: 'error',
            message: `the target "${id}" is not in data/${record.collection}/`,
            hint: 'Point the redirect at an existing record (chains of redirects are not followed).',
          });
        }
        if (id === record.id) {
          issues.push({
            file,
            pointer: `/to/${i}`,
            severity: 'error',
            message: 'a redirect points to itself',
            hint: 'Remove the old id from `to`.',
          });
        }
      });
    }
    return issues;
  },
};
