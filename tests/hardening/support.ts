/**
 * Shared by the hardening tests: hashing a folder tree, seeded fuzzing parameters, and the doubling tests' input and
 * canonical stream.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, Entity, Outlet } from '../../types/index.ts';
import { articleTemplate } from '../../scripts/lib/article-template.ts';
import type { Format } from '../../scripts/publish/formats/format.ts';
import { OutputDir } from '../../scripts/publish/output.ts';
import { positionArticle } from '../../scripts/publish/positions.ts';
import { tableModel } from '../../scripts/publish/table-model.ts';
import { ROOT } from '../helpers.ts';

/**
 * Fuzzing parameters: seeded and reproducible. `FUZZ_RUNS` runs more cases (the default keeps `npm test` short);
 * `FUZZ_SEED` replays a failure (fast-check prints the seed and path of any counterexample).
 */
export function fuzzParameters(defaultRuns: number): { seed: number; numRuns: number } {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  const seed = Number(process.env.FUZZ_SEED ?? 1130);
  return { seed, numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns };
}

/** A deterministic pseudo-random generator (mulberry32), for test choices that are not fast-check properties. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** SHA-256 of a folder tree (shared with the other tests: tests/helpers.ts). */
export { hashTree } from '../helpers.ts';

/**
 * An article of `n` times “word wN.” in one paragraph, with a mention of each “word” told apart by its suffix: the
 * input of the doubling tests (20,000 mentions of one word, issue 26).
 */
export function repeatedWordArticle(n: number): Article {
  const words = Array.from({ length: n }, (_, i) => `word w${i}.`);
  return {
    ...articleTemplate(`words-${n}`, '2026-01-01', 'tests'),
    body: [{ type: 'paragraph', text: words.join(' ') }],
    annotations: {
      mentions: words.map((_, i) => ({
        id: `m-word-${i}`,
        selector: { exact: 'word', suffix: ` w${i}.` },
        entity: 'word',
        form: 'name' as const,
      })),
      quotes: [],
      figures: [],
      citedSources: [],
      events: [],
      claims: [],
    },
    inferences: [],
  };
}

/** A canonical stream (`jsonl/` in a temporary folder) of these records, articles positioned as the build does. */
export function canonicalStream(articles: Article[], entities: Entity[], outlets: Outlet[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'canonical-stream-'));
  mkdirSync(join(root, 'jsonl'));
  const lines = (values: unknown[]) => values.map((v) => `${JSON.stringify(v)}\n`).join('');
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const positioned = [...articles].sort(byId).map((a) => positionArticle(a));
  writeFileSync(join(root, 'jsonl', 'articles.jsonl'), lines(positioned));
  writeFileSync(join(root, 'jsonl', 'entities.jsonl'), lines([...entities].sort(byId)));
  writeFileSync(join(root, 'jsonl', 'outlets.jsonl'), lines(outlets));
  writeFileSync(join(root, 'jsonl', 'redirects.jsonl'), '');
  return root;
}

/** Runs `formats` on the canonical stream under `root`, as the build does (a test version, the repository's model). */
export async function writeFormats(root: string, formats: readonly Format[]): Promise<void> {
  const out = new OutputDir(root);
  const info = { $comment: 'test', version: '0.0.0-test', schemaVersion: 1 };
  const dataset = { name: 'annotated-news', version: '0.0.0-test', description: '', keywords: [] };
  const model = tableModel(join(ROOT, 'schemas'));
  for (const format of formats) await format.write({ out, rootDir: ROOT, info, dataset, model, written: [] });
}

/** The CPU time (user + system, all threads, ms) `run` takes. */
export async function cpuMs(run: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
