/** Shared by the hardening tests: hashing a folder tree, seeded fuzzing parameters, scratch folders. */

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
