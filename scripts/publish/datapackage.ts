/**
 * `datapackage.json`: the Frictionless Data Package v2 descriptor of every published file: the CSV tables with their
 * Table Schemas, the same tables as Parquet, the SQLite database, the JSON, NDJSON and JSONL files, the Croissant and
 * schema.org metadata, and any extra writer's files (resources.ts). Each with its format, media type, size and hash.
 */
import type { WrittenFile } from './output.ts';
import type { Table } from './table-model.ts';
import type { ExtraResource } from './resources.ts';
import { DIALECT, resourceName, tableSchema } from './table-schema.ts';
import { jsonlPath, ndjsonPath } from './json.ts';
import { csvPath } from './csv.ts';
import { PARQUET_COMPRESSION, parquetPath } from './parquet.ts';
import { SQLITE_PATH } from './sqlite.ts';
import { CROISSANT_PATH, DATASET_JSONLD_PATH } from './metadata.ts';

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

export interface PackageMetadata {
  name: string;
  version: string;
  description: string;
  keywords: string[];
  homepage?: string;
}

/** The licence of what the dataset's curators made (the article text is not theirs; see LICENSE-DATA.md). */
export const DATA_LICENSE = 'CC-BY-4.0';

const LICENSES = [
  {
    name: DATA_LICENSE,
    path: 'https://creativecommons.org/licenses/by/4.0/',
    title:
      "Creative Commons Attribution 4.0 for the annotations, curator-written text and registries. The article text is not licensed by the dataset: see each article's rights and LICENSE-DATA.md.",
  },
];

const SOURCES = [
  {
    title:
      "News articles as published by their outlets, reproduced verbatim; each article's provenance (articles.provenance_source, provenance_source_url) says where its text came from.",
  },
];

const CONTRIBUTORS = [{ title: 'annotated-news contributors', roles: ['creator', 'curator'] }];

function fileFacts(file: WrittenFile) {
  return { bytes: file.bytes, hash: `sha256:${file.sha256}` };
}

export function dataPackage(
  meta: PackageMetadata,
  tables: readonly Table[],
  file: (path: string) => WrittenFile,
  collections: readonly string[],
  extra: readonly ExtraResource[] = [],
): object {
  const csvResources = tables.map((table) => ({
    name: resourceName(table.name),
    type: 'table',
    path: csvPath(table.name),
    scheme: 'file',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    ...fileFacts(file(csvPath(table.name))),
    description: table.description,
    dialect: DIALECT,
    schema: tableSchema(table),
  }));
  const other = (r: ExtraResource) => ({
    name: r.name,
    path: r.path,
    scheme: 'file',
    format: r.format,
    mediatype: r.mediatype,
    ...(r.encoding ? { encoding: r.encoding } : {}),
    ...fileFacts(file(r.path)),
    description: r.description,
  });
  const parquetResources = tables.map((table) =>
    other({
      name: `${resourceName(table.name)}-parquet`,
      path: parquetPath(table.name),
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      description: `The ${table.name} table (the rows and columns of ${csvPath(table.name)}), typed, ${PARQUET_COMPRESSION}-compressed; descriptions in the file's key-value metadata.`,
    }),
  );
  const sqliteResource = other({
    name: 'sqlite',
    path: SQLITE_PATH,
    format: 'sqlite',
    mediatype: 'application/vnd.sqlite3',
    description:
      'Every table in one SQLite database: primary and foreign keys, indexes, views with names beside ids (mentions_with_names, quotes_with_names…), FTS5 full-text indexes (articles_fts, quotes_fts), the version in PRAGMA user_version and dataset_metadata, the column descriptions in dataset_columns.',
  });
  const jsonlResources = collections.map((collection) =>
    other({
      name: `${collection}-jsonl`,
      path: jsonlPath(collection),
      format: 'jsonl',
      mediatype: 'application/jsonl',
      encoding: 'utf-8',
      description: `The ${collection}, one record per line as in data.json, with no envelope (the version is in this descriptor).`,
    }),
  );
  const metadataResources = [
    other({
      name: 'croissant',
      path: CROISSANT_PATH,
      format: 'jsonld',
      mediatype: 'application/ld+json; profile="http://mlcommons.org/croissant/1.1"',
      encoding: 'utf-8',
      description: 'Croissant 1.1 metadata: the files, a record set per table, and the Responsible-AI fields.',
    }),
    other({
      name: 'dataset-jsonld',
      path: DATASET_JSONLD_PATH,
      format: 'jsonld',
      mediatype: 'application/ld+json',
      encoding: 'utf-8',
      description: "A schema.org Dataset description, for a web page's head.",
    }),
  ];
  const jsonResources = [
    {
      name: 'data-json',
      path: 'data.json',
      scheme: 'file',
      format: 'json',
      mediatype: 'application/json',
      encoding: 'utf-8',
      ...fileFacts(file('data.json')),
      description: 'The whole dataset in one JSON file: every collection, and the dataset and schema versions.',
    },
    ...collections.map((collection) => ({
      name: `${collection}-ndjson`,
      path: ndjsonPath(collection),
      scheme: 'file',
      format: 'ndjson',
      mediatype: 'application/x-ndjson',
      encoding: 'utf-8',
      ...fileFacts(file(ndjsonPath(collection))),
      description: `The ${collection}, one JSON object per line: {"version", "schemaVersion", "record"}.`,
    })),
  ];
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: meta.name,
    title: 'Annotated news',
    description: meta.description,
    version: meta.version,
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    licenses: LICENSES,
    sources: SOURCES,
    contributors: CONTRIBUTORS,
    keywords: meta.keywords,
    resources: [
      ...csvResources,
      ...parquetResources,
      sqliteResource,
      ...jsonResources,
      ...jsonlResources,
      ...metadataResources,
      ...extra.map(other),
    ],
  };
}
