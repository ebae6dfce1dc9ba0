import type { Issue, RecordRule } from '../rule.ts';
import { nameProblem } from '../../lib/portable-names.ts';

/** A word to make a reserved id specific: `index` → `index-entity`. */
const SINGULAR = { articles: 'article', entities: 'entity', outlets: 'outlet', redirects: 'redirect' } as const;

export const ids: RecordRule<'record'> = {
  name: 'ids',
  scope: 'record',
  description:
    'A record’s id equals its file name and is a portable file name (not reserved by Windows or by the outputs; ' +
    'scripts/lib/portable-names.ts).',
  check(context) {
    const issues: Issue[] = [];
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
        hint:
          `Choose a more specific id (e.g. "${context.record.id}-${SINGULAR[context.collection]}"), and ` +
          `rename the file to match.`,
      });
    return issues;
  },
};
