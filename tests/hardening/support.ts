/** Shared by the hardening tests: hashing a folder tree, seeded fuzzing parameters, scratch folders. */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

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

/** SHA-256 of a folder tree: every entry's path, type, mode and content (links by target), in sorted order. */
export function hashTree(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      hash.update(`${rel}/${name}\0${stat.mode}\0`);
      if (stat.isDirectory()) walk(path, `${rel}/${name}`);
      else if (stat.isSymbolicLink()) hash.update(readlinkSync(path));
      else if (stat.isFile()) hash.update(readFileSync(path));
    }
  };
  walk(root, '');
  return hash.digest('hex');
}
