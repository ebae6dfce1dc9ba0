/**
 * `data.json` (the whole dataset in one file), `index.json` (what the npm package loads on import: the article
 * summaries and the registries) and `schemas/` (the JSON Schemas the records follow), from the canonical stream.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishedArticle } from '../../../types/index.ts';
import { COLLECTIONS } from '../../lib/collections.ts';
import { readLines } from '../../lib/lines.ts';
import { JsonDocument, jsonlPath, summarize } from '../json.ts';
import { OFFSET_UNIT } from '../positions.ts';
import { TEXT, type Format } from './format.ts';

export const json: Format = {
  name: 'json',
  description: 'The whole dataset as one JSON file, the npm index, and the JSON Schemas.',
  write({ out, info, rootDir }) {
    const data = new JsonDocument(out.open('data.json'), { ...info, offsets: OFFSET_UNIT }, 'articles');
    const index = new JsonDocument(out.open('index.json'), { ...info }, 'articles');
    for (const line of readLines(join(out.root, jsonlPath('articles')))) {
      data.addJson(line);
      index.addJson(JSON.stringify(summarize(JSON.parse(line) as PublishedArticle)));
    }
    data.closeStreamed();
    index.closeStreamed();
    for (const { name } of COLLECTIONS.filter((c) => c.name !== 'articles')) {
      data.openTail(name);
      index.openTail(name);
      for (const line of readLines(join(out.root, jsonlPath(name)))) {
        data.addJson(line);
        index.addJson(line);
      }
    }
    data.end();
    index.end();
    const schemas = COLLECTIONS.map(({ schema }) => `schemas/${schema}.schema.json`);
    for (const path of schemas) out.write(path, readFileSync(join(rootDir, path), 'utf8'));
    return [
      {
        name: 'data-json',
        path: 'data.json',
        ...TEXT.json,
        description: 'The whole dataset in one JSON file: every collection, and the dataset and schema versions.',
        npm: true,
        croissant: false,
      },
      {
        name: 'index-json',
        path: 'index.json',
        ...TEXT.json,
        description: "What the npm package loads on import: every article's metadata (no body) and the registries.",
        npm: true,
        croissant: false,
      },
      {
        name: 'schemas',
        path: schemas,
        format: 'json',
        mediatype: 'application/schema+json',
        encoding: 'utf-8',
        description: 'The JSON Schemas (draft 2020-12) of the article, entity, outlet and redirect records.',
        npm: true,
        croissant: false,
      },
    ];
  },
};
