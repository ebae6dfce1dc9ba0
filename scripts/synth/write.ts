/**
 * Writes a synthetic corpus to a folder with the layout of `data/`: `articles/`, `entities/`, `outlets/`, one JSON
 * file per record, formatted like the curated files (two-space indentation, final newline). Articles are made and
 * written one at a time, so memory stays flat whatever the count.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../lib/cli.ts';
import { prepareFilesFolder, REPO_ROOT } from '../lib/output-target.ts';
import { createProgress } from '../lib/progress.ts';
import { synthArticle } from './article.ts';
import { ENTITY_POOLS, poolSizes, synthEntity, synthOutlet } from './registry.ts';

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

/**
 * Refuses output folders that are, contain or lie inside the repository's data, sources or published output, the
 * repository root, or a filesystem root (scripts/lib/output-target.ts), and creates the folder when missing.
 */
export function assertSafeOutput(out: string, repoRoot = REPO_ROOT): string {
  return prepareFilesFolder(out, {
    what: 'a synthetic corpus',
    option: '--out',
    roots: [repoRoot],
    extra: [{ path: join(repoRoot, 'dist'), name: "the repository's dist/ (build output)" }],
  });
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
