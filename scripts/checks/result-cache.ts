/**
 * A content-addressed cache of per-file validation results, for pull requests: checking one changed article
 * against 100,000 should not re-check the 100,000. A result is stored under its file's path and git blob id (the
 * SHA-1 git gives the file's bytes), and reused only when
 * - the file has the same path and bytes (git says so from its index, without the file being read),
 * - the validator is the same: its code, the schemas and the format of this cache (`validatorFingerprint`),
 * - every question its rules asked of the known ids gets the same answer (./known-lookups.ts),
 * - and “now” has not gone back (a date found in the future is never cached; one in the past stays there).
 * Cross-file rules still run over every file's summary, cached or not, so the findings are those of a full run
 * (tests/validate-incremental.test.ts proves it over random edits). A missing, stale or damaged cache only costs
 * time. The cache is one file, written atomically; it keeps the entries of the last run only.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileResult } from './check-file.ts';
import { sameAnswers } from './known-lookups.ts';
import type { KnownIds } from './rule.ts';

/** Changes whenever what is stored changes shape. */
const FORMAT = 1;
const REPO = join(import.meta.dirname, '..', '..');
/** The validator's own sources: a change to any of them makes every cached result stale. */
const VALIDATOR_SOURCES = ['scripts/checks', 'scripts/lib', 'types'];

export type CachedResult = Omit<FileResult, 'index' | 'blob'>;

interface Stored {
  format: number;
  fingerprint: string;
  now: number;
  entries: Map<string, CachedResult>;
}

/** SHA-256 over the validator's sources and the schema files. */
export function validatorFingerprint(schemaDir: string): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\0`);
  const add = (label: string, path: string) => hash.update(`${label}\0`).update(readFileSync(path)).update('\0');
  for (const folder of VALIDATOR_SOURCES) {
    const names = readdirSync(join(REPO, folder), { recursive: true, encoding: 'utf8' }).filter((n) => /\.(ts|cjs|mjs)$/.test(n) && !n.endsWith('.test.ts')).sort();
    for (const name of names) add(`${folder}/${name}`, join(REPO, folder, name));
  }
  for (const name of readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json')).sort()) add(`schemas/${name}`, join(schemaDir, name));
  return hash.digest('hex');
}

/**
 * The git blob ids of the files under `dataDir` whose content git knows without reading them: tracked, and not
 * modified in the work tree since they were staged (by git's own stat check). Absolute path → blob id; empty when
 * `dataDir` is not in a git work tree.
 */
export function gitBlobIds(dataDir: string): Map<string, string> {
  const ids = new Map<string, string>();
  const git = (args: string[]) => spawnSync('git', ['-C', dataDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const listed = git(['ls-files', '--stage', '-z', '--', '.']);
  if (listed.status !== 0) return ids;
  const modified = git(['diff-files', '--name-only', '--relative', '-z', '--', '.']);
  if (modified.status !== 0) return ids;
  const changed = new Set(modified.stdout.split('\0').map((p) => resolve(dataDir, p)));
  // Each entry: "<mode> <blob> <stage>\t<path>"; only stage 0 (not in the middle of a merge conflict).
  for (const entry of listed.stdout.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0 || entry.charAt(tab - 1) !== '0') continue;
    const path = resolve(dataDir, entry.slice(tab + 1));
    if (!changed.has(path)) ids.set(path, entry.slice(7, 47));
  }
  return ids;
}

export class ResultCache {
  readonly #entries: Map<string, CachedResult>;
  readonly #kept = new Map<string, CachedResult>();
  #changed = false;

  private constructor(
    private readonly path: string,
    private readonly fingerprint: string,
    private readonly now: number,
    entries: Map<string, CachedResult>,
  ) {
    this.#entries = entries;
  }

  /** The cache at `path` when it was written by this validator at or before `now`; else an empty one. */
  static open(path: string, fingerprint: string, now: Date): ResultCache {
    let entries = new Map<string, CachedResult>();
    let changed = true;
    try {
      const stored = deserialize(readFileSync(path)) as Stored;
      if (stored.format === FORMAT && stored.fingerprint === fingerprint && stored.now <= now.getTime()) {
        entries = stored.entries;
        changed = false;
      }
    } catch {
      // none yet, or unreadable: start afresh
    }
    const cache = new ResultCache(path, fingerprint, now.getTime(), entries);
    cache.#changed = changed;
    return cache;
  }

  /** The result stored for this file and content, if its rules' questions still get the same answers. */
  get(file: string, blob: string, known: KnownIds): CachedResult | undefined {
    const key = `${file}\0${blob}`;
    const entry = this.#entries.get(key);
    if (entry === undefined || !entry.lookups || !sameAnswers(entry.lookups, known)) return undefined;
    this.#kept.set(key, entry);
    return entry;
  }

  /** Stores a fresh result, unless it must not be reused (see the module comment). */
  put(file: string, result: FileResult): void {
    const { index: _index, blob, ...entry } = result;
    if (blob === undefined || !result.complete || !entry.lookups || entry.lookups.opaque) return;
    if (entry.findings.some((f) => f.internal || f.rule === 'dates')) return;
    this.#kept.set(`${file}\0${blob}`, entry);
    this.#changed = true;
  }

  /** Writes the entries this run used or added (atomically), when they differ from what was read. */
  save(): void {
    if (!this.#changed && this.#kept.size === this.#entries.size) return;
    const stored: Stored = { format: FORMAT, fingerprint: this.fingerprint, now: this.now, entries: this.#kept };
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize(stored));
    renameSync(temporary, this.path);
  }
}
