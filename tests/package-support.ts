/**
 * Shared by the package tests: `npm pack` the repository and install the tarball into a scratch consumer. The
 * package is staged in a temporary folder and built there by its own `prepack` script, so the tests need no prior
 * `npm run build` and never read or write the repository's dist/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, ROOT } from './helpers.ts';

const NPM_CLI = process.env.npm_execpath?.endsWith('.js') ? process.env.npm_execpath : undefined;

export function run(command: string, args: string[], cwd: string): { code: number; output: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
export const npm = (args: string[], cwd: string) =>
  NPM_CLI ? run(process.execPath, [NPM_CLI, ...args], cwd) : run('npm', args, cwd);
export const node = (args: string[], cwd: string) => run(process.execPath, args, cwd);

/** The files npm packs from the repository root besides `dist/`, and what the build reads through links. */
const COPIED = ['package.json', 'README.md', 'LICENSE', 'LICENSE-DATA.md', 'CHANGELOG.md'];
const LINKED = ['scripts', 'types', 'schemas', 'runtime', 'node_modules'];

/**
 * The package folder as npm sees the repository, in `work/name`: package.json, the licences, README and changelog
 * copied; what the build runs linked; `dataDir` copied to `data/`. There is no dist/ until `prepack` makes one.
 */
export function stagePackage(work: string, name: string, dataDir = DATA_DIR): string {
  const stage = join(work, name);
  mkdirSync(stage, { recursive: true });
  for (const file of COPIED) copyFileSync(join(ROOT, file), join(stage, file));
  for (const folder of LINKED) if (existsSync(join(ROOT, folder))) symlinkSync(join(ROOT, folder), join(stage, folder));
  cpSync(dataDir, join(stage, 'data'), { recursive: true });
  return stage;
}

/** `npm pack --json`'s report: the lines from `[` to `]`; around it are the prepack build's output and npm's. */
export function packReport(output: string): { filename: string; files: { path: string }[] } {
  const [report] = JSON.parse(output.slice(output.search(/^\[$/m), output.search(/^\]$/m) + 1)) as [
    { filename: string; files: { path: string }[] },
  ];
  return report;
}

/**
 * Packs the package staged from the repository and the data folder into `work`, the way `npm pack` and
 * `npm publish` do: `prepack` builds dist/ (validating the data first). Returns the tarball, the paths it holds,
 * the staged folder (with its dist/) and npm's output.
 */
export function packRepository(
  work: string,
  dataDir = DATA_DIR,
): { tarball: string; paths: string[]; stage: string; output: string } {
  const stage = stagePackage(work, 'package', dataDir);
  const packed = npm(['pack', '--pack-destination', work, '--json'], stage);
  assert.equal(packed.code, 0, packed.output);
  const { filename, files } = packReport(packed.output);
  return { tarball: join(work, filename), paths: files.map((f) => f.path), stage, output: packed.output };
}

/** Creates `dir` as an ES module project with the tarball installed (offline, no scripts). */
export function installConsumer(dir: string, tarball: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const installed = npm(
    ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'],
    dir,
  );
  assert.equal(installed.code, 0, installed.output);
}
