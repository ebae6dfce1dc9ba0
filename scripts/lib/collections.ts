/** The collections in `data/`: one folder each, one JSON file per record, each checked against its schema. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Entity, Outlet, Redirect } from '../../types/index.ts';

export interface CollectionRecords {
  articles: Article;
  entities: Entity;
  outlets: Outlet;
  redirects: Redirect;
}

export type Collection = keyof CollectionRecords;

/** Each collection's folder under `data/` and the schema (in `schemas/`) its records must satisfy. */
export const COLLECTIONS: ReadonlyArray<{ name: Collection; dir: string; schema: string }> = [
  { name: 'articles', dir: 'articles', schema: 'article' },
  { name: 'entities', dir: 'entities', schema: 'entity' },
  { name: 'outlets', dir: 'outlets', schema: 'outlet' },
  { name: 'redirects', dir: 'redirects', schema: 'redirect' },
];

/** The repository's generated schema `schemas/<name>.schema.json`. */
export const readSchema = (name: string): object =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', `${name}.schema.json`), 'utf8')) as object;

/** Every record of the dataset, by collection, each list sorted by id. */
export type Dataset = { [C in Collection]: CollectionRecords[C][] };

/**
 * Reads the records of a folder with the layout of `data/` into memory, unchecked (the import and the tests; the
 * validator reads its own way, file by file): every collection, or those in `only`. A missing folder is empty.
 */
export function loadDataset(dataDir: string, only = COLLECTIONS.map((c) => c.name)): Dataset {
  const records = ({ name, dir }: (typeof COLLECTIONS)[number]) => {
    const folder = join(dataDir, dir);
    const files =
      only.includes(name) && existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')) : [];
    return [name, files.sort().map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as unknown)];
  };
  return Object.fromEntries(COLLECTIONS.map(records)) as Dataset;
}
