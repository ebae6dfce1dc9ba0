/**
 * The JSON formats, from the canonical stream:
 * - `jsonl/<collection>.jsonl`: the canonical stream itself, one flat record per line, sorted by id. The pipeline
 *   writes it (../publish.ts) before any format runs; the `jsonl` format declares its resources;
 * - `data.json` (the whole dataset in one file), `index.json` (what the npm package loads on import: the article
 *   summaries and the registries) and `schemas/` (the JSON Schemas the records follow);
 * - `articles/<id>.json`: one file per article, the only per-record files of the build, for consumers that fetch a
 *   single article (the npm package's lazy loading, the site).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishedArticle, PublishedArticleFile } from '../../../types/index.ts';
import { ARTICLE_FIELDS } from '../../../runtime/dataset.ts';
import { COLLECTIONS, type Collection } from '../../lib/collections.ts';
import { readLines } from '../../lib/lines.ts';
import type { OutputDir, Sink } from '../output.ts';
import { OFFSET_UNIT } from '../positions.ts';
import { TEXT, type Format } from './format.ts';

export const articlePath = (id: string) => `articles/${id}.json`;
/** Flat JSON Lines: one record per line, as in data.json, with no envelope (the version is in the metadata). */
export const jsonlPath = (collection: string) => `jsonl/${collection}.jsonl`;
const lines = (out: OutputDir, collection: Collection) => readLines(join(out.root, jsonlPath(collection)));

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

/**
 * Writes one JSON object whose lists of records are written one record per line: compact, quick to write and parse,
 * and a change to one record changes one line. `head`'s keys come first, then each list, streamed item by item (each
 * item already serialised: the build serialises each record once).
 */
function writeDocument(sink: Sink, head: object, lists: ReadonlyArray<[string, Iterable<string>]>): void {
  sink.write(JSON.stringify(head).slice(0, -1)); // without the closing brace
  for (const [key, items] of lists) {
    sink.write(`,${JSON.stringify(key)}:[`);
    let count = 0;
    for (const item of items) sink.write(`${count++ > 0 ? ',' : ''}\n${item}`);
    sink.write(count > 0 ? '\n]' : ']');
  }
  sink.write('}\n');
  sink.close();
}

/** The articles without the fields the npm package loads lazily (`ARTICLE_FIELDS` says which). */
function* summaries(articles: Iterable<string>): Generator<string> {
  for (const line of articles) {
    const article = JSON.parse(line) as Record<keyof PublishedArticle, unknown>;
    yield JSON.stringify(
      Object.fromEntries(Object.entries(article).filter(([key]) => !ARTICLE_FIELDS[key as keyof PublishedArticle])),
    );
  }
}

export const json: Format = {
  name: 'json',
  description: 'The whole dataset as one JSON file, the npm index, and the JSON Schemas.',
  write({ out, info, rootDir }) {
    const all = (index: boolean) =>
      COLLECTIONS.map(({ name }): [string, Iterable<string>] => {
        const records = lines(out, name);
        return [name, index && name === 'articles' ? summaries(records) : records];
      });
    writeDocument(out.open('data.json'), { ...info, offsets: OFFSET_UNIT }, all(false));
    writeDocument(out.open('index.json'), { ...info }, all(true));
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

export const articles: Format = {
  name: 'articles',
  description: 'One JSON file per article, for fetching a single article.',
  write({ out, info }) {
    // The same text as `JSON.stringify({ ...info, offsets, article })`, with the article as the stream has it.
    const head = JSON.stringify({ ...info, offsets: OFFSET_UNIT } satisfies Omit<PublishedArticleFile, 'article'>);
    const paths: string[] = [];
    for (const line of lines(out, 'articles')) {
      const path = articlePath((JSON.parse(line) as { id: string }).id);
      out.write(path, `${head.slice(0, -1)},"article":${line}}\n`);
      paths.push(path);
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
