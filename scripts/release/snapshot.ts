/**
 * A dataset snapshot: the published records and schemas of one tree, either the working tree or a release tag.
 * Records are listed with their git blob ids and parsed only when needed, so comparing two large trees parses just
 * the files that differ.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { fail } from '../lib/cli.ts';
import { blobId, listTree, readBlobs, type TreeEntry } from './git.ts';

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

function parseJson(bytes: Buffer, where: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    return fail(`${where} is not valid JSON (${(error as Error).message}). Run \`npm run validate\` first.`, 1);
  }
}

function emptyRecords(): Map<Collection, Map<string, RecordFile>> {
  return new Map(COLLECTIONS.map(({ name }) => [name, new Map<string, RecordFile>()]));
}

/** A snapshot with no records and no schemas: the baseline when nothing has been released yet. */
export function emptySnapshot(label: string): Snapshot {
  return { label, version: null, exports: [], records: emptyRecords(), schemas: new Map(), read: () => new Map() };
}

/**
 * The snapshot of a tree's files (`data/<folder>/<id>.json`, `schemas/<name>.schema.json`, `package.json`; others
 * are ignored), given their blob ids and a way to read them by path. `prefix` names the tree in error messages.
 */
function snapshotOf(
  label: string,
  prefix: string,
  entries: readonly TreeEntry[],
  readPaths: (entries: readonly TreeEntry[]) => Map<string, Buffer>,
): Snapshot {
  const records = emptyRecords();
  const small: TreeEntry[] = [];
  for (const entry of entries) {
    const parts = entry.path.split('/');
    const collection = COLLECTIONS.find((c) => c.dir === parts[1]);
    if (parts[0] === DATA_DIR && parts.length === 3 && collection && parts[2]!.endsWith('.json')) {
      const id = parts[2]!.slice(0, -'.json'.length);
      records.get(collection.name)!.set(id, { collection: collection.name, id, ...entry });
    } else if (entry.path === 'package.json' || /^schemas\/[^/]+\.schema\.json$/.test(entry.path)) small.push(entry);
  }
  const parse = (files: readonly TreeEntry[]) => {
    const bytes = readPaths(files);
    return new Map(files.map((f) => [f.path, parseJson(bytes.get(f.path)!, `${prefix}${f.path}`)]));
  };
  const parsed = parse(small);
  const schemas = new Map<string, JsonObject>();
  for (const path of [...parsed.keys()].filter((p) => p !== 'package.json').sort()) {
    schemas.set(path.slice(SCHEMA_DIR.length + 1, -SCHEMA_SUFFIX.length), parsed.get(path) as JsonObject);
  }
  const pkg = (parsed.get('package.json') ?? null) as JsonObject | null;
  return { label, ...packageFacts(pkg), records, schemas, read: parse };
}

/** The working tree at `root`, as it is on disk now (uncommitted edits included). */
export function workingTreeSnapshot(root: string): Snapshot {
  const paths = existsSync(join(root, 'package.json')) ? ['package.json'] : [];
  for (const folder of [SCHEMA_DIR, ...COLLECTIONS.map(({ dir }) => `${DATA_DIR}/${dir}`)]) {
    if (existsSync(join(root, folder))) paths.push(...readdirSync(join(root, folder)).map((f) => `${folder}/${f}`));
  }
  const read = (path: string) => readFileSync(join(root, path));
  const entries = paths.filter((p) => p.endsWith('.json')).map((path) => ({ path, blob: blobId(read(path)) }));
  return snapshotOf('the working tree', '', entries, (files) => new Map(files.map((f) => [f.path, read(f.path)])));
}

/** The tree of a git revision (a release tag), read from the object store; the working tree is not touched. */
export function gitSnapshot(root: string, revision: string): Snapshot {
  const entries = listTree(root, revision, [DATA_DIR, SCHEMA_DIR, 'package.json']);
  return snapshotOf(revision, `${revision}:`, entries, (files) => {
    const blobs = readBlobs(
      root,
      files.map((f) => f.blob),
    );
    return new Map(files.map((f) => [f.path, blobs.get(f.blob)!]));
  });
}
