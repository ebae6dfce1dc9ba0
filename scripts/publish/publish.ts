/**
 * Publishes a valid dataset into an (empty) output folder, from the records validation read, checked and serialised
 * (it reads no record file itself; see scripts/checks/record-feed.ts): JSON, NDJSON, flat JSONL, per-article JSON, the
 * table model's tables as CSV, Parquet and one SQLite database, the metadata (datapackage.json, croissant.json,
 * dataset.jsonld), the npm entry points and a checksum manifest. Every record is streamed, one at a time: memory
 * holds one record and the write buffers, never the whole corpus.
 */
import { readFileSync } from 'node:fs';
import { readRegularFile } from '../lib/regular-file.ts';
import { join } from 'node:path';
import type { PublicationInfo } from '../../types/index.ts';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { generatedNotice } from '../lib/generated.ts';
import { OutputDir } from './output.ts';
import { OFFSET_UNIT } from './positions.ts';
import { JsonDocument, jsonlPath, ndjsonLine, ndjsonPath, writeArticleFile } from './json.ts';
import { CsvThread } from './csv-worker.ts';
import { tableModel } from './table-model.ts';
import { SchemaFields } from './schema-fields.ts';
import { dataPackage, type PackageMetadata } from './datapackage.ts';
import { writeParquet } from './parquet.ts';
import { writeResourcesInWorker } from './resource-worker.ts';
import { croissant, CROISSANT_PATH, DATASET_JSONLD_PATH, datasetJsonLd } from './metadata.ts';
import { DATA_LICENSE } from './datapackage.ts';
import type { CompiledFile } from './compile.ts';

export const BUILD_COMMAND = 'npm run build';
export const CHECKSUMS_FILE = 'SHA256SUMS';

export interface PublishOptions {
  outDir: string;
  /** The repository: its package.json, schemas/ and types/. */
  rootDir: string;
  /** The npm package's compiled runtime (scripts/publish/package-runtime.ts), written as given once it comes. */
  packageRuntime: readonly CompiledFile[] | Promise<readonly CompiledFile[]>;
  /** Called once `index.json` and the JSON Lines files are complete (the site's pages need only those). */
  onRecordsWritten?: () => void;
}

/** A record serialised for publishing; an article with its index.json entry and id. */
export interface PublishedRecord {
  json: string;
  summary?: string;
  id?: string;
}

/** Some records of one collection. */
export interface RecordBatch {
  collection: Collection;
  records: PublishedRecord[];
}

/**
 * Where the records come from: `next()` gives the batches in publish order (the articles by file name, then the
 * entities, outlets and redirects, each by id) and null after the last; `done(n)` says n records are published.
 */
export interface RecordSource {
  next(): Promise<RecordBatch | null>;
  done(records: number): void;
}

export interface PublishSummary {
  version: string;
  counts: Record<Collection, number>;
  tables: Map<string, number>;
  files: number;
  /** When each stage of publishing ended (`Date.now()`), in order: for `npm run build -- --timings`. */
  stages: [string, number][];
}

const readRecord = <T>(path: string): T => JSON.parse(readRegularFile(path).toString('utf8')) as T;

/** The registries, in the order data.json and index.json list them after the articles. */
const REGISTRIES = ['entities', 'outlets', 'redirects'] as const;

/**
 * Publishes the records `source` gives. Validation has read, checked and serialised them (the build reads each file
 * once): an article comes positioned and with its keys in the schema's order.
 */
export async function publish(
  { outDir, rootDir, packageRuntime, onRecordsWritten }: PublishOptions,
  source: RecordSource,
): Promise<PublishSummary> {
  const pkg = readRecord<PackageMetadata & { keywords?: string[] }>(join(rootDir, 'package.json'));
  const schemaFields = new SchemaFields(join(rootDir, 'schemas'));
  const articleSchema = schemaFields.schema('article');
  const schemaVersion = Number(/:v(\d+):/.exec(String(articleSchema.$id))?.[1]);
  if (!Number.isInteger(schemaVersion)) throw new Error(`schemas/article.schema.json has no versioned $id`);
  const info: PublicationInfo = { $comment: generatedNotice(BUILD_COMMAND), version: pkg.version, schemaVersion };
  const out = new OutputDir(outDir);
  const stages: [string, number][] = [];
  const stage = (name: string) => stages.push([name, Date.now()]);

  const data = new JsonDocument(out.open('data.json'), { ...info, offsets: OFFSET_UNIT }, 'articles');
  const index = new JsonDocument(out.open('index.json'), { ...info }, 'articles');
  const articlesNdjson = out.open(ndjsonPath('articles'));
  const schemaDir = join(rootDir, 'schemas');
  const model = tableModel(schemaDir);
  // The CSV thread also writes the SQLite database.
  const csv = await CsvThread.start(outDir, schemaDir, {
    name: pkg.name,
    version: pkg.version,
    schemaVersion,
    license: DATA_LICENSE,
    notice: generatedNotice(BUILD_COMMAND),
  });
  const articlesJsonl = out.open(jsonlPath('articles'));

  let published = 0;
  let batch = await source.next();
  let articles = 0;
  for (; batch?.collection === 'articles'; batch = await source.next()) {
    for (const { json, summary, id } of batch.records) {
      data.addJson(json);
      index.addJson(summary!);
      writeArticleFile(out, info, id!, json);
      articlesNdjson.write(ndjsonLine(info, json));
      articlesJsonl.write(`${json}\n`);
      csv.add('articles', json);
    }
    articles += batch.records.length;
    source.done((published += batch.records.length));
  }
  articlesNdjson.close();
  articlesJsonl.close();

  // The registries follow the articles in data.json and index.json, streamed one record at a time in id order.
  data.closeStreamed();
  index.closeStreamed();
  const registryCounts: Record<string, number> = {};
  for (const collection of REGISTRIES) {
    data.openTail(collection);
    index.openTail(collection);
    const sink = out.open(ndjsonPath(collection));
    const jsonl = out.open(jsonlPath(collection));
    let count = 0;
    for (; batch?.collection === collection; batch = await source.next()) {
      for (const { json } of batch.records) {
        data.addJson(json);
        index.addJson(json);
        sink.write(ndjsonLine(info, json));
        jsonl.write(`${json}\n`);
        csv.add(collection, json);
      }
      count += batch.records.length;
      source.done((published += batch.records.length));
    }
    sink.close();
    jsonl.close();
    registryCounts[collection] = count;
  }
  if (batch !== null) throw new Error(`${batch.collection} records came out of order`);
  data.end();
  index.end();
  stage('records (JSON, NDJSON, JSONL, per-article JSON)');
  onRecordsWritten?.();
  // Other writers' files (see resources.ts), described in datapackage.json beside the built-in ones. They read the
  // JSON Lines files, complete now, and run on their own thread while the tables are finished.
  const extraWriters = writeResourcesInWorker({ outDir, rootDir, info });
  // Awaited below; a failure before then must not go unhandled.
  extraWriters.catch(() => {});
  const { files: csvFiles, tables } = await csv.close();
  out.recordAll(csvFiles);
  stage('tables (CSV, SQLite)');

  for (const { schema } of COLLECTIONS) {
    const name = `${schema}.schema.json`;
    out.write(`schemas/${name}`, readFileSync(join(rootDir, 'schemas', name), 'utf8'));
  }

  await writeParquet(out, model.tables, pkg);
  stage('Parquet');

  const { files: extraFiles, resources: extra } = await extraWriters;
  out.recordAll(extraFiles);
  stage('annotation exports');

  const collections = COLLECTIONS.map((c) => c.name);
  const file = (p: string) => out.file(p);
  out.write(CROISSANT_PATH, `${JSON.stringify(croissant(pkg, model, file, collections), null, 2)}\n`);
  out.write(DATASET_JSONLD_PATH, `${JSON.stringify(datasetJsonLd(pkg), null, 2)}\n`);
  const descriptor = dataPackage(pkg, model.tables, file, collections, extra);
  out.write('datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`);

  for (const file of await packageRuntime) out.write(file.path, file.text);

  // The manifest lists every other file, in `sha256sum` format: `cd dist && sha256sum -c SHA256SUMS` checks them.
  const listed = out.writeManifest(CHECKSUMS_FILE);
  stage('metadata, package code, SHA256SUMS');

  return {
    version: pkg.version,
    counts: {
      articles,
      entities: registryCounts.entities!,
      outlets: registryCounts.outlets!,
      redirects: registryCounts.redirects!,
    },
    tables,
    files: listed + 1,
    stages,
  };
}
