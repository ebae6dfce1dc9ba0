/**
 * The metadata, derived from the resources every format before it returned (so a new format is described with no
 * change here):
 * - `datapackage.json`: the Frictionless Data Package v2 descriptor of every resource (its format, media type, size
 *   and hash; a table's CSV with its Table Schema). It describes the full download: a resource the npm package does
 *   not ship says so in its description, and SHA256SUMS lists exactly what the npm package ships;
 * - `croissant.json`: Croissant 1.1 (MLCommons) JSON-LD: the files marked for it, one record set per table with a
 *   field per column (type, description, source column, keys and references), and the Responsible-AI fields;
 * - `dataset.jsonld`: a schema.org `Dataset`, small enough for a web page's head.
 */
import type { OutputDir } from '../output.ts';
import type { Table, TableModel } from '../table-model.ts';
import type { FieldFacts } from '../schema-fields.ts';
import { DIALECT, resourceName } from './tables.ts';
import { TEXT, type Format, type PackageMetadata, type Resource } from './format.ts';

export const DATA_PACKAGE_PATH = 'datapackage.json';
const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
/** The licence of what the dataset's curators made (the article text is not theirs; see LICENSE-DATA.md). */
export const DATA_LICENSE = 'CC-BY-4.0';
/** Appended to the description of a resource the npm package does not ship. */
export const NOT_IN_NPM = 'In the download bundle, not in the npm package.';

const LICENSES = [
  {
    name: DATA_LICENSE,
    path: 'https://creativecommons.org/licenses/by/4.0/',
    title:
      'Creative Commons Attribution 4.0 for the annotations, curator-written text and registries. The article ' +
      "text is not licensed by the dataset: see each article's rights and LICENSE-DATA.md.",
  },
];

const SOURCES = [
  {
    title:
      "News articles as published by their outlets, reproduced verbatim; each article's provenance " +
      '(articles.provenance_source, provenance_source_url) says where its text came from.',
  },
];

const CONTRIBUTORS = [{ title: 'annotated-news contributors', roles: ['creator', 'curator'] }];

export const CROISSANT_PATH = 'croissant.json';
const DATASET_JSONLD_PATH = 'dataset.jsonld';
const CROISSANT_SPEC = 'http://mlcommons.org/croissant/1.1';

const CREATOR = { '@type': 'Organization', name: 'annotated-news contributors' };
const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
const TITLE = 'Annotated news';

/** The Croissant terms of the JSON-LD context below: each is `cr:<term>`, but for the four it then redefines. */
const CROISSANT_TERMS =
  'citeAs column conformsTo data dataType examples extract field fileObject fileSet format includes isLiveDataset ' +
  'jsonPath key md5 recordSet references regex sdVersion separator source subField transform';

/** The JSON-LD context of Croissant 1.1 (its Appendix 1), with the RAI and Dublin Core prefixes. */
const CROISSANT_CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  sc: 'https://schema.org/',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  dct: 'http://purl.org/dc/terms/',
  ...Object.fromEntries(CROISSANT_TERMS.split(' ').map((term) => [term, `cr:${term}`])),
  // Redefined in place: a key keeps its position in the alphabetical list above.
  conformsTo: 'dct:conformsTo',
  data: { '@id': 'cr:data', '@type': '@json' },
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  examples: { '@id': 'cr:examples', '@type': '@json' },
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
    'News articles chosen by the curators, their text reproduced verbatim from the source each record names ' +
    '(provenance). No crawling, no user data.',
  'rai:dataCollectionType': ['Manual Human Curator', 'Document analysis'],
  'rai:dataAnnotationProtocol':
    'Curators annotate mentions, quotes, figures, cited sources and events, each anchored in the article text ' +
    'by a W3C TextQuoteSelector; `npm run validate` proves every selector matches the text exactly once. What ' +
    'the text does not say is recorded as unknown, or as a flagged curator inference, never as fact.',
  'rai:dataAnnotationPlatform': "Hand-edited JSON files in a git repository, checked by the project's validator in CI.",
  'rai:dataLimitations':
    'A small, hand-curated corpus: not a sample of any population of news. The article text is not licensed by ' +
    "the dataset (see each article's rights).",
  'rai:dataBiases':
    "The choice of articles reflects the curators' interests (the first articles concern rare-earth elements " +
    'and Ukraine).',
  'rai:personalSensitiveInformation':
    'Names of public figures as they appear in published news, and the names of credited authors. No private data.',
  'rai:dataUseCases':
    'Information extraction, quote attribution, entity linking and temporal grounding: training and evaluation.',
  'rai:dataReleaseMaintenancePlan':
    'Released by pull request; every release has a semantic version and a changelog; removed or renamed records ' +
    'leave redirects.',
};

const fieldId = (table: string, column: string) => `${table}/${column}`;

function recordSet(table: Table, fileObjectId: string) {
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
      source: { fileObject: { '@id': fileObjectId }, extract: { column: column.name } },
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

function citeAs(meta: PackageMetadata): string {
  return (
    `@misc{annotated_news, title = {${TITLE}}, author = {{annotated-news contributors}}, version = ` +
    `{${meta.version}}, note = {Dataset}}`
  );
}

function croissant(meta: PackageMetadata, model: TableModel, resources: readonly Resource[], out: OutputDir): object {
  // Each file of a listed resource, its id the resource's name (numbered when the resource has several files).
  const files = resources
    .filter((r) => r.croissant)
    .flatMap((r) =>
      [r.path].flat().map((path, i, all) => ({ r, path, id: all.length > 1 ? `${r.name}-${i + 1}` : r.name })),
    );
  const distribution = files.map(({ r, path, id }) => ({
    '@type': 'cr:FileObject',
    '@id': id,
    name: id,
    description: r.description,
    contentUrl: path,
    contentSize: `${out.file(path).bytes} B`,
    encodingFormat: r.mediatype,
    sha256: out.file(path).sha256,
  }));
  /** The file a table's fields are read from: its first CSV (else any) file listed here. */
  const source = (table: Table) => {
    const of = files.filter((f) => f.r.table === table.name);
    const file = of.find((f) => f.r.format === 'csv') ?? of[0];
    if (!file) throw new Error(`croissant.json lists no file of the ${table.name} table`);
    return file.id;
  };
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
    recordSet: model.tables.map((t) => recordSet(t, source(t))),
  };
}

/** A schema.org `Dataset` for the site's page head: what search engines read. */
function datasetJsonLd(meta: PackageMetadata, resources: readonly Resource[]): object {
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    name: TITLE,
    alternateName: meta.name,
    ...aboutDataset(meta),
    isAccessibleForFree: true,
    distribution: resources
      .filter((r) => r.croissant)
      .map((r) => ({
        '@type': 'DataDownload',
        name: r.name,
        encodingFormat: r.mediatype,
        contentUrl: [r.path].flat()[0],
      })),
  };
}

/**
 * A table's Frictionless Table Schema: each column's type, description and constraints, and the keys. An empty cell
 * is a missing value (null); an empty string is written as `""`.
 */
export function tableSchema(table: Table) {
  const unique = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
  const fields = table.columns.map(({ name, facts }) => {
    const { type, description, required, enum: values, minLength, maxLength, minimum, maximum } = facts;
    const constraints = { required: required || undefined, unique: name === unique || undefined, enum: values };
    // Only the constraints that apply: JSON leaves out the undefined ones.
    return { name, type, description, constraints: { ...constraints, minLength, maxLength, minimum, maximum } };
  });
  const foreignKeys = table.foreignKeys.map(({ fields, reference }) => ({
    fields,
    reference: { resource: resourceName(reference.resource), fields: reference.fields },
  }));
  // The profile wants at least one foreign key when the property is present.
  return {
    fields,
    missingValues: [''],
    primaryKey: table.primaryKey,
    ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
  };
}

function dataPackage(meta: PackageMetadata, model: TableModel, resources: readonly Resource[], out: OutputDir): object {
  const tables = new Map(model.tables.map((t) => [t.name, t]));
  const describe = (r: Resource) => {
    const table = r.format === 'csv' && r.table !== undefined ? tables.get(r.table) : undefined;
    const whole = typeof r.path === 'string' ? out.file(r.path) : undefined;
    return {
      name: r.name,
      ...(table ? { type: 'table' } : {}),
      path: r.path,
      scheme: 'file',
      format: r.format,
      mediatype: r.mediatype,
      ...(r.encoding ? { encoding: r.encoding } : {}),
      bytes: [r.path].flat().reduce((sum, path) => sum + out.file(path).bytes, 0),
      ...(whole ? { hash: `sha256:${whole.sha256}` } : {}),
      description: r.npm ? r.description : `${r.description} ${NOT_IN_NPM}`,
      ...(table ? { dialect: DIALECT, schema: tableSchema(table) } : {}),
    };
  };
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: meta.name,
    title: TITLE,
    description: meta.description,
    version: meta.version,
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    licenses: LICENSES,
    sources: SOURCES,
    contributors: CONTRIBUTORS,
    keywords: meta.keywords,
    resources: resources.map(describe),
  };
}

const jsonText = (value: object) => `${JSON.stringify(value, null, 2)}\n`;

export const metadata: Format = {
  name: 'metadata',
  description: 'datapackage.json, croissant.json and dataset.jsonld, derived from every resource written before.',
  write({ out, model, dataset, written: declared }) {
    // A resource written as one shard is described as a single file (with its hash), as an unsharded one is.
    const written = declared.map((r) =>
      Array.isArray(r.path) && r.path.length === 1 ? { ...r, path: r.path[0]! } : r,
    );
    const own: Resource[] = [
      {
        name: 'croissant',
        path: CROISSANT_PATH,
        format: 'jsonld',
        mediatype: `application/ld+json; profile="${CROISSANT_SPEC}"`,
        encoding: 'utf-8',
        description: 'Croissant 1.1 metadata: the files, a record set per table, and the Responsible-AI fields.',
        npm: true,
        croissant: false,
      },
      {
        name: 'dataset-jsonld',
        path: DATASET_JSONLD_PATH,
        ...TEXT.jsonld,
        description: "A schema.org Dataset description, for a web page's head.",
        npm: true,
        croissant: false,
      },
    ];
    out.write(CROISSANT_PATH, jsonText(croissant(dataset, model, written, out)));
    out.write(DATASET_JSONLD_PATH, jsonText(datasetJsonLd(dataset, written)));
    const resources = [...written, ...own];
    out.write(DATA_PACKAGE_PATH, jsonText(dataPackage(dataset, model, resources, out)));
    return own;
  },
};
