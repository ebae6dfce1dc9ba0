import type { DatasetRule } from '../rule.ts';

export const strayFiles: DatasetRule<'strays'> = {
  name: 'stray-files',
  scope: 'dataset',
  needs: ['strays'],
  description:
    'Every entry under the data folder is a record: a regular file `<id>.json` in a collection folder ' +
    '(articles, entities, outlets, redirects); hidden names included (only an empty `.gitkeep` file is ' +
    'allowed); unreadable folders are reported.',
  check(summary) {
    return summary.strays.map(({ file, reason, hint }) => ({
      file,
      pointer: '',
      severity: 'error' as const,
      message: `not a record: ${reason}`,
      hint: hint ?? 'Records are data/<collection>/<id>.json with a lowercase slug id; move or delete this file.',
    }));
  },
};
