/**
 * A content-addressed cache of per-file validation results, for pull requests: checking one changed article
 * against 100,000 should not re-check the 100,000. A result is stored under its file's path (relative to the data
 * folder) and git blob id (the SHA-1 git gives the file's bytes), and reused only when
 * - the file has the same path and bytes (git says so from its index, without the file being read),
 * - the validator is the same: its code, the schemas and the format of this cache (`validatorFingerprint`), and
 *   the registry facts record rules read (entity kinds, names, aliases, demonyms; outlet names: ./registry.ts;
 *   `registryDigest`): the coverage rule looks for every registered name in every article, so a change there
 *   re-checks every file,
 * - every question its rules asked of the known ids gets the same answer (./known-lookups.ts),
 * - and “now” has not gone back (a date found in the future is never cached; one in the past stays there).
 * Only complete results are kept (the file parsed and met its schema). Cross-file rules still run over every
 * file's summary, cached or not, so the findings are those of a full run (tests/validate-incremental.test.ts proves
 * it over random edits). A missing, stale or damaged cache only costs time.
 *
 * The registry facts of each cached entity and outlet file are kept too (whatever the registry digest), so only
 * changed registry files are read.
 *
 * The cache is one file, written atomically, holding the entries of the last run. It is stored by column (ids in
 * one table, numbers in typed arrays), because reading 100,000 entries as objects would cost more than it saves;
 * rewriting it copies the columns of the entries kept, without rebuilding them.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Finding } from '../lib/findings.ts';
import type { Collection } from '../lib/collections.ts';
import type { Redirect } from '../../types/index.ts';
import type { FileResult } from './check-file.ts';
import type { ArticleSummary, DatasetSummary, KnownIds } from './rule.ts';
import type { Registry } from './registry.ts';
import { factsText } from './registry.ts';

/** Changes whenever what is stored changes shape. */
const FORMAT = 4;
const REPO = join(import.meta.dirname, '..', '..');
/** The validator's own sources: a change to any of them makes every cached result stale. */
const VALIDATOR_SOURCES = ['scripts/checks', 'scripts/lib', 'types'];
/** In `asked`: the id was not known when the question was asked. */
const ABSENT = 0x80000000;
const SIGNATURE_SIZE = 64;
/** Characters in a blob id (hex SHA-1). */
const BLOB = 40;
/** The file starts with the SHA-256 of the rest. */
const CHECKSUM = 32;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** The rare parts of a result, kept whole: findings and the renamed or redirect record (files given on restore). */
interface Extra {
  findings?: Array<Omit<Finding, 'file'>>;
  renamed?: { collection: Collection; id: string; fileId: string };
  redirect?: Redirect;
}

interface Stored {
  format: number;
  fingerprint: string;
  /** `registryDigest` of the registry the results were found with. */
  registry: string;
  now: number;
  /** Ids asked about and referenced: `collection/id`. */
  keys: string[];
  /** Per entry: its path relative to the data folder, with `/`. */
  paths: string[];
  /** Per entry, BLOB characters each: its blob id. */
  blobs: string;
  /** Per entry, from askedStart[i] to askedStart[i + 1]: key indexes asked (| ABSENT when unknown then). */
  askedStart: Uint32Array;
  asked: Uint32Array;
  /** Per entry: the keys its record references (the `referenced` summary), same layout. */
  refStart: Uint32Array;
  refs: Uint32Array;
  /** Per entry: its row among the articles, or -1. */
  articleRow: Int32Array;
  articleId: string[];
  articleUrl: Array<string | null>;
  bodyHash: string[];
  /** SIGNATURE_SIZE numbers per article row; hasSignature[row] says whether they mean anything. */
  signatures: Uint32Array;
  hasSignature: Uint8Array;
  /** Entity and outlet entries: what the file gives the registry (./registry.ts `factsText`). */
  facts: Array<[number, string]>;
  extra: Array<[number, Extra]>;
}

/** The entries' columns of a stored cache. */
type Columnar = Omit<Stored, 'format' | 'fingerprint' | 'registry' | 'now' | 'facts' | 'extra'>;

/** What restoring a cached result gives the runner, as the result of checking the file would. */
export interface RestoreSink {
  article(summary: ArticleSummary): void;
  renamed(renamed: DatasetSummary['renamed'][number]): void;
  redirect(redirect: DatasetSummary['redirects'][number]): void;
  finding(finding: Finding): void;
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

const split = (key: string) => {
  const slash = key.indexOf('/');
  return [key.slice(0, slash) as Collection, key.slice(slash + 1)] as const;
};

/** Accumulates fresh entries column by column. */
class Columns {
  readonly keys: string[] = [];
  readonly #keyIndex = new Map<string, number>();
  readonly paths: string[] = [];
  /** Per entry: the result's `index` (the runner's order). */
  readonly order: number[] = [];
  readonly blobs: string[] = [];
  readonly askedStart: number[] = [0];
  readonly asked: number[] = [];
  readonly refStart: number[] = [0];
  readonly refs: number[] = [];
  readonly articleRow: number[] = [];
  readonly articleId: string[] = [];
  readonly articleUrl: Array<string | null> = [];
  readonly bodyHash: string[] = [];
  readonly signatures: Array<Uint32Array | null> = [];
  readonly facts: Array<[number, string]> = [];
  readonly extra: Array<[number, Extra]> = [];

  /** The entries in the stored layout. */
  columnar(): Columnar {
    const signatures = new Uint32Array(this.signatures.length * SIGNATURE_SIZE);
    const hasSignature = new Uint8Array(this.signatures.length);
    this.signatures.forEach((signature, row) => {
      if (signature) signatures.set(signature, row * SIGNATURE_SIZE);
      hasSignature[row] = signature ? 1 : 0;
    });
    return {
      keys: this.keys,
      paths: this.paths,
      blobs: this.blobs.join(''),
      askedStart: Uint32Array.from(this.askedStart),
      asked: Uint32Array.from(this.asked),
      refStart: Uint32Array.from(this.refStart),
      refs: Uint32Array.from(this.refs),
      articleRow: Int32Array.from(this.articleRow),
      articleId: this.articleId,
      articleUrl: this.articleUrl,
      bodyHash: this.bodyHash,
      signatures,
      hasSignature,
    };
  }

  key(key: string): number {
    let index = this.#keyIndex.get(key);
    if (index === undefined) {
      index = this.keys.push(key) - 1;
      this.#keyIndex.set(key, index);
    }
    return index;
  }

  /** Adds a fresh result (with its `blob` and `lookups`), keeping only what the cache stores. */
  add(path: string, result: FileResult, facts: string | undefined): void {
    const entry = this.paths.push(path) - 1;
    this.order.push(result.index);
    this.blobs.push(result.blob!);
    // Each key once per entry: a record asks about, and references, the same id many times.
    const asked = new Set<number>();
    for (const k of result.lookups!.present) asked.add(this.key(k));
    for (const k of result.lookups!.absent) asked.add((this.key(k) | ABSENT) >>> 0);
    for (const k of asked) this.asked.push(k);
    this.askedStart.push(this.asked.length);
    const refs = new Set<number>();
    for (const id of result.references?.entities ?? []) refs.add(this.key(`entities/${id}`));
    for (const id of result.references?.outlets ?? []) refs.add(this.key(`outlets/${id}`));
    for (const k of refs) this.refs.push(k);
    this.refStart.push(this.refs.length);
    const a = result.article;
    if (a) {
      this.articleRow.push(this.articleId.length);
      this.articleId.push(a.id);
      this.articleUrl.push(a.url);
      this.bodyHash.push(a.bodyHash);
      this.signatures.push(a.signature);
    } else this.articleRow.push(-1);
    if (facts !== undefined) this.facts.push([entry, facts]);
    const extra: Extra = {};
    if (result.findings.length > 0) extra.findings = result.findings.map(({ file: _file, ...f }) => f);
    if (result.renamed)
      extra.renamed = { collection: result.renamed.collection, id: result.renamed.id, fileId: result.renamed.fileId };
    if (result.redirect) extra.redirect = result.redirect.record;
    if (Object.keys(extra).length > 0) this.extra.push([entry, extra]);
  }
}

export class ResultCache {
  readonly #stored: Stored | null;
  /** Path → entry index in #stored, built when first needed (see #entry). */
  #index: Map<string, number> | null = null;
  /** Where #entry looks first: for registry facts, for results. */
  readonly #cursors: [number, number] = [0, 0];
  /** Per stored key: 1 when it gets the same answer now, 0 when not, -1 not yet asked. */
  readonly #answers: Int8Array;
  /** Per stored key: 1 when a restored record references it. */
  readonly #referenced: Uint8Array;
  readonly #extra: Map<number, Extra>;
  readonly #facts: Map<number, string>;
  /** Stored entries this run reused, and the runner's order of their files (`order` in `restore`). */
  readonly #reused: number[] = [];
  readonly #reusedOrder: number[] = [];
  /** Fresh results, already reduced to columns (100,000 results kept whole would cost hundreds of MB). */
  readonly #fresh = new Columns();
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
    this.#answers = new Int8Array(stored?.keys.length ?? 0).fill(-1);
    this.#referenced = new Uint8Array(stored?.keys.length ?? 0);
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

  /**
   * The stored entry for this path and content, or -1. Entries are stored in the order the runner asks for them, so
   * the entry after the last one found (by this `cursor`) is tried first; the index by path is built only when that
   * misses.
   */
  #entry(relative: string, blob: string, cursor: 0 | 1): number {
    const s = this.#stored!;
    let entry: number | undefined = this.#cursors[cursor];
    if (s.paths[entry] !== relative) {
      if (this.#index === null) {
        this.#index = new Map();
        for (let i = 0; i < s.paths.length; i++) this.#index.set(s.paths[i]!, i);
      }
      entry = this.#index.get(relative);
      if (entry === undefined) return -1;
    }
    this.#cursors[cursor] = entry + 1;
    return s.blobs.startsWith(blob, entry * BLOB) ? entry : -1;
  }

  /** The registry facts stored for a registry file with this content (./registry.ts `factsText`), if any. */
  facts(relative: string, blob: string): string | undefined {
    const entry = this.#stored === null ? -1 : this.#entry(relative, blob, 0);
    return entry < 0 ? undefined : this.#facts.get(entry);
  }

  /**
   * Restores the result stored for this file and content into `sink`, if every question its rules asked still
   * gets the same answer. `relative` is the path inside the data folder (with `/`), `file` the path as reported,
   * `order` the file's place in the runner's order (the cache is written in that order, see #entry).
   */
  restore(relative: string, file: string, blob: string, order: number, known: KnownIds, sink: RestoreSink): boolean {
    const s = this.#stored;
    const entry = s === null || !this.#usable ? -1 : this.#entry(relative, blob, 1);
    if (s === null || entry < 0) return false;
    for (let i = s.askedStart[entry]!; i < s.askedStart[entry + 1]!; i++) {
      const key = (s.asked[i]! & ~ABSENT) >>> 0;
      let answer = this.#answers[key]!;
      if (answer === -1) {
        const [collection, id] = split(s.keys[key]!);
        this.#answers[key] = answer = known[collection]?.has(id) ? 1 : 0;
      }
      if ((answer === 1) !== ((s.asked[i]! & ABSENT) === 0)) return false;
    }
    this.#reused.push(entry);
    this.#reusedOrder.push(order);
    for (let i = s.refStart[entry]!; i < s.refStart[entry + 1]!; i++) this.#referenced[s.refs[i]!] = 1;
    const row = s.articleRow[entry]!;
    if (row >= 0) {
      const signature = s.hasSignature[row]
        ? s.signatures.subarray(row * SIGNATURE_SIZE, (row + 1) * SIGNATURE_SIZE)
        : null;
      sink.article({ file, id: s.articleId[row]!, url: s.articleUrl[row]!, bodyHash: s.bodyHash[row]!, signature });
    }
    const extra = this.#extra.get(entry);
    if (extra) {
      if (extra.renamed) sink.renamed({ ...extra.renamed, file });
      if (extra.redirect) sink.redirect({ file, record: extra.redirect });
      for (const f of extra.findings ?? []) sink.finding({ file, ...f });
    }
    return true;
  }

  /** The ids the restored records reference (each once), for the dataset summary. */
  referenced(): Array<readonly [Collection, string]> {
    const out: Array<readonly [Collection, string]> = [];
    this.#referenced.forEach((flag, key) => {
      if (flag === 1) out.push(split(this.#stored!.keys[key]!));
    });
    return out;
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
    this.#fresh.add(relative, result, facts?.blob === blob ? facts.text : this.facts(relative, blob));
  }

  /**
   * Writes the entries this run reused or added (atomically), unless the cache read holds for this run's registry
   * and this run added too few results to be worth a rewrite: under 1% of the entries (a pull request's few files
   * are then checked again next time, which costs less than writing 100,000 entries). Entries whose files are gone
   * stay until the next rewrite; they are never restored, having no file.
   */
  save(): void {
    const s = this.#stored;
    const f = this.#fresh;
    const fresh = f.paths.length;
    if (s !== null && this.#usable && fresh * 100 < s.paths.length) return;
    const reused = s === null ? [] : this.#reused;
    // The entries kept, copied into new columns: keys are numbered anew, each side's key indexes looked up once.
    const next = new Columns();
    const renumber = (from: readonly string[]) => {
      const to = new Int32Array(from.length).fill(-1);
      return (key: number) => (to[key]! >= 0 ? to[key]! : (to[key] = next.key(from[key]!)));
    };
    interface Side {
      c: Columnar;
      facts: ReadonlyMap<number, string>;
      extra: ReadonlyMap<number, Extra>;
      key: (key: number) => number;
    }
    const stored: Side | null = s && { c: s, facts: this.#facts, extra: this.#extra, key: renumber(s.keys) };
    const c = f.columnar();
    const added: Side = { c, facts: new Map(f.facts), extra: new Map(f.extra), key: renumber(c.keys) };
    const copy = ({ c, facts, extra, key }: Side, e: number) => {
      const i = next.paths.push(c.paths[e]!) - 1;
      next.blobs.push(c.blobs.slice(e * BLOB, (e + 1) * BLOB));
      for (let j = c.askedStart[e]!; j < c.askedStart[e + 1]!; j++)
        next.asked.push((key((c.asked[j]! & ~ABSENT) >>> 0) | (c.asked[j]! & ABSENT)) >>> 0);
      next.askedStart.push(next.asked.length);
      for (let j = c.refStart[e]!; j < c.refStart[e + 1]!; j++) next.refs.push(key(c.refs[j]!));
      next.refStart.push(next.refs.length);
      const row = c.articleRow[e]!;
      next.articleRow.push(row < 0 ? -1 : next.articleId.length);
      if (row >= 0) {
        next.articleId.push(c.articleId[row]!);
        next.articleUrl.push(c.articleUrl[row]!);
        next.bodyHash.push(c.bodyHash[row]!);
        const signature = c.signatures.subarray(row * SIGNATURE_SIZE, (row + 1) * SIGNATURE_SIZE);
        next.signatures.push(c.hasSignature[row] ? signature : null);
      }
      if (facts.has(e)) next.facts.push([i, facts.get(e)!]);
      if (extra.has(e)) next.extra.push([i, extra.get(e)!]);
    };
    // In the runner's order (reused entries were restored in it; fresh results arrive in any order), so the next
    // run finds each entry where it looks first.
    const freshOrder = Array.from({ length: fresh }, (_, e) => e).sort((a, b) => f.order[a]! - f.order[b]!);
    for (let r = 0, e = 0; r < reused.length || e < fresh;) {
      if (e < fresh && (r >= reused.length || f.order[freshOrder[e]!]! < this.#reusedOrder[r]!))
        copy(added, freshOrder[e++]!);
      else copy(stored!, reused[r++]!);
    }
    const out: Stored = {
      format: FORMAT,
      fingerprint: this.fingerprint,
      registry: this.#registry,
      now: this.now,
      ...next.columnar(),
      facts: next.facts,
      extra: next.extra,
    };
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    const payload = serialize(out);
    writeFileSync(temporary, Buffer.concat([sha256(payload), payload]));
    renameSync(temporary, this.path);
  }
}
