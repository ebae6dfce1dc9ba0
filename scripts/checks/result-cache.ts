/**
 * A content-addressed cache of per-file validation results, for pull requests: checking one changed article
 * against 100,000 should not re-check the 100,000. A result is stored under its file's path (relative to the data
 * folder) and git blob id (the SHA-1 git gives the file's bytes), and reused only when
 * - the file has the same path and bytes (git says so from its index, without the file being read),
 * - the validator is the same: its code, the schemas and the format of this cache (`validatorFingerprint`), and
 *   the registry facts record rules read (entity kinds, names, aliases, demonyms; outlet names: ./registry.ts;
 *   `registryDigest`): the coverage rule looks for every registered name in every article, so a change there
 *   re-checks every file,
 * - every question its rules asked of the known ids gets the same answer (`recordingKnown`),
 * - and “now” has not gone back (a date found in the future is never cached; one in the past stays there).
 * Only complete results are kept (the file parsed and met its schema). Cross-file rules still run over every
 * file's summary, cached or not, so the findings are those of a full run (tests/validate-incremental.test.ts proves
 * it over random edits). A missing, stale or damaged cache only costs time.
 *
 * The registry facts of each cached entity and outlet file are kept too (whatever the registry digest), so only
 * changed registry files are read.
 *
 * The cache is one file, written atomically, holding the entries of the last run. It is stored by column (ids in
 * one table, numbers in typed arrays), because reading 100,000 entries as objects would cost more than it saves.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Finding } from '../lib/findings.ts';
import type { Collection } from '../lib/collections.ts';
import { writeAtomic } from '../lib/generated.ts';
import type { Redirect } from '../../types/index.ts';
import type { FileResult } from './run.ts';
import { SIGNATURE_SIZE } from './similarity.ts';
import type { ArticleSummary, KnownIds } from './rule.ts';
import type { Registry } from './registry.ts';
import { factsText } from './registry.ts';

/** Changes whenever what is stored changes shape. */
const FORMAT = 6;
const REPO = join(import.meta.dirname, '..', '..');
/** The validator's own sources: a change to any of them makes every cached result stale. */
const VALIDATOR_SOURCES = ['scripts/checks', 'scripts/lib', 'types'];
/** In `ids`: a key index (the low bits) and what the file's rules did with it (the flags). */
const KEY = 0x1fffffff;
/** Asked about, and known then. */
const KNOWN = 0x20000000;
/** Asked about, and not known then. */
const UNKNOWN = 0x40000000;
/** Referenced by the record (the `referenced` summary). */
const REFERENCED = 0x80000000;
/** Characters in a blob id (hex SHA-1). */
const BLOB = 40;
/** The file starts with the SHA-256 of the rest. */
const CHECKSUM = 32;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** The questions asked while checking one file: `collection/id` keys, by answer. */
export interface Lookups {
  present: string[];
  absent: string[];
  /** Set when a rule did more than ask `has`: the result depends on the known ids as a whole. */
  opaque?: true;
}

/**
 * The known ids as one file's rules see them, and the record of every question they asked (`has`), so the file's
 * result is reused only while every answer is still the same. Anything but `has` (iterating, `size`) cannot be
 * replayed, and marks the result as not reusable.
 */
export function recordingKnown(known: KnownIds): { known: KnownIds; lookups: Lookups } {
  const lookups: Lookups = { present: [], absent: [] };
  const view = {} as Record<Collection, ReadonlySet<string>>;
  for (const collection of Object.keys(known) as Collection[]) {
    const has = (id: string): boolean => {
      const answer = known[collection].has(id);
      (answer ? lookups.present : lookups.absent).push(`${collection}/${id}`);
      return answer;
    };
    view[collection] = new Proxy(known[collection], {
      get(target, property) {
        if (property === 'has') return has;
        lookups.opaque = true;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  }
  return { known: view, lookups };
}

/** The rare parts of a result, kept whole: findings and the renamed or redirect record (files given on restore). */
interface Extra {
  findings?: Array<Omit<Finding, 'file'>>;
  renamed?: { collection: Collection; id: string; fileId: string };
  redirect?: Redirect;
}

type Article = Omit<ArticleSummary, 'file'>;
type Stored = ReturnType<Table['stored']>;

/** The rows of the next cache file as they are added: keys numbered in order of first use. */
class Table {
  readonly #index = new Map<string, number>();
  readonly #columns = {
    /** Ids asked about and referenced: `collection/id`. */
    keys: [] as string[],
    /** Per row: its path relative to the data folder, with `/`. */
    paths: [] as string[],
    /** Per row: its blob id (BLOB characters each, joined when stored). */
    blobs: [] as string[],
    /** Per row, from idStart[i] to idStart[i + 1]: the keys its rules asked about or its record references (flags). */
    idStart: [] as number[],
    ids: [] as number[],
    /** Per row: its row among the articles, or -1. */
    articleRow: [] as number[],
    articleId: [] as string[],
    articleUrl: [] as Array<string | null>,
    bodyHash: [] as string[],
    /** Per article row; stored as SIGNATURE_SIZE numbers each, hasSignature[row] saying whether they mean anything. */
    signatures: [] as Array<Uint32Array | null>,
    facts: [] as Array<[number, string]>,
    extra: [] as Array<[number, Extra]>,
  };

  get rows(): number {
    return this.#columns.paths.length;
  }

  /** Adds a row; its keys follow, each with `id`. */
  row(path: string, blob: string, article: Article | undefined, facts: string | undefined, extra?: Extra): void {
    const c = this.#columns;
    const row = c.paths.push(path) - 1;
    c.blobs.push(blob);
    c.idStart.push(c.ids.length);
    c.articleRow.push(article ? c.articleId.length : -1);
    if (article) {
      c.articleId.push(article.id);
      c.articleUrl.push(article.url);
      c.bodyHash.push(article.bodyHash);
      c.signatures.push(article.signature);
    }
    if (facts !== undefined) c.facts.push([row, facts]);
    if (extra) c.extra.push([row, extra]);
  }

  /** Adds a key (`collection/id`) with its flags to the last row. */
  id(key: string, flags: number): void {
    let k = this.#index.get(key);
    if (k === undefined) this.#index.set(key, (k = this.#columns.keys.push(key) - 1));
    this.#columns.ids.push((k | flags) >>> 0);
  }

  /** The cache file's content, by column (`registry`: the `registryDigest` the results were found with). */
  stored(header: { format: number; fingerprint: string; registry: string; now: number }) {
    const { blobs, idStart, ids, articleRow, signatures, ...c } = this.#columns;
    const packed = new Uint32Array(signatures.length * SIGNATURE_SIZE);
    signatures.forEach((signature, row) => signature && packed.set(signature, row * SIGNATURE_SIZE));
    return {
      ...header,
      ...c,
      blobs: blobs.join(''),
      idStart: Uint32Array.from([...idStart, ids.length]),
      ids: Uint32Array.from(ids),
      articleRow: Int32Array.from(articleRow),
      signatures: packed,
      hasSignature: Uint8Array.from(signatures, (signature) => (signature ? 1 : 0)),
    };
  }
}

/** SHA-256 over the validator's sources and the schema files. */
export function validatorFingerprint(schemaDir: string): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\0`);
  const add = (label: string, path: string) => hash.update(`${label}\0`).update(readFileSync(path)).update('\0');
  for (const folder of VALIDATOR_SOURCES) {
    const names = readdirSync(join(REPO, folder), { recursive: true, encoding: 'utf8' })
      .filter((n) => /\.(ts|cjs|mjs)$/.test(n) && !n.endsWith('.test.ts'))
      .sort();
    for (const name of names) add(`${folder}/${name}`, join(REPO, folder, name));
  }
  for (const name of readdirSync(schemaDir)
    .filter((n) => n.endsWith('.schema.json'))
    .sort())
    add(`schemas/${name}`, join(schemaDir, name));
  return hash.digest('hex');
}

/** SHA-256 over the registry facts, in the registry's order (the layout's, sorted). */
export function registryDigest(registry: Registry): string {
  const hash = createHash('sha256');
  for (const [label, map] of [
    ['entities', registry.entities],
    ['outlets', registry.outlets],
  ] as const) {
    hash.update(`${label}\0`);
    for (const [id, facts] of map) hash.update(`${id}\0${factsText(facts)}\0`);
  }
  return hash.digest('hex');
}

/**
 * The git blob ids of the files under `dataDir` whose content git knows without reading them: tracked, and not
 * modified in the work tree since they were staged (by git's own stat check). Path relative to `dataDir` (with `/`)
 * → blob id; empty when `dataDir` is not in a git work tree. One `git ls-files` lists both: every staged file
 * (tag `H`, or `S` when skip-worktree) and then each one modified or deleted in the work tree (tag `C`, `R`).
 *
 * Git is started at once and the ids come later: its stat check of every file (about 0.7 s at 100,000 articles)
 * runs while this thread reads the layout and the cache. Its output goes to a temporary file, not a pipe, so it
 * never waits for this thread to read; the file is removed as soon as git ends.
 */
export function gitBlobIds(dataDir: string): Promise<Map<string, string>> {
  const scratch = mkdtempSync(join(tmpdir(), 'annotated-news-ls-files-'));
  const file = join(scratch, 'out');
  const fd = openSync(file, 'w');
  // Should the process end first (a user error, say), the file goes with it.
  const discard = () => rmSync(scratch, { recursive: true, force: true });
  process.once('exit', discard);
  const listed = new Promise<Buffer | null>((resolve) => {
    const finish = (ok: boolean) => {
      try {
        resolve(ok ? readFileSync(file) : null);
      } catch {
        resolve(null);
      } finally {
        discard();
        process.removeListener('exit', discard);
      }
    };
    try {
      const child = spawn(
        'git',
        ['-C', dataDir, 'ls-files', '-t', '--stage', '--cached', '--modified', '--deleted', '-z', '--', '.'],
        { stdio: ['ignore', fd, 'ignore'] },
      );
      child.once('error', () => finish(false));
      child.once('close', (code) => finish(code === 0));
    } catch {
      finish(false);
    } finally {
      closeSync(fd);
    }
  });
  return listed.then((out) => (out === null ? new Map() : parseLsFiles(out)));
}

function parseLsFiles(out: Buffer): Map<string, string> {
  const ids = new Map<string, string>();
  const changed: string[] = [];
  // Each entry: "<tag> <mode> <blob> <stage>\t<path>\0"; only stage 0 (not in the middle of a merge conflict).
  for (let at = 0; at < out.length;) {
    let end = out.indexOf(0, at);
    if (end < 0) end = out.length;
    const tab = out.indexOf(9, at);
    if (tab > at && tab < end) {
      const path = out.toString('utf8', tab + 1, end);
      const tag = out[at];
      if (tag === 0x48 /* H */ && out[tab - 1] === 0x30 /* stage 0 */ && tab - at === 2 + 7 + BLOB + 2)
        ids.set(path, out.toString('latin1', at + 9, at + 9 + BLOB));
      else if (tag !== 0x48) changed.push(path);
    }
    at = end + 1;
  }
  for (const path of changed) ids.delete(path);
  return ids;
}

export class ResultCache {
  readonly #stored: Stored | null;
  /** Path → row in #stored. */
  readonly #index = new Map<string, number>();
  /** Per stored key: 1 when it gets the same answer now, 0 when not, -1 not yet asked. */
  readonly #answers: Int8Array;
  /** Per stored key, once split: its collection and id. */
  readonly #split: Array<readonly [Collection, string] | undefined> = [];
  readonly #extra: Map<number, Extra>;
  readonly #facts: Map<number, string>;
  /** The stored rows this run reused, and the fresh results it added. */
  readonly #reused: number[] = [];
  readonly #fresh = new Table();
  /** Whether the stored results hold for this run's registry (see `useRegistry`). */
  #usable = false;
  #registry = '';

  private constructor(
    private readonly path: string,
    private readonly fingerprint: string,
    private readonly now: number,
    stored: Stored | null,
  ) {
    this.#stored = stored;
    stored?.paths.forEach((path, row) => this.#index.set(path, row));
    this.#answers = new Int8Array(stored?.keys.length ?? 0).fill(-1);
    this.#extra = new Map(stored?.extra ?? []);
    this.#facts = new Map(stored?.facts ?? []);
  }

  /** The cache at `path` when it was written by this validator at or before `now`; else an empty one. */
  static open(path: string, fingerprint: string, now: Date): ResultCache {
    let stored: Stored | null = null;
    try {
      const bytes = readFileSync(path);
      const payload = bytes.subarray(CHECKSUM);
      // A truncated, damaged or foreign file fails the checksum, so no index read from it can be out of range.
      if (!sha256(payload).equals(bytes.subarray(0, CHECKSUM))) throw new Error('not a cache written here');
      const read = deserialize(payload) as Stored;
      if (read.format === FORMAT && read.fingerprint === fingerprint && read.now <= now.getTime()) stored = read;
    } catch {
      // none yet, or unreadable: start afresh
    }
    return new ResultCache(path, fingerprint, now.getTime(), stored);
  }

  /** Gives the digest of this run's registry: stored results found with another are not restored. */
  useRegistry(digest: string): void {
    this.#registry = digest;
    this.#usable = this.#stored?.registry === digest;
  }

  /** The stored row for this path and content, or -1. */
  #row(relative: string, blob: string): number {
    const row = this.#index.get(relative);
    return row !== undefined && this.#stored!.blobs.startsWith(blob, row * BLOB) ? row : -1;
  }

  #key(index: number): readonly [Collection, string] {
    let split = this.#split[index];
    if (split === undefined) {
      const key = this.#stored!.keys[index]!;
      const slash = key.indexOf('/');
      this.#split[index] = split = [key.slice(0, slash) as Collection, key.slice(slash + 1)];
    }
    return split;
  }

  /** The registry facts stored for a registry file with this content (./registry.ts `factsText`), if any. */
  facts(relative: string, blob: string): string | undefined {
    const row = this.#stored === null ? -1 : this.#row(relative, blob);
    return row < 0 ? undefined : this.#facts.get(row);
  }

  /**
   * The result stored for this file and content, as checking the file would give it, if every question its rules
   * asked still gets the same answer; else null. `relative` is the path inside the data folder (with `/`), `file`
   * the path as reported.
   */
  restore(relative: string, file: string, blob: string, known: KnownIds): FileResult | null {
    const s = this.#stored;
    const row = s === null || !this.#usable ? -1 : this.#row(relative, blob);
    if (s === null || row < 0) return null;
    const references = { entities: [] as string[], outlets: [] as string[] };
    for (let i = s.idStart[row]!; i < s.idStart[row + 1]!; i++) {
      const id = s.ids[i]!;
      const key = id & KEY;
      if (id & (KNOWN | UNKNOWN)) {
        let answer = this.#answers[key]!;
        if (answer === -1) {
          const [collection, asked] = this.#key(key);
          this.#answers[key] = answer = known[collection]?.has(asked) ? 1 : 0;
        }
        if ((answer === 1) !== ((id & KNOWN) !== 0)) return null;
      }
      if (id & REFERENCED) {
        const [collection, referenced] = this.#key(key);
        references[collection as 'entities' | 'outlets'].push(referenced);
      }
    }
    this.#reused.push(row);
    const extra = this.#extra.get(row) ?? {};
    const article = this.#article(row);
    return {
      complete: true,
      findings: (extra.findings ?? []).map((f) => ({ file, ...f })),
      references,
      ...(article && { article: { file, ...article } }),
      ...(extra.renamed && { renamed: { ...extra.renamed, file } }),
      ...(extra.redirect && { redirect: { file, record: extra.redirect } }),
    };
  }

  #article(row: number): Article | undefined {
    const s = this.#stored!;
    const a = s.articleRow[row]!;
    if (a < 0) return undefined;
    const signature = s.hasSignature[a] ? s.signatures.subarray(a * SIGNATURE_SIZE, (a + 1) * SIGNATURE_SIZE) : null;
    return { id: s.articleId[a]!, url: s.articleUrl[a]!, bodyHash: s.bodyHash[a]!, signature };
  }

  /**
   * Keeps a fresh result, unless it must not be reused (see the module comment). For a registry file, `facts` is
   * what readRegistry took from the same bytes (their blob id and facts text), so the next run need not read it.
   */
  put(relative: string, result: FileResult, facts?: { blob: string; text: string }): void {
    const { blob, lookups } = result;
    if (blob === undefined || !result.complete || !lookups || lookups.opaque) return;
    if (result.findings.some((f) => f.internal || f.rule === 'dates')) return;
    if (result.article?.signature && result.article.signature.length !== SIGNATURE_SIZE) return;
    const extra: Extra = {};
    if (result.findings.length > 0) extra.findings = result.findings.map(({ file: _file, ...f }) => f);
    if (result.renamed) {
      const { collection, id, fileId } = result.renamed;
      extra.renamed = { collection, id, fileId };
    }
    if (result.redirect) extra.redirect = result.redirect.record;
    const a = result.article;
    const article = a && { id: a.id, url: a.url, bodyHash: a.bodyHash, signature: a.signature };
    const text = facts?.blob === blob ? facts.text : this.facts(relative, blob);
    this.#fresh.row(relative, blob, article, text, Object.keys(extra).length > 0 ? extra : undefined);
    // Each key once, its references first, in order.
    const flags = new Map<string, number>();
    const flag = (key: string, flag: number) => flags.set(key, (flags.get(key) ?? 0) | flag);
    for (const id of result.references?.entities ?? []) flag(`entities/${id}`, REFERENCED);
    for (const id of result.references?.outlets ?? []) flag(`outlets/${id}`, REFERENCED);
    for (const key of lookups.present) flag(key, KNOWN);
    for (const key of lookups.absent) flag(key, UNKNOWN);
    for (const [key, flag] of flags) this.#fresh.id(key, flag);
  }

  /**
   * Writes the results this run added and those it reused (atomically), unless the cache read holds for this run's
   * registry and this run added too few results to be worth a rewrite: under 1% of the rows (a pull request's few
   * files are then checked again next time, which costs less than writing 100,000 rows). Rows whose files are gone
   * stay until the next rewrite; they are never restored, having no file.
   */
  save(): void {
    const s = this.#stored;
    const next = this.#fresh;
    if (s !== null && this.#usable && next.rows * 100 < s.paths.length) return;
    for (const row of s === null ? [] : this.#reused) {
      next.row(
        s!.paths[row]!,
        s!.blobs.slice(row * BLOB, (row + 1) * BLOB),
        this.#article(row),
        this.#facts.get(row),
        this.#extra.get(row),
      );
      for (let i = s!.idStart[row]!; i < s!.idStart[row + 1]!; i++)
        next.id(s!.keys[s!.ids[i]! & KEY]!, s!.ids[i]! & ~KEY);
    }
    const header = { format: FORMAT, fingerprint: this.fingerprint, registry: this.#registry, now: this.now };
    const payload = serialize(next.stored(header));
    writeAtomic(this.path, Buffer.concat([sha256(payload), payload]));
  }
}
