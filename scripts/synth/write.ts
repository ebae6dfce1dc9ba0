/**
 * Writes a synthetic corpus to a folder with the layout of `data/`: `articles/`, `entities/`, `outlets/`, one JSON
 * file per record, in the canonical form `npm run fix` writes (keys in the schema's order, two-space indentation).
 * Articles are made and written one at a time, so memory stays flat whatever the count.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalText } from '../lib/canonical.ts';
import { UserError } from '../lib/cli.ts';
import { readSchema } from '../lib/collections.ts';
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

/**
 * Refuses output folders that are, contain or lie inside the repository's data, sources or published output, the
 * repository root, or a filesystem root (scripts/lib/output-target.ts), and creates the folder when missing.
 */
export function assertSafeOutput(out: string): string {
  return prepareFilesFolder(out, {
    what: 'a synthetic corpus',
    option: '--out',
    roots: [REPO_ROOT],
    extra: [{ path: join(REPO_ROOT, 'dist'), name: "the repository's dist/ (build output)" }],
  });
}

/** Writes the corpus; returns how many records of each collection it wrote, and their bytes. */
export function writeCorpus(options: SynthOptions) {
  const { count, out, seed = DEFAULT_SEED } = options;
  if (!Number.isInteger(count) || count < 1) throw new UserError(`--count must be a positive integer (got ${count}).`);
  assertSafeOutput(out);
  for (const name of CORPUS_DIRS) {
    const folder = join(out, name);
    if (existsSync(folder) && readdirSync(folder).length > 0) {
      if (!options.force)
        throw new UserError(`${folder} already holds files. Use an empty folder, or --force to replace the corpus.`);
      rmSync(folder, { recursive: true, force: true });
    }
    mkdirSync(folder, { recursive: true });
  }
  const summary = { articles: 0, entities: 0, outlets: 0, bytes: 0 };
  const schemas = { articles: readSchema('article'), entities: readSchema('entity'), outlets: readSchema('outlet') };
  const write = (collection: (typeof CORPUS_DIRS)[number], record: { id: string }) => {
    const text = canonicalText(record, schemas[collection]);
    writeFileSync(join(out, collection, `${record.id}.json`), text);
    summary[collection]++;
    summary.bytes += Buffer.byteLength(text);
  };
  const sizes = poolSizes(count);
  for (const pool of ENTITY_POOLS) for (let k = 0; k < sizes[pool]; k++) write('entities', synthEntity(pool, k, sizes));
  for (let k = 0; k < sizes.outlet; k++) write('outlets', synthOutlet(k));
  const progress = options.progress === false ? { tick() {}, done() {} } : createProgress('synth', count);
  for (let index = 0; index < count; index++) {
    write('articles', synthArticle(seed, index, sizes));
    progress.tick();
  }
  progress.done();
  return summary;
}
