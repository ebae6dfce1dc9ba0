/**
 * A content-addressed cache of per-file validation results, for pull requests: checking one changed article
 * against 100,000 should not re-check the 100,000. A result is stored under its file's path (relative to the data
 * folder) and git blob id (the SHA-1 git gives the file's bytes), and reused only when
 * - the file has the same path and bytes (git says so from its index, without the file being read),
 * - the validator is the same: its code, the schemas and the format of this cache, and the registry facts record
 *   rules read (entity kinds, names, aliases, demonyms; outlet names: ./registry.ts) (`validatorFingerprint`),
 * - every question its rules asked of the known ids gets the same answer (./known-lookups.ts),
 * - and “now” has not gone back (a date found in the future is never cached; one in the past stays there).
 * Only complete results are kept (the file parsed and met its schema). Cross-file rules still run over every
 * file's summary, cached or not, so the findings are those of a full run (tests/validate-incremental.test.ts proves
 * it over random edits). A missing, stale or damaged cache only costs time.
 *
 * The cache is one file, written atomically, holding the entries of the last run. It is stored by column (ids in
 * one table, numbers in typed arrays), because reading 100,000 entries as objects would cost more than it saves.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Finding } from '../lib/findings.ts';
import type { Collection } from '../lib/collections.ts';
import type { Redirect } from '../../types/index.ts';
import type { FileResult } from './check-file.ts';
import type { ArticleSummary, DatasetSummary, KnownIds } from './rule.ts';
import { registryData, type Registry } from './registry.ts';

/** Changes whenever what is stored changes shape. */
const FORMAT = 2;
const REPO = join(import.meta.dirname, '..', '..');
/** The validator's own sources: a change to any of them makes every cached result stale. */
const VALIDATOR_SOURCES = ['scripts/checks', 'scripts/lib', 'types'];
/** In `asked`: the id was not known when the question was asked. */
const ABSENT = 0x80000000;
const SIGNATURE_SIZE = 64;

/** The rare parts of a result, kept whole: findings and the renamed or redirect record (files given on restore). */
interface Extra {
  findings?: Array<Omit<Finding, 'file'>>;
  renamed?: { collection: Collection; id: string; fileId: string };
  redirect?: Redirect;
}

interface Stored {
  format: number;
  fingerprint: string;
  now: number;
  /** `collection/id` keys the rules asked about or the records reference. */
  keys: string[];
  /** Per entry: `<path relative to the data folder>\0<blob id>`. */
  entries: string[];
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
  extra: Array<[number, Extra]>;
}

/** What restoring a cached result gives the runner, as the result of checking the file would. */
export interface RestoreSink {
  article(summary: ArticleSummary): void;
  renamed(renamed: DatasetSummary['renamed'][number]): void;
  redirect(redirect: DatasetSummary['redirects'][number]): void;
  finding(finding: Finding): void;
}

/** SHA-256 over the validator's sources, the schema files and the registry facts record rules may read. */
export function validatorFingerprint(schemaDir: string, registry: Registry): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\0`);
  const add = (label: string, path: string) => hash.update(`${label}\0`).update(readFileSync(path)).update('\0');
  for (const folder of VALIDATOR_SOURCES) {
    const names = readdirSync(join(REPO, folder), { recursive: true, encoding: 'utf8' }).filter((n) => /\.(ts|cjs|mjs)$/.test(n) && !n.endsWith('.test.ts')).sort();
    for (const name of names) add(`${folder}/${name}`, join(REPO, folder, name));
  }
  for (const name of readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json')).sort()) add(`schemas/${name}`, join(schemaDir, name));
  const facts = registryData(registry);
  for (const list of [facts.entities, facts.outlets]) {
    for (const [id, fact] of [...list].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) hash.update(`${id}\0${JSON.stringify(fact)}\0`);
  }
  return hash.digest('hex');
}

/**
 * The git blob ids of the files under `dataDir` whose content git knows without reading them: tracked, and not
 * modified in the work tree since they were staged (by git's own stat check). Path relative to `dataDir` (with `/`)
 * → blob id; empty when `dataDir` is not in a git work tree.
 */
export function gitBlobIds(dataDir: string): Map<string, string> {
  const ids = new Map<string, string>();
  const git = (args: string[]) => spawnSync('git', ['-C', dataDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const listed = git(['ls-files', '--stage', '-z', '--', '.']);
  if (listed.status !== 0) return ids;
  const modified = git(['diff-files', '--name-only', '--relative', '-z', '--', '.']);
  if (modified.status !== 0) return ids;
  const changed = new Set(modified.stdout.split('\0'));
  // Each entry: "<mode> <blob> <stage>\t<path>"; only stage 0 (not in the middle of a merge conflict).
  for (const entry of listed.stdout.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0 || entry.charAt(tab - 1) !== '0') continue;
    const path = entry.slice(tab + 1);
    if (!changed.has(path)) ids.set(path, entry.slice(7, 47));
  }
  return ids;
}

const split = (key: string) => {
  const slash = key.indexOf('/');
  return [key.slice(0, slash) as Collection, key.slice(slash + 1)] as const;
};

/** Accumulates entries column by column. */
class Columns {
  readonly keys: string[] = [];
  readonly #keyIndex = new Map<string, number>();
  readonly entries: string[] = [];
  readonly askedStart: number[] = [0];
  readonly asked: number[] = [];
  readonly refStart: number[] = [0];
  readonly refs: number[] = [];
  readonly articleRow: number[] = [];
  readonly articleId: string[] = [];
  readonly articleUrl: Array<string | null> = [];
  readonly bodyHash: string[] = [];
  readonly signatures: Uint32Array[] = [];
  readonly hasSignature: number[] = [];
  readonly extra: Array<[number, Extra]> = [];

  key(key: string): number {
    let index = this.#keyIndex.get(key);
    if (index === undefined) {
      index = this.keys.push(key) - 1;
      this.#keyIndex.set(key, index);
    }
    return index;
  }

  #article(id: string, url: string | null, bodyHash: string, signature: Uint32Array | null): void {
    this.articleRow.push(this.articleId.length);
    this.articleId.push(id);
    this.articleUrl.push(url);
    this.bodyHash.push(bodyHash);
    this.signatures.push(signature ?? new Uint32Array(SIGNATURE_SIZE));
    this.hasSignature.push(signature ? 1 : 0);
  }

  /** Adds entry `entry` of a stored cache. */
  copy(s: Stored, entry: number): void {
    this.entries.push(s.entries[entry]!);
    for (let i = s.askedStart[entry]!; i < s.askedStart[entry + 1]!; i++) this.asked.push(this.key(s.keys[s.asked[i]! & ~ABSENT]!) | (s.asked[i]! & ABSENT));
    this.askedStart.push(this.asked.length);
    for (let i = s.refStart[entry]!; i < s.refStart[entry + 1]!; i++) this.refs.push(this.key(s.keys[s.refs[i]!]!));
    this.refStart.push(this.refs.length);
    const row = s.articleRow[entry]!;
    if (row < 0) this.articleRow.push(-1);
    else this.#article(s.articleId[row]!, s.articleUrl[row]!, s.bodyHash[row]!, s.hasSignature[row] ? s.signatures.subarray(row * SIGNATURE_SIZE, (row + 1) * SIGNATURE_SIZE) : null);
  }

  /** Adds a fresh result (with its `blob` and `lookups`), keeping only what the cache stores. */
  add(key: string, result: FileResult): void {
    this.entries.push(key);
    for (const k of result.lookups!.present) this.asked.push(this.key(k));
    for (const k of result.lookups!.absent) this.asked.push(this.key(k) | ABSENT);
    this.askedStart.push(this.asked.length);
    for (const id of result.references?.entities ?? []) this.refs.push(this.key(`entities/${id}`));
    for (const id of result.references?.outlets ?? []) this.refs.push(this.key(`outlets/${id}`));
    this.refStart.push(this.refs.length);
    const a = result.article;
    if (a) this.#article(a.id, a.url, a.bodyHash, a.signature);
    else this.articleRow.push(-1);
    const extra: Extra = {};
    if (result.findings.length > 0) extra.findings = result.findings.map(({ file: _file, ...f }) => f);
    if (result.renamed) extra.renamed = { collection: result.renamed.collection, id: result.renamed.id, fileId: result.renamed.fileId };
    if (result.redirect) extra.redirect = result.redirect.record;
    if (Object.keys(extra).length > 0) this.extra.push([this.entries.length - 1, extra]);
  }

  stored(format: number, fingerprint: string, now: number): Stored {
    const signatures = new Uint32Array(this.signatures.length * SIGNATURE_SIZE);
    this.signatures.forEach((s, row) => signatures.set(s, row * SIGNATURE_SIZE));
    return {
      format, fingerprint, now,
      keys: this.keys, entries: this.entries,
      askedStart: Uint32Array.from(this.askedStart), asked: Uint32Array.from(this.asked),
      refStart: Uint32Array.from(this.refStart), refs: Uint32Array.from(this.refs),
      articleRow: Int32Array.from(this.articleRow), articleId: this.articleId, articleUrl: this.articleUrl, bodyHash: this.bodyHash,
      signatures, hasSignature: Uint8Array.from(this.hasSignature), extra: this.extra,
    };
  }
}

export class ResultCache {
  readonly #stored: Stored | null;
  /** Entry key → entry index in #stored. */
  readonly #index = new Map<string, number>();
  /** Per stored key: 1 when known now, 0 when not, -1 not yet looked up. */
  readonly #answers: Int8Array;
  /** Per stored key: 1 when a restored record references it. */
  readonly #referenced: Uint8Array;
  readonly #extra: Map<number, Extra>;
  /** Stored entries this run reused, in order, and the fresh results to add. */
  readonly #reused: number[] = [];
  /** Fresh results, already reduced to columns (100,000 results kept whole would cost hundreds of MB). */
  readonly #fresh = new Columns();

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
    stored?.entries.forEach((key, i) => this.#index.set(key, i));
  }

  /** The cache at `path` when it was written by this validator at or before `now`; else an empty one. */
  static open(path: string, fingerprint: string, now: Date): ResultCache {
    let stored: Stored | null = null;
    try {
      const read = deserialize(readFileSync(path)) as Stored;
      if (read.format === FORMAT && read.fingerprint === fingerprint && read.now <= now.getTime()) stored = read;
    } catch {
      // none yet, or unreadable: start afresh
    }
    return new ResultCache(path, fingerprint, now.getTime(), stored);
  }

  /**
   * Restores the result stored for this file and content into `sink`, if every question its rules asked still
   * gets the same answer. `relative` is the path inside the data folder (with `/`), `file` the path as reported.
   */
  restore(relative: string, file: string, blob: string, known: KnownIds, sink: RestoreSink): boolean {
    const s = this.#stored;
    const entry = s === null ? undefined : this.#index.get(`${relative}\0${blob}`);
    if (s === null || entry === undefined) return false;
    for (let i = s.askedStart[entry]!; i < s.askedStart[entry + 1]!; i++) {
      const key = s.asked[i]! & ~ABSENT;
      let answer = this.#answers[key]!;
      if (answer === -1) {
        const [collection, id] = split(s.keys[key]!);
        this.#answers[key] = answer = known[collection].has(id) ? 1 : 0;
      }
      if ((answer === 1) !== ((s.asked[i]! & ABSENT) === 0)) return false;
    }
    this.#reused.push(entry);
    for (let i = s.refStart[entry]!; i < s.refStart[entry + 1]!; i++) this.#referenced[s.refs[i]!] = 1;
    const row = s.articleRow[entry]!;
    if (row >= 0) {
      const signature = s.hasSignature[row] ? s.signatures.subarray(row * SIGNATURE_SIZE, (row + 1) * SIGNATURE_SIZE) : null;
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

  /** Keeps a fresh result, unless it must not be reused (see the module comment). */
  put(relative: string, result: FileResult): void {
    const { blob, lookups } = result;
    if (blob === undefined || !result.complete || !lookups || lookups.opaque) return;
    if (result.findings.some((f) => f.internal || f.rule === 'dates')) return;
    if (result.article?.signature && result.article.signature.length !== SIGNATURE_SIZE) return;
    this.#fresh.add(`${relative}\0${blob}`, result);
  }

  /** Writes the entries this run reused or added (atomically), unless they are exactly what was read. */
  save(): void {
    const s = this.#stored;
    const fresh = this.#fresh.entries.length;
    if (fresh === 0 && s !== null && this.#reused.length === s.entries.length) return;
    let columns = this.#fresh;
    if (s !== null && this.#reused.length > 0) {
      // The reused entries first (in the order they were restored), then the fresh ones.
      columns = new Columns();
      for (const entry of this.#reused) {
        columns.copy(s, entry);
        const extra = this.#extra.get(entry);
        if (extra) columns.extra.push([columns.entries.length - 1, extra]);
      }
      const added = this.#fresh.stored(FORMAT, this.fingerprint, this.now);
      const offset = columns.entries.length;
      for (let entry = 0; entry < fresh; entry++) columns.copy(added, entry);
      for (const [entry, extra] of added.extra) columns.extra.push([offset + entry, extra]);
    }
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize(columns.stored(FORMAT, this.fingerprint, this.now)));
    renameSync(temporary, this.path);
  }
}
