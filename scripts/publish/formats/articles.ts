/**
 * `articles/<id>.json`: one file per article, the only per-record files of the build, for consumers that fetch a
 * single article (the npm package's lazy loading, the site).
 */
import { join } from 'node:path';
import { readLines } from '../../lib/lines.ts';
import { articlePath, jsonlPath, writeArticleFile } from '../json.ts';
import { TEXT, type Format } from './format.ts';

export const articles: Format = {
  name: 'articles',
  description: 'One JSON file per article, for fetching a single article.',
  write({ out, info }) {
    const paths: string[] = [];
    for (const line of readLines(join(out.root, jsonlPath('articles')))) {
      const { id } = JSON.parse(line) as { id: string };
      writeArticleFile(out, info, id, line);
      paths.push(articlePath(id));
    }
    if (paths.length === 0) return [];
    return [
      {
        name: 'article-files',
        path: paths,
        ...TEXT.json,
        description: 'One file per article, articles/<id>.json: {version, schemaVersion, offsets, article}.',
        npm: true,
        croissant: false,
      },
    ];
  },
};
