import type { DatasetRule, Issue } from '../rule.ts';
import { FOLDER } from './references.ts';

export const unreferenced: DatasetRule<'complete' | 'known' | 'referenced' | 'fileOf'> = {
  name: 'unreferenced',
  scope: 'dataset',
  needs: ['complete', 'known', 'referenced', 'fileOf'],
  description: 'A registry entry (entity or outlet) that nothing references gets a warning.',
  check(summary) {
    const issues: Issue[] = [];
    // A record that could not be read may be the one that references an entry: no guessing, no warning.
    if (!summary.complete) return issues;
    for (const collection of ['entities', 'outlets'] as const) {
      for (const id of summary.known[collection]) {
        if (summary.referenced[collection].has(id)) continue;
        const file = summary.fileOf(collection, id);
        if (file === undefined) continue;
        issues.push({
          file,
          pointer: '/id',
          severity: 'warning',
          message: `nothing references "${id}"`,
          hint:
            `Reference it from an article, or remove ${FOLDER[collection]}${id}.json if it is no longer ` +
            `needed (add a redirect if it was published).`,
        });
      }
    }
    return issues;
  },
};
