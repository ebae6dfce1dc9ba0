/** Shared by the package tests: `npm pack` the repository and install the tarball into a scratch consumer. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';

const NPM_CLI = process.env.npm_execpath?.endsWith('.js') ? process.env.npm_execpath : undefined;

export function run(command: string, args: string[], cwd: string): { code: number; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
export const npm = (args: string[], cwd: string) => (NPM_CLI ? run(process.execPath, [NPM_CLI, ...args], cwd) : run('npm', args, cwd));
export const node = (args: string[], cwd: string) => run(process.execPath, args, cwd);

/** Packs the repository (its built `dist/`) into `work`; returns the tarball and the paths it holds. */
export function packRepository(work: string): { tarball: string; paths: string[] } {
  const packed = npm(['pack', '--pack-destination', work, '--json', '--ignore-scripts'], ROOT);
  assert.equal(packed.code, 0, packed.output);
  const [{ filename, files }] = JSON.parse(packed.output.slice(packed.output.indexOf('['))) as [{ filename: string; files: { path: string }[] }];
  return { tarball: join(work, filename), paths: files.map((f) => f.path) };
}

/** Creates `dir` as an ES module project with the tarball installed (offline, no scripts). */
export function installConsumer(dir: string, tarball: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const installed = npm(['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], dir);
  assert.equal(installed.code, 0, installed.output);
}
