/**
 * A dataset snapshot: the published records and schemas of one tree, the working tree or a release tag, and the few
 * git operations a release needs. Records are listed with their git blob ids and parsed only when needed, so
 * comparing two large trees parses just the files that differ.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { fail } from '../lib/cli.ts';

export type JsonObject = { [key: string]: unknown };

/** Runs git in `root` and returns its stdout; a failure becomes a user-facing error naming the command. */
export function git(root: string, args: readonly string[], input?: string): Buffer {
  const result = spawnSync('git', ['-C', root, ...args], {
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  if (result.error) fail(`could not run git (${result.error.message}); the release command needs git on PATH.`);
  if (result.status !== 0) fail(`\`git ${args.join(' ')}\` failed in ${root}:\n${result.stderr.toString().trim()}`);
  return result.stdout;
}

export const gitText = (root: string, args: readonly string[]): string => git(root, args).toString('utf8');

/** What git prints (trimmed) when it succeeds, or `null` when it fails: for questions whose answer may be no. */
function gitAnswer(root: string, args: readonly string[]): string | null {
  const result = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

export const isGitRepository = (root: string) => gitAnswer(root, ['rev-parse', '--is-inside-work-tree']) === 'true';

/** The commit a ref names, or `null` when there is none. */
export const commitOf = (root: string, ref: string) =>
  gitAnswer(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);

/** Tags reachable from HEAD (releases made on this line of history). */
export function tagsMergedIntoHead(root: string): string[] {
  if (commitOf(root, 'HEAD') === null) return [];
  return gitText(root, ['tag', '--list', '--merged', 'HEAD']).split('\n').filter(Boolean);
}

/** A file of a tree: its path from the repository root, and the git blob id of its bytes (equal ids: equal files). */
export interface Entry {
  path: string;
  blob: string;
}

export interface RecordFile extends Entry {
  /** The record's id: its file name without `.json`. */
  id: string;
}

export interface Snapshot {
  /** package.json's `version` in this tree ('' when it has none, `null` when there is no package.json). */
  version: string | null;
  /** package.json's `exports` subpaths (`./data.json`, `./jsonl/*.jsonl`): the files consumers import by name. */
  exports: string[];
  /** Record files by collection, then by id. */
  records: Map<Collection, Map<string, RecordFile>>;
  /** The committed JSON Schemas, by name (`article`, from `schemas/article.schema.json`). */
  schemas: Map<string, JsonObject>;
  /** Parses the given files, by path. */
  read(files: readonly Entry[]): Map<string, unknown>;
}

/**
 * The snapshot of a tree's files (`data/<folder>/<id>.json`, `schemas/<name>.schema.json`, `package.json`; others
 * are ignored), given their blob ids and a way to read them by path. `prefix` names the tree in error messages.
 */
function snapshotOf(
  prefix: string,
  entries: Entry[],
  readPaths: (files: readonly Entry[]) => Map<string, Buffer>,
): Snapshot {
  const records = new Map(COLLECTIONS.map(({ name }) => [name, new Map<string, RecordFile>()]));
  const schemas = new Map<string, JsonObject>();
  const read: Snapshot['read'] = (files) => {
    const bytes = readPaths(files);
    return new Map(
      files.map(({ path }) => {
        try {
          return [path, JSON.parse(bytes.get(path)!.toString('utf8')) as unknown];
        } catch (error) {
          const why = (error as Error).message;
          return fail(`${prefix}${path} is not valid JSON (${why}). Run \`npm run validate\` first.`, 1);
        }
      }),
    );
  };
  for (const entry of entries) {
    const parts = entry.path.split('/');
    const collection = COLLECTIONS.find((c) => c.dir === parts[1]);
    if (parts[0] === 'data' && parts.length === 3 && collection && parts[2]!.endsWith('.json')) {
      const id = parts[2]!.slice(0, -'.json'.length);
      records.get(collection.name)!.set(id, { id, ...entry });
    }
  }
  const small = entries.filter((e) => e.path === 'package.json' || /^schemas\/[^/]+\.schema\.json$/.test(e.path));
  const parsed = read(small);
  for (const path of [...parsed.keys()].filter((p) => p !== 'package.json').sort())
    schemas.set(path.slice('schemas/'.length, -'.schema.json'.length), parsed.get(path) as JsonObject);
  const pkg = parsed.get('package.json') as { version?: unknown; exports?: unknown } | undefined;
  const exports = pkg?.exports && typeof pkg.exports === 'object' && !Array.isArray(pkg.exports) ? pkg.exports : {};
  const subpaths = Object.keys(exports).filter((k) => k.startsWith('.'));
  return {
    version: pkg ? (typeof pkg.version === 'string' ? pkg.version : '') : null,
    exports: subpaths.sort(),
    records,
    schemas,
    read,
  };
}

/** A snapshot with no records and no schemas: the baseline when nothing has been released yet. */
export const emptySnapshot = (): Snapshot => snapshotOf('', [], () => new Map());

/** The working tree at `root`, as it is on disk now (uncommitted edits included). */
export function workingTreeSnapshot(root: string): Snapshot {
  const paths = existsSync(join(root, 'package.json')) ? ['package.json'] : [];
  for (const folder of ['schemas', ...COLLECTIONS.map(({ dir }) => `data/${dir}`)]) {
    if (existsSync(join(root, folder))) paths.push(...readdirSync(join(root, folder)).map((f) => `${folder}/${f}`));
  }
  const read = (path: string) => readFileSync(join(root, path));
  // The object id git would give each file (`git hash-object`), to spot unchanged files without parsing them.
  const blobId = (bytes: Buffer) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
  const entries = paths.filter((p) => p.endsWith('.json')).map((path) => ({ path, blob: blobId(read(path)) }));
  return snapshotOf('', entries, (files) => new Map(files.map((f) => [f.path, read(f.path)])));
}

/** The tree of a git revision (a release tag), read from the object store; the working tree is not touched. */
export function gitSnapshot(root: string, revision: string): Snapshot {
  const paths = ['data', 'schemas', 'package.json'];
  const entries = gitText(root, ['ls-tree', '-r', '-z', '--full-tree', revision, '--', ...paths])
    .split('\0')
    .filter(Boolean)
    .flatMap((line) => {
      // "<mode> <type> <object>\t<path>"
      const tab = line.indexOf('\t');
      const [, type, blob] = line.slice(0, tab).split(' ');
      return type === 'blob' && blob ? [{ path: line.slice(tab + 1), blob }] : [];
    });
  return snapshotOf(`${revision}:`, entries, (files) => {
    // Every blob in one `git cat-file --batch`, which answers "<object> <type> <size>\n<content>\n" for each.
    const blobs = [...new Set(files.map((f) => f.blob))];
    const out = blobs.length > 0 ? git(root, ['cat-file', '--batch'], `${blobs.join('\n')}\n`) : Buffer.alloc(0);
    const contents = new Map<string, Buffer>();
    let at = 0;
    for (const blob of blobs) {
      const headerEnd = out.indexOf(0x0a, at);
      const header = out.subarray(at, headerEnd).toString('utf8').split(' ');
      if (header[1] === 'missing' || header.length < 3) fail(`git object ${blob} is missing from the repository.`);
      const size = Number(header[2]);
      contents.set(blob, out.subarray(headerEnd + 1, headerEnd + 1 + size));
      at = headerEnd + 1 + size + 1;
    }
    return new Map(files.map((f) => [f.path, contents.get(f.blob)!]));
  });
}
