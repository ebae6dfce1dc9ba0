import type { DatasetRule } from '../rule.ts';
import { FOLDER } from './references.ts';
import { issues, warning } from './kit.ts';

export const unreferenced: DatasetRule<'complete' | 'known' | 'referenced' | 'fileOf'> = {
  name: 'unreferenced',
  scope: 'dataset',
  needs: ['complete', 'known', 'referenced', 'fileOf'],
  description: 'A registry entry (entity or outlet) that nothing references gets a warning.',
  check: issues(function* ({ complete, known, referenced, fileOf }) {
    // A record that could not be read may be the one that references an entry: no guessing, no warning.
    if (!complete) return;
    for (const collection of ['entities', 'outlets'] as const)
      for (const id of known[collection]) {
        const file = fileOf(collection, id);
        if (referenced[collection].has(id) || file === undefined) continue;
        yield warning('/id', {
          file,
          message: `nothing references "${id}"`,
          hint:
            `Reference it from an article, or remove ${FOLDER[collection]}${id}.json if it is no longer ` +
            `needed (add a redirect if it was published).`,
        });
      }
  }),
};
