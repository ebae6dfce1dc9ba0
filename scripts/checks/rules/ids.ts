import type { RecordRule } from '../rule.ts';
import { nameProblem } from '../../lib/portable-names.ts';
import { error, issues } from './kit.ts';

/** A word to make a reserved id specific: `index` → `index-entity`. */
const SINGULAR = { articles: 'article', entities: 'entity', outlets: 'outlet', redirects: 'redirect' } as const;

export const ids: RecordRule<'record'> = {
  name: 'ids',
  scope: 'record',
  description:
    'A record’s id equals its file name and is a portable file name (not reserved by Windows or by the outputs; ' +
    'scripts/lib/portable-names.ts).',
  check: issues(function* ({ collection, record: { id }, fileId }) {
    if (id !== fileId)
      yield error('/id', {
        message: `the id "${id}" does not match the file name "${fileId}.json"`,
        hint: `Rename the file to ${id}.json, or set "id" to "${fileId}".`,
      });
    const problem = nameProblem(id);
    if (problem !== null)
      yield error('/id', {
        message: `the id "${id}" cannot be used: ${problem}`,
        hint: `Choose a more specific id (e.g. "${id}-${SINGULAR[collection]}"), and rename the file to match.`,
      });
  }),
};
