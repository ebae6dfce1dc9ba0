import type { Issue, RecordRule } from '../rule.ts';

export const ids: RecordRule<'record'> = {
  name: 'ids',
  scope: 'record',
  description: 'A record’s id equals its file name.',
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
    return issues;
  },
};
