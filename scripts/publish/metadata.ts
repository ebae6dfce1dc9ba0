/**
 * Dataset metadata for catalogues and ML tooling, generated from the table model and package.json:
 * - `croissant.json`: Croissant 1.1 (MLCommons) JSON-LD: the files, one record set per table with a field per
 *   column (type, description, source column, keys and references), and the Responsible-AI fields that are known;
 * - `dataset.jsonld`: a schema.org `Dataset`, small enough for a web page's head.
 */
import type { WrittenFile } from './output.ts';
import type { Table, TableModel } from './table-model.ts';
import type { FieldFacts } from './schema-fields.ts';
import type { PackageMetadata } from './datapackage.ts';
import { csvPath } from './csv.ts';
import { parquetPath } from './parquet.ts';
import { SQLITE_PATH } from './sqlite.ts';
import { jsonlPath } from './json.ts';

export const CROISSANT_PATH = 'croissant.json';
export const DATASET_JSONLD_PATH = 'dataset.jsonld';
export const CROISSANT_SPEC = 'http://mlcommons.org/croissant/1.1';

const CREATOR = { '@type': 'Organization', name: 'annotated-news contributors' };
const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
const TITLE = 'Annotated news';

/** The JSON-LD context of Croissant 1.1 (its Appendix 1), with the RAI and Dublin Core prefixes. */
export const CROISSANT_CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  sc: 'https://schema.org/',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  dct: 'http://purl.org/dc/terms/',
  citeAs: 'cr:citeAs',
  column: 'cr:column',
  conformsTo: 'dct:conformsTo',
  data: { '@id': 'cr:data', '@type': '@json' },
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  examples: { '@id': 'cr:examples', '@type': '@json' },
  extract: 'cr:extract',
  field: 'cr:field',
  fileObject: 'cr:fileObject',
  fileSet: 'cr:fileSet',
  format: 'cr:format',
  includes: 'cr:includes',
  isLiveDataset: 'cr:isLiveDataset',
  jsonPath: 'cr:jsonPath',
  key: 'cr:key',
  md5: 'cr:md5',
  recordSet: 'cr:recordSet',
  references: 'cr:references',
  regex: 'cr:regex',
  sdVersion: 'cr:sdVersion',
  separator: 'cr:separator',
  source: 'cr:source',
  subField: 'cr:subField',
  transform: 'cr:transform',
};

const DATA_TYPE: Record<FieldFacts['type'], string> = {
  string: 'sc:Text',
  integer: 'sc:Integer',
  number: 'sc:Float',
  boolean: 'sc:Boolean',
  date: 'sc:Date',
};

/** What is known of how the data was made, in the Croissant RAI vocabulary. */
const RESPONSIBLE_AI = {
  'rai:dataCollection':
    'News articles chosen by the curators, their text reproduced verbatim from the source each record names (provenance). No crawling, no user data.',
  'rai:dataCollectionType': ['Manual Human Curator', 'Document analysis'],
  'rai:dataAnnotationProtocol':
    'Curators annotate mentions, quotes, figures, cited sources and events, each anchored in the article text by a W3C TextQuoteSelector; `npm run validate` proves every selector matches the text exactly once. What the text does not say is recorded as unknown, or as a flagged curator inference, never as fact.',
  'rai:dataAnnotationPlatform': "Hand-edited JSON files in a git repository, checked by the project's validator in CI.",
  'rai:dataLimitations':
    "A small, hand-curated corpus: not a sample of any population of news. The article text is not licensed by the dataset (see each article's rights).",
  'rai:dataBiases':
    "The choice of articles reflects the curators' interests (the first articles concern rare-earth elements and Ukraine).",
  'rai:personalSensitiveInformation':
    'Names of public figures as they appear in published news, and the names of credited authors. No private data.',
  'rai:dataUseCases':
    'Information extraction, quote attribution, entity linking and temporal grounding: training and evaluation.',
  'rai:dataReleaseMaintenancePlan':
    'Released by pull request; every release has a semantic version and a changelog; removed or renamed records leave redirects.',
};

function fileObject(id: string, path: string, file: WrittenFile, encodingFormat: string, description: string) {
  return {
    '@type': 'cr:FileObject',
    '@id': id,
    name: id,
    description,
    contentUrl: path,
    contentSize: `${file.bytes} B`,
    encodingFormat,
    sha256: file.sha256,
  };
}

const fieldId = (table: string, column: string) => `${table}/${column}`;

function recordSet(table: Table) {
  const references = new Map<string, string>();
  for (const fk of table.foreignKeys) {
    fk.fields.forEach((f, i) => references.set(f, fieldId(fk.reference.resource, fk.reference.fields[i]!)));
  }
  return {
    '@type': 'cr:RecordSet',
    '@id': table.name,
    name: table.name,
    description: table.description,
    key: table.primaryKey.map((column) => ({ '@id': fieldId(table.name, column) })),
    field: table.columns.map((column) => ({
      '@type': 'cr:Field',
      '@id': fieldId(table.name, column.name),
      name: column.name,
      description: column.facts.description,
      dataType: DATA_TYPE[column.facts.type],
      source: { fileObject: { '@id': `csv-${table.name}` }, extract: { column: column.name } },
      ...(references.has(column.name) ? { references: { '@id': references.get(column.name)! } } : {}),
    })),
  };
}

/** The schema.org `Dataset` properties both files share. */
function aboutDataset(meta: PackageMetadata) {
  return {
    description: meta.description,
    version: meta.version,
    ...(meta.homepage ? { url: meta.homepage } : {}),
    license: LICENSE_URL,
    creator: CREATOR,
    keywords: meta.keywords,
  };
}

export function citeAs(meta: PackageMetadata): string {
  return `@misc{annotated_news, title = {${TITLE}}, author = {{annotated-news contributors}}, version = {${meta.version}}, note = {Dataset}}`;
}

export function croissant(
  meta: PackageMetadata,
  model: TableModel,
  file: (path: string) => WrittenFile,
  collections: readonly string[],
): object {
  const distribution = [
    ...model.tables.map((t) =>
      fileObject(`csv-${t.name}`, csvPath(t.name), file(csvPath(t.name)), 'text/csv', `The ${t.name} table, CSV.`),
    ),
    ...model.tables.map((t) =>
      fileObject(
        `parquet-${t.name}`,
        parquetPath(t.name),
        file(parquetPath(t.name)),
        'application/vnd.apache.parquet',
        `The ${t.name} table, Parquet.`,
      ),
    ),
    ...collections.map((c) =>
      fileObject(
        `jsonl-${c}`,
        jsonlPath(c),
        file(jsonlPath(c)),
        'application/jsonl',
        `The ${c}, one JSON record per line.`,
      ),
    ),
    fileObject(
      'sqlite',
      SQLITE_PATH,
      file(SQLITE_PATH),
      'application/vnd.sqlite3',
      'Every table in one SQLite database, with full-text indexes.',
    ),
  ];
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: CROISSANT_SPEC,
    name: meta.name,
    alternateName: TITLE,
    ...aboutDataset(meta),
    inLanguage: 'en',
    isLiveDataset: false,
    citeAs: citeAs(meta),
    ...RESPONSIBLE_AI,
    distribution,
    recordSet: model.tables.map(recordSet),
  };
}

/** A schema.org `Dataset` for the site's page head: what search engines read. */
export function datasetJsonLd(meta: PackageMetadata): object {
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    name: TITLE,
    alternateName: meta.name,
    ...aboutDataset(meta),
    isAccessibleForFree: true,
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'application/vnd.apache.parquet', contentUrl: 'parquet/' },
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: 'csv/' },
      { '@type': 'DataDownload', encodingFormat: 'application/vnd.sqlite3', contentUrl: SQLITE_PATH },
      { '@type': 'DataDownload', encodingFormat: 'application/jsonl', contentUrl: 'jsonl/' },
    ],
  };
}
