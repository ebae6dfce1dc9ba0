/**
 * Publishes a valid dataset into an (empty) output folder in two steps:
 *
 * 1. the canonical stream: every record file is read again, strictly (scripts/lib/json-source.ts), and written once
 *    into `jsonl/<collection>.jsonl`, one flat record per line, sorted by id (JS `<`, UTF-16 code units: `x` before
 *    `x-copy`), each article with its top-level keys in the schema's order and every selector positioned (`start` and
 *    `end` in code points; scripts/publish/positions.ts);
 * 2. every format of `formats/index.ts`, in order: each reads the canonical stream (or what formats before it wrote)
 *    and returns the resources it wrote. The metadata (datapackage.json, croissant.json, dataset.jsonld) and the
 *    checksum manifest derive from those resources.
 *
 * Memory holds one record and the write buffers, never the corpus.
 */
import { join } from 'node:path';
import type { Article, PublicationInfo } from '../../types/index.ts';
import { readLayout } from '../checks/layout.ts';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { UserError } from '../lib/cli.ts';
import { generatedNotice } from '../lib/generated.ts';
import { parseJsonSource } from '../lib/json-source.ts';
import { fsProblem, readRegularFile } from '../lib/regular-file.ts';
import { BUILD_COMMAND, type Format, type PackageMetadata, type Resource } from './formats/format.ts';
import { CHECKSUMS_FILE, FORMATS, NPM_DESCRIPTORS } from './formats/index.ts';
import { jsonlPath } from './formats/json.ts';
import { OutputDir } from './output.ts';
import { orderKeys, positionArticle } from './positions.ts';
import { tableModel } from './table-model.ts';

export interface PublishOptions {
  dataDir: string;
  outDir: string;
  /** The repository: its package.json, schemas/ and types/. */
  rootDir: string;
  /** The formats to write (a test leaves out `runtime`, which reads no data). */
  formats?: readonly Format[];
}

export interface PublishSummary {
  version: string;
  counts: Record<Collection, number>;
  /** Each format's name and the resources it wrote, in order. */
  formats: [string, Resource[]][];
  /** Files written (the checksum manifest included). */
  files: number;
  /** When each stage ended (`Date.now()`), in order: for `npm run build -- --timings`. */
  stages: [string, number][];
}

/** Every path of a resource (a Frictionless `path` is one path or an array of shards). */
export const pathsOf = (resource: Pick<Resource, 'path'>): string[] => [resource.path].flat();

/** A record file parsed strictly; a file that changed since it was validated is a user error. */
function readRecord(path: string): Record<string, unknown> {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path);
  } catch (error) {
    const problem = fsProblem(error, 'file');
    throw new UserError(`${path}: ${problem.message}. Hint: ${problem.hint}`);
  }
  const parsed = parseJsonSource(bytes);
  if (!parsed.ok)
    throw new UserError(
      `${path}: ${parsed.problems[0]!.message} (the file changed after it was validated). ` +
        `Hint: run \`${BUILD_COMMAND}\` again.`,
    );
  return parsed.value;
}

/** Writes `jsonl/<collection>.jsonl` for every collection; returns how many records each has. */
function writeCanonicalStream(dataDir: string, out: OutputDir, articleKeys: readonly string[]) {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const files = readLayout(dataDir).records.sort(byId);
  const counts = { articles: 0, entities: 0, outlets: 0, redirects: 0 };
  for (const { name } of COLLECTIONS) {
    const sink = out.open(jsonlPath(name));
    for (const file of files) {
      if (file.collection !== name) continue;
      const record = readRecord(file.path);
      const published =
        name === 'articles' ? positionArticle(orderKeys(record as unknown as Article, articleKeys)) : record;
      sink.write(`${JSON.stringify(published)}\n`);
      counts[name]++;
    }
    sink.close();
  }
  return counts;
}

export async function publish({
  dataDir,
  outDir,
  rootDir,
  formats: only = FORMATS,
}: PublishOptions): Promise<PublishSummary> {
  const stages: [string, number][] = [];
  const readJson = <T>(path: string) => JSON.parse(readRegularFile(join(rootDir, path)).toString('utf8')) as T;
  const dataset = readJson<PackageMetadata>('package.json');
  const articleSchema = readJson<{ $id?: string; properties?: object }>('schemas/article.schema.json');
  const schemaVersion = Number(/:v(\d+):/.exec(String(articleSchema.$id))?.[1]);
  if (!Number.isInteger(schemaVersion)) throw new Error(`schemas/article.schema.json has no versioned $id`);
  const info: PublicationInfo = { $comment: generatedNotice(BUILD_COMMAND), version: dataset.version, schemaVersion };
  const out = new OutputDir(outDir);

  const counts = writeCanonicalStream(dataDir, out, Object.keys(articleSchema.properties ?? {}));
  stages.push(['canonical JSON Lines', Date.now()]);

  const model = tableModel(join(rootDir, 'schemas'));
  const written: Resource[] = [];
  const formats: [string, Resource[]][] = [];
  for (const format of only) {
    const resources = await format.write({ out, rootDir, info, dataset, model, written });
    written.push(...resources);
    formats.push([format.name, resources]);
    stages.push([format.name, Date.now()]);
  }

  // Every file belongs to a declared resource; the manifest lists what the npm package ships.
  const shipped = new Set<string>(NPM_DESCRIPTORS);
  const declared = new Set<string>(NPM_DESCRIPTORS);
  for (const resource of written)
    for (const path of pathsOf(resource)) {
      declared.add(path);
      if (resource.npm) shipped.add(path);
    }
  const files = out.files();
  for (const file of files)
    if (!declared.has(file.path)) throw new Error(`${file.path} was written, but no format declares it as a resource`);
  const sums = files.filter((file) => file.path !== CHECKSUMS_FILE && shipped.has(file.path));
  out.write(CHECKSUMS_FILE, sums.map((file) => `${file.sha256}  ${file.path}\n`).join(''));
  stages.push([CHECKSUMS_FILE, Date.now()]);
  return { version: dataset.version, counts, formats, files: declared.size, stages };
}
