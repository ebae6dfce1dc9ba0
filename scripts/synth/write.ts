/**
 * Writes a synthetic corpus to a folder with the layout of `data/`: `articles/`, `entities/`, `outlets/`, one JSON
 * file per record, formatted like the curated files (two-space indentation, final newline). Articles are made and
 * written one at a time, so memory stays flat whatever the count.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../lib/cli.ts';
import { createProgress } from '../lib/progress.ts';
import { synthArticle } from './article.ts';
import { ENTITY_POOLS, poolSizes, synthEntity, synthOutlet } from './registry.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The seed used when none is given. */
export const DEFAULT_SEED = 'annotated-news-synth-v1';
/** The folders a corpus consists of. */
export const CORPUS_DIRS = ['articles', 'entities', 'outlets'] as const;

export interface SynthOptions {
  count: number;
  out: string;
  seed?: string;
  /** Replace the corpus folders when they already hold files. */
  force?: boolean;
  /** Show progress on a terminal. */
  progress?: boolean;
}

export interface SynthSummary {
  articles: number;
  entities: number;
  outlets: number;
  bytes: number;
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest (the folder may not exist yet). */
function realPathOf(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  while (!existsSync(existing)) existing = dirname(existing);
  return join(realpathSync(existing), relative(existing, absolute));
}

const isInside = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

/** Refuses output folders inside the repository's curated data or published output, or the repository itself. */
export function assertSafeOutput(out: string, repoRoot = REPO_ROOT): void {
  const target = realPathOf(out);
  const root = realPathOf(repoRoot);
  for (const forbidden of ['data', 'dist']) {
    if (isInside(target, join(root, forbidden))) {
      throw new UserError(
        `refusing to write a synthetic corpus inside the repository's ${forbidden}/ (${out}). ` +
          'Choose a folder outside it, e.g. --out /tmp/synth-corpus.',
      );
    }
  }
  if (target === root) {
    throw new UserError('refusing to write a synthetic corpus into the repository root. Choose another --out folder.');
  }
}

function prepareFolders(out: string, force: boolean): void {
  for (const name of CORPUS_DIRS) {
    const folder = join(out, name);
    if (existsSync(folder) && readdirSync(folder).length > 0) {
      if (!force) {
        throw new UserError(`${folder} already holds files. Use an empty folder, or --force to replace the corpus.`);
      }
      rmSync(folder, { recursive: true, force: true });
    }
    mkdirSync(folder, { recursive: true });
  }
}

const serialize = (record: unknown) => `${JSON.stringify(record, null, 2)}\n`;

export function writeCorpus(options: SynthOptions): SynthSummary {
  const { count, out, seed = DEFAULT_SEED } = options;
  if (!Number.isInteger(count) || count < 1) throw new UserError(`--count must be a positive integer (got ${count}).`);
  assertSafeOutput(out);
  prepareFolders(out, options.force ?? false);
  const sizes = poolSizes(count);
  const summary: SynthSummary = { articles: 0, entities: 0, outlets: 0, bytes: 0 };
  const write = (path: string, record: unknown) => {
    const text = serialize(record);
    writeFileSync(path, text);
    summary.bytes += Buffer.byteLength(text);
  };

  for (const pool of ENTITY_POOLS) {
    for (let k = 0; k < sizes[pool]; k++) {
      const { record } = synthEntity(pool, k, sizes);
      write(join(out, 'entities', `${record.id}.json`), record);
      summary.entities++;
    }
  }
  for (let k = 0; k < sizes.outlet; k++) {
    const outlet = synthOutlet(k, sizes);
    write(join(out, 'outlets', `${outlet.id}.json`), outlet);
    summary.outlets++;
  }
  const progress = options.progress === false ? { tick() {}, done() {} } : createProgress('synth', count);
  for (let index = 0; index < count; index++) {
    const article = synthArticle(seed, index, sizes);
    write(join(out, 'articles', `${article.id}.json`), article);
    summary.articles++;
    progress.tick();
  }
  progress.done();
  return summary;
}
