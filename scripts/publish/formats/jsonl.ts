/**
 * `jsonl/<collection>.jsonl`: the canonical stream, one flat record per line, sorted by id. The pipeline writes it
 * (../publish.ts) before any format runs; this module declares its resources.
 */
import { COLLECTIONS } from '../../lib/collections.ts';
import { jsonlPath } from '../json.ts';
import { TEXT, type Format } from './format.ts';

export const jsonl: Format = {
  name: 'jsonl',
  description: 'JSON Lines, one flat record per line, sorted by id: the canonical stream every format derives from.',
  write: () =>
    COLLECTIONS.map(({ name }) => ({
      name: `${name}-jsonl`,
      path: jsonlPath(name),
      ...TEXT.jsonl,
      description:
        `The ${name}, one record per line as in data.json, sorted by id, with no envelope ` +
        '(the version is in this descriptor).',
      npm: true,
      croissant: true,
    })),
};
