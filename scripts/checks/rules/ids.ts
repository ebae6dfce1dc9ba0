import type { Issue, Rule } from '../rule.ts';

export const ids: Rule = {
  name: 'ids',
  description: 'A record’s id equals its file name, and ids are unique within each collection.',
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
