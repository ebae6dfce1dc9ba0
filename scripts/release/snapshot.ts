/**
 * A dataset snapshot: the published records and schemas of one tree, either the working tree or a release tag.
 * Records are listed with their git blob ids and parsed only when needed, so comparing two large trees parses just
 * the files that differ.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { fail } from '../lib/cli.ts';
import { blobId, listTree, readBlobs } from './git.ts';

export type JsonObject = { [key: string]: unknown };

/** package.json's `version`, or '' when it has none. */
const versionOf = (pkg: unknown): string => {
  const { version } = pkg as { version?: unknown };
  return typeof version === 'string' ? version : '';
};

export interface RecordFile {
  collection: Collection;
  /** The record's id: its file name without `.json`. */
  id: string;
  /** Path from the repository root (`data/articles/<id>.json`). */
  path: string;
  /** The git blob id of its bytes: equal ids mean identical files. */
  blob: string;
}

export interface Snapshot {
  /** How reports name this tree: `v1.2.0`, `the working tree`. */
  label: string;
  /** package.json's `version` in this tree (`null` when there is no package.json). */
  version: string | null;
  /** package.json's `exports` subpaths (`./data.json`, `./jsonl/*.jsonl`): the files consumers import by name. */
  exports: string[];
  /** Record files by collection, then by id. */
  records: Map<Collection, Map<string, RecordFile>>;
  /** The committed JSON Schemas, by name (`article`, from `schemas/article.schema.json`). */
  schemas: Map<string, JsonObject>;
  /** Parses the given record files. */
  read(files: readonly RecordFile[]): Map<string, unknown>;
}

/** The folder each collection lives in, relative to the repository root. */
const DATA_DIR = 'data';
const SCHEMA_DIR = 'schemas';
const SCHEMA_SUFFIX = '.schema.json';

/** package.json's version and exported subpaths. */
function packageFacts(pkg: JsonObject | null): Pick<Snapshot, 'version' | 'exports'> {
  if (!pkg) return { version: null, exports: [] };
  const exports = pkg.exports;
  const subpaths = exports && typeof exports === 'object' && !Array.isArray(exports) ? Object.keys(exports) : [];
  return { version: versionOf(pkg), exports: subpaths.filter((k) => k.startsWith('.')).sort() };
}

function emptyRecords(): Map<Collection, Map<string, RecordFile>> {
  return new Map(COLLECTIONS.map(({ name }) => [name, new Map<string, RecordFile>()]));
}

function parseJson(bytes: Buffer, where: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    return fail(`${where} is not valid JSON (${(error as Error).message}). Run \`npm run validate\` first.`, 1);
  }
}

/** A snapshot with no records and no schemas: the baseline when nothing has been released yet. */
export function emptySnapshot(label: string): Snapshot {
  return { label, version: null, exports: [], records: emptyRecords(), schemas: new Map(), read: () => new Map() };
}

/** The working tree at `root`, as it is on disk now (uncommitted edits included). */
export function workingTreeSnapshot(root: string): Snapshot {
  const records = emptyRecords();
  for (const { name, dir } of COLLECTIONS) {
    const folder = join(root, DATA_DIR, dir);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const path = `${DATA_DIR}/${dir}/${file}`;
      const id = file.slice(0, -'.json'.length);
      records.get(name)!.set(id, { collection: name, id, path, blob: blobId(readFileSync(join(root, path))) });
    }
  }
  const schemas = new Map<string, JsonObject>();
  const schemaFolder = join(root, SCHEMA_DIR);
  if (existsSync(schemaFolder)) {
    for (const file of readdirSync(schemaFolder)
      .filter((f) => f.endsWith(SCHEMA_SUFFIX))
      .sort()) {
      const where = `${SCHEMA_DIR}/${file}`;
      schemas.set(
        file.slice(0, -SCHEMA_SUFFIX.length),
        parseJson(readFileSync(join(root, where)), where) as JsonObject,
      );
    }
  }
  const packageFile = join(root, 'package.json');
  const pkg = existsSync(packageFile) ? (parseJson(readFileSync(packageFile), 'package.json') as JsonObject) : null;
  return {
    label: 'the working tree',
    ...packageFacts(pkg),
    records,
    schemas,
    read: (files) => new Map(files.map((f) => [f.path, parseJson(readFileSync(join(root, f.path)), f.path)])),
  };
}

/** The tree of a git revision (a release tag), read from the object store; the working tree is not touched. */
export function gitSnapshot(root: string, revision: string): Snapshot {
  const entries = listTree(root, revision, [DATA_DIR, SCHEMA_DIR, 'package.json']);
  const records = emptyRecords();
  const schemaBlobs = new Map<string, string>();
  let packageBlob: string | null = null;
  for (const { path, blob } of entries) {
    if (path === 'package.json') {
      packageBlob = blob;
      continue;
    }
    const parts = path.split('/');
    if (parts[0] === SCHEMA_DIR && parts.length === 2 && parts[1]!.endsWith(SCHEMA_SUFFIX)) {
      schemaBlobs.set(parts[1]!.slice(0, -SCHEMA_SUFFIX.length), blob);
      continue;
    }
    const collection = COLLECTIONS.find((c) => c.dir === parts[1]);
    if (parts[0] !== DATA_DIR || parts.length !== 3 || !collection || !parts[2]!.endsWith('.json')) continue;
    const id = parts[2]!.slice(0, -'.json'.length);
    records.get(collection.name)!.set(id, { collection: collection.name, id, path, blob });
  }
  const small = readBlobs(root, [...schemaBlobs.values(), ...(packageBlob ? [packageBlob] : [])]);
  const schemas = new Map<string, JsonObject>();
  for (const [name, blob] of [...schemaBlobs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    schemas.set(name, parseJson(small.get(blob)!, `${revision}:${SCHEMA_DIR}/${name}${SCHEMA_SUFFIX}`) as JsonObject);
  }
  const pkg = packageBlob ? (parseJson(small.get(packageBlob)!, `${revision}:package.json`) as JsonObject) : null;
  return {
    label: revision,
    ...packageFacts(pkg),
    records,
    schemas,
    read(files) {
      const blobs = readBlobs(
        root,
        files.map((f) => f.blob),
      );
      return new Map(files.map((f) => [f.path, parseJson(blobs.get(f.blob)!, `${revision}:${f.path}`)]));
    },
  };
}
