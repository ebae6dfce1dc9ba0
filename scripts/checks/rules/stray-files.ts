import type { Rule } from '../rule.ts';

export const strayFiles: Rule = {
  name: 'stray-files',
  description: 'Every file under the data folder is a record: `<id>.json` in a collection folder (articles, entities, outlets, redirects).',
  check(context) {
    if (context.phase !== 'dataset') return [];
    return context.summary.strays.map(({ file, reason }) => ({
      file,
      pointer: '',
      severity: 'error' as const,
      message: `not a record: ${reason}`,
      hint: 'Records are data/<collection>/<id>.json with a lowercase slug id; move or delete this file.',
    }));
  },
};
