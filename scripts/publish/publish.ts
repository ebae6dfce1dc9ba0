/**
 * Publishes a valid data folder into an (empty) output folder: JSON, NDJSON, flat JSONL, per-article JSON, the
 * table model's tables as CSV, Parquet and one SQLite database, the metadata (datapackage.json, croissant.json,
 * dataset.jsonld), the npm entry points and a checksum manifest. Every record is streamed, one at a time: memory
 * holds one record and the write buffers, never the whole corpus.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readRegularFile } from '../lib/regular-file.ts';
import { basename, join } from 'node:path';
import type { Article, Entity, Outlet, PublicationInfo, Redirect } from '../../types/index.ts';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { generatedNotice } from '../lib/generated.ts';
import { OutputDir } from './output.ts';
import { OFFSET_UNIT, positionArticle } from './positions.ts';
import { JsonDocument, jsonlPath, ndjsonLine, summarize, ndjsonPath } from './json.ts';
import { CsvThread } from './csv-worker.ts';
import { tableModel } from './table-model.ts';
import { SchemaFields } from './schema-fields.ts';
import { dataPackage, type PackageMetadata } from './datapackage.ts';
import { writeParquet } from './parquet.ts';
import { RESOURCE_WRITERS, type ExtraResource } from './resources.ts';
import { croissant, CROISSANT_PATH, DATASET_JSONLD_PATH, datasetJsonLd } from './metadata.ts';
import { DATA_LICENSE } from './datapackage.ts';
import type { CompiledFile } from './compile.ts';

export const BUILD_COMMAND = 'npm run build';
export const CHECKSUMS_FILE = 'SHA256SUMS';

export interface PublishOptions {
  dataDir: string;
  outDir: string;
  /** The repository: its package.json, schemas/ and types/. */
  rootDir: string;
  /** The npm package's compiled runtime (scripts/publish/package-runtime.ts), written as given. */
  packageRuntime: readonly CompiledFile[];
}

export interface PublishSummary {
  version: string;
  counts: Record<Collection, number>;
  tables: Map<string, number>;
  files: number;
}

/** The JSON files of one collection in `dataDir`, sorted (file names are ids). */
function recordFiles(dataDir: string, collection: Collection): string[] {
  const dir = COLLECTIONS.find((c) => c.name === collection)!.dir;
  const folder = join(dataDir, dir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(folder, f));
}

const readRecord = <T>(path: string): T => JSON.parse(readRegularFile(path).toString('utf8')) as T;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The registries, in the order data.json and index.json list them after the articles. */
const REGISTRIES = ['entities', 'outlets', 'redirects'] as const;

/**
 * A registry's record files in id order (the order of the published lists), without reading them: the file name is
 * the id (the validator checks it, and the build re-checks each record as it reads it).
 */
function registryFiles(dataDir: string, collection: Collection): { id: string; path: string }[] {
  return recordFiles(dataDir, collection)
    .map((path) => ({ id: basename(path, '.json'), path }))
    .sort(byId);
}

/** The record with its top-level keys in the schema's order, so the output does not depend on how a file is laid out. */
function orderKeys<T extends object>(record: T, keys: readonly string[]): T {
  const source = record as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of keys) if (key in source) ordered[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in ordered)) ordered[key] = source[key];
  return ordered as T;
}

export async function publish({ dataDir, outDir, rootDir, packageRuntime }: PublishOptions): Promise<PublishSummary> {
  const pkg = readRecord<PackageMetadata & { keywords?: string[] }>(join(rootDir, 'package.json'));
  const schemaFields = new SchemaFields(join(rootDir, 'schemas'));
  const articleSchema = schemaFields.schema('article');
  const schemaVersion = Number(/:v(\d+):/.exec(String(articleSchema.$id))?.[1]);
  if (!Number.isInteger(schemaVersion)) throw new Error(`schemas/article.schema.json has no versioned $id`);
  const articleKeys = Object.keys(articleSchema.properties as object);
  const info: PublicationInfo = { $comment: generatedNotice(BUILD_COMMAND), version: pkg.version, schemaVersion };
  const out = new OutputDir(outDir);

  const data = new JsonDocument(out.open('data.json'), { ...info, offsets: OFFSET_UNIT }, 'articles');
  const index = new JsonDocument(out.open('index.json'), { ...info }, 'articles');
  const articlesNdjson = out.open(ndjsonPath('articles'));
  const schemaDir = join(rootDir, 'schemas');
  const model = tableModel(schemaDir);
  // The CSV thread also writes articles/<id>.json and the SQLite database.
  const csv = await CsvThread.start(outDir, schemaDir, info, {
    name: pkg.name,
    version: pkg.version,
    schemaVersion,
    license: DATA_LICENSE,
    notice: generatedNotice(BUILD_COMMAND),
  });
  const articlesJsonl = out.open(jsonlPath('articles'));

  const articleFiles = recordFiles(dataDir, 'articles');
  for (const path of articleFiles) {
    const article = positionArticle(orderKeys(readRecord<Article>(path), articleKeys));
    const json = JSON.stringify(article); // serialised once for the three files that hold it whole
    data.addJson(json);
    index.add(summarize(article));
    articlesNdjson.write(ndjsonLine(info, json));
    articlesJsonl.write(`${json}\n`);
    csv.add('articles', json);
  }
  articlesNdjson.close();
  articlesJsonl.close();

  // The registries follow the articles in data.json and index.json, streamed one record at a time in id order.
  data.closeStreamed();
  index.closeStreamed();
  const registryCounts: Record<string, number> = {};
  for (const collection of REGISTRIES) {
    const files = registryFiles(dataDir, collection);
    data.openTail(collection);
    index.openTail(collection);
    const sink = out.open(ndjsonPath(collection));
    const jsonl = out.open(jsonlPath(collection));
    for (const { id, path } of files) {
      const record = readRecord<Entity | Outlet | Redirect>(path);
      if (record.id !== id) throw new Error(`${path} holds the record ${JSON.stringify(record.id)}, not ${JSON.stringify(id)}`);
      const json = JSON.stringify(record);
      data.addJson(json);
      index.addJson(json);
      sink.write(ndjsonLine(info, json));
      jsonl.write(`${json}\n`);
      csv.add(collection, json);
    }
    sink.close();
    jsonl.close();
    registryCounts[collection] = files.length;
  }
  data.end();
  index.end();
  const { files: csvFiles, tables } = await csv.close();
  for (const file of csvFiles) out.record(file);

  for (const { schema } of COLLECTIONS) {
    const name = `${schema}.schema.json`;
    out.write(`schemas/${name}`, readFileSync(join(rootDir, 'schemas', name), 'utf8'));
  }

  await writeParquet(out, model.tables, pkg);

  // Other writers' files (see resources.ts), described in datapackage.json beside the built-in ones.
  const extra: ExtraResource[] = [];
  for (const writer of RESOURCE_WRITERS) extra.push(...(await writer.write({ out, model, info, rootDir })));

  const collections = COLLECTIONS.map((c) => c.name);
  const file = (p: string) => out.file(p);
  out.write(CROISSANT_PATH, `${JSON.stringify(croissant(pkg, model, file, collections), null, 2)}\n`);
  out.write(DATASET_JSONLD_PATH, `${JSON.stringify(datasetJsonLd(pkg), null, 2)}\n`);
  const descriptor = dataPackage(pkg, model.tables, file, collections, extra);
  out.write('datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`);

  for (const file of packageRuntime) out.write(file.path, file.text);

  // The manifest lists every other file, in `sha256sum` format: `cd dist && sha256sum -c SHA256SUMS` checks them.
  const files = out.files();
  out.write(CHECKSUMS_FILE, files.map((f) => `${f.sha256}  ${f.path}\n`).join(''));

  return {
    version: pkg.version,
    counts: { articles: articleFiles.length, entities: registryCounts.entities!, outlets: registryCounts.outlets!, redirects: registryCounts.redirects! },
    tables,
    files: files.length + 1,
  };
}
