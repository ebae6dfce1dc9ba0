/** Shared by the tests: paths, and running a script the way a user would. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const SEED_FILE = join(ROOT, '..', 'shared', 'seeds', '000_501127e5941e60f5.txt');
export const SEED_ID = 'zelensky-rejects-us-rare-earth-proposal';

/** Runs `tsx <script> ...args` from `cwd` and returns its exit code and output. */
export function runScript(script: string, args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
