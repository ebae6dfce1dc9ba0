/** `datapackage.json`: the Frictionless Data Package v2 descriptor of the CSV tables and the JSON files. */
import type { WrittenFile } from './output.ts';
import type { TableSpec } from './tables.ts';
import type { SchemaFields } from './schema-fields.ts';
import { DIALECT, resourceName, tableSchema } from './table-schema.ts';
import { ndjsonPath } from './json.ts';
import { csvPath } from './csv.ts';

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

export interface PackageMetadata {
  name: string;
  version: string;
  description: string;
  keywords: string[];
  homepage?: string;
}

const LICENSES = [
  {
    name: 'CC-BY-4.0',
    path: 'https://creativecommons.org/licenses/by/4.0/',
    title:
      'Creative Commons Attribution 4.0 for the annotations, curator-written text and registries. The article text is not licensed by the dataset: see each article\'s rights and LICENSE-DATA.md.',
  },
];

const SOURCES = [
  {
    title:
      'News articles as published by their outlets, reproduced verbatim; each article\'s provenance (articles.provenance_source, provenance_source_url) says where its text came from.',
  },
];

const CONTRIBUTORS = [{ title: 'annotated-news contributors', roles: ['creator', 'curator'] }];

function fileFacts(file: WrittenFile) {
  return { bytes: file.bytes, hash: `sha256:${file.sha256}` };
}

export function dataPackage(
  meta: PackageMetadata,
  tables: readonly TableSpec[],
  schemaFields: SchemaFields,
  file: (path: string) => WrittenFile,
  collections: readonly string[],
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
    schema: tableSchema(table, schemaFields),
  }));
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
    resources: [...csvResources, ...jsonResources],
  };
}
