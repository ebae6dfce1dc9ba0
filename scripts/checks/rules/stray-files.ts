import type { DatasetRule } from '../rule.ts';
import { error } from './kit.ts';

export const strayFiles: DatasetRule<'strays'> = {
  name: 'stray-files',
  scope: 'dataset',
  needs: ['strays'],
  description:
    'Every entry under the data folder is a record: a regular file `<id>.json` in a collection folder ' +
    '(articles, entities, outlets, redirects); hidden names included (only an empty `.gitkeep` file is ' +
    'allowed); unreadable folders are reported.',
  check: ({ strays }) =>
    strays.map(({ file, reason, hint }) =>
      error('', {
        file,
        message: `not a record: ${reason}`,
        hint: hint ?? 'Records are data/<collection>/<id>.json with a lowercase slug id; move or delete this file.',
      }),
    ),
};
