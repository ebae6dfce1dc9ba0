import type { Issue, Rule } from '../rule.ts';
import { nameProblem } from '../../lib/portable-names.ts';

/** A word to make a reserved id specific: `index` → `index-entity`. */
const SINGULAR = { articles: 'article', entities: 'entity', outlets: 'outlet', redirects: 'redirect' } as const;

export const ids: Rule = {
  name: 'ids',
  description:
    'A record’s id equals its file name, is a portable file name (not reserved by Windows or by the outputs; scripts/lib/portable-names.ts), and ids are unique within each collection.',
  check(context) {
    const issues: Issue[] = [];
    if (context.phase === 'record') {
      if (context.record.id !== context.fileId) {
        issues.push({
          pointer: '/id',
          severity: 'error',
          message: `the id "${context.record.id}" does not match the file name "${context.fileId}.json"`,
          hint: `Rename the file to ${context.record.id}.json, or set "id" to "${context.fileId}".`,
        });
      }
      const problem = nameProblem(context.record.id);
      if (problem !== null)
        issues.push({
          pointer: '/id',
          severity: 'error',
          message: `the id "${context.record.id}" cannot be used: ${problem}`,
          hint: `Choose a more specific id (e.g. "${context.record.id}-${SINGULAR[context.collection]}"), and rename the file to match.`,
        });
      return issues;
    }
    const { renamed, known } = context.summary;
    // A renamed record's file name no longer names a record; its declared id does.
    const vacated = new Set(renamed.map((r) => `${r.collection}/${r.fileId}`));
    const claimed = new Map<string, string>();
    for (const { collection, id, file } of renamed) {
      const key = `${collection}/${id}`;
      const owner =
        known[collection].has(id) && !vacated.has(key) ? context.summary.fileOf(collection, id) : claimed.get(key);
      if (owner !== undefined) {
        issues.push({
          file,
          pointer: '/id',
          severity: 'error',
          message: `the id "${id}" is already used by ${owner}`,
          hint: 'Each record needs its own id; give one of them a different id and file name.',
        });
      } else claimed.set(key, file);
    }
    return issues;
  },
};
