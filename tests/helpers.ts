/** Shared by the tests: paths, and running a script the way a user would. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** The environment variable that points the dataset-level tests at another data folder (tests/second-article.test.ts). */
export const DATA_DIR_VARIABLE = 'ANNOTATED_NEWS_TEST_DATA';
/**
 * The data folder the dataset-level tests check: the repository's `data/`, or the folder named by
 * ANNOTATED_NEWS_TEST_DATA (a copy with a second article, so the suite proves it assumes no count or order).
 */
export const DATA_DIR = process.env[DATA_DIR_VARIABLE] ? resolve(process.env[DATA_DIR_VARIABLE]) : join(ROOT, 'data');
/**
 * SHA-256 of the seed article's text exactly as received (`000_501127e5941e60f5.txt`). The test joins the seed
 * record's body and compares hashes, so it runs on every clone without the original file beside it.
 */
export const SEED_TEXT_SHA256 = 'ad05dd589668ae833a9f8cd2f33238d803d7ddc2e5871886d0cf9b3185cc38d2';
/** The official Frictionless Data Package v2 profiles, vendored with their source and licence. */
export const FRICTIONLESS_PROFILES = join(ROOT, 'tests', 'vendor', 'frictionless-datapackage-v2');
export const SEED_ID = 'zelensky-rejects-us-rare-earth-proposal';

/** Runs `tsx <script> ...args` from `cwd` (with `env` added to the environment) and returns its exit code and output. */
export function runScript(
  script: string,
  args: string[],
  cwd = ROOT,
  env: Record<string, string> = {},
): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
