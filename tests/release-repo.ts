/**
 * Temporary git repositories for the release tests: a minimal copy of the project (types, schemas, data, docs,
 * package.json, CHANGELOG.md, licences), committed and tagged like a real release. Never touches /work/main's git.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestContext } from 'node:test';
import { ROOT, scriptArgs } from './helpers.ts';

/** Git settings for the temporary repositories: a fixed identity, no global or system configuration. */
export const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};

export const SCHEMA_FILES = ['article', 'entity', 'outlet', 'redirect'].map((n) => `schemas/${n}.schema.json`);

/** Generous: a release regenerates the schemas and runs the build, on a loaded two-core machine. */
const RUN_TIMEOUT_MS = 5 * 60 * 1000;

const COPIED = [
  'types',
  'schemas',
  'scripts/checks/generated',
  'data',
  'docs',
  'CHANGELOG.md',
  'LICENSE',
  'LICENSE-DATA.md',
];

export class TempRepo {
  constructor(readonly dir: string) {}

  git(...args: string[]): string {
    const result = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, ...GIT_ENV },
    });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  }

  commitAll(message: string): void {
    this.git('add', '--all');
    this.git('commit', '--quiet', '--allow-empty', '-m', message);
  }

  path(file: string): string {
    return join(this.dir, file);
  }

  read(file: string): string {
    return readFileSync(this.path(file), 'utf8');
  }

  write(file: string, content: string): void {
    mkdirSync(dirname(this.path(file)), { recursive: true });
    writeFileSync(this.path(file), content);
  }

  remove(file: string): void {
    unlinkSync(this.path(file));
  }

  readJson<T = Record<string, unknown>>(file: string): T {
    return JSON.parse(this.read(file)) as T;
  }

  writeJson(file: string, value: unknown): void {
    this.write(file, `${JSON.stringify(value, null, 2)}\n`);
  }

  editJson<T = Record<string, unknown>>(file: string, edit: (value: T) => void): void {
    const value = this.readJson<T>(file);
    edit(value);
    this.writeJson(file, value);
  }

  /** Runs a script of /work/main (scripts/<script>) with this repository as the current directory. */
  run(script: string, args: string[]): { code: number; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, scriptArgs(script, args), {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, ...GIT_ENV, NO_COLOR: '1' },
      // A hung child (a build that never ends) fails the test instead of blocking the suite.
      timeout: RUN_TIMEOUT_MS,
    });
    if (result.error) throw new Error(`scripts/${script} ${args.join(' ')}: ${result.error.message}`);
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }
}

/**
 * A repository holding the project's dataset at `version`, committed and (unless `tag` is false) tagged
 * `v<version>`. Its npm scripts run /work/main's schema generator and build against the copy.
 */
export function createRepo(
  t: TestContext,
  options: { version?: string; tag?: boolean; regenerateSchemas?: boolean } = {},
): TempRepo {
  const version = options.version ?? '1.0.0';
  const dir = mkdtempSync(join(tmpdir(), 'release-repo-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  pkg.version = version;
  pkg.scripts = {
    schemas: ['node', ...scriptArgs('schemas', ['--root', '.'])].map((arg) => JSON.stringify(arg)).join(' '),
    build: ['node', ...scriptArgs('build', ['--data', 'data', '--out', 'dist'])]
      .map((arg) => JSON.stringify(arg))
      .join(' '),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // The project's own .gitignore (dist/, build output, is ignored as on every clone), and the node_modules link
  // (`node_modules/` matches only a folder, not a link).
  writeFileSync(join(dir, '.gitignore'), `${readFileSync(join(ROOT, '.gitignore'), 'utf8')}/node_modules\n`);
  const repo = new TempRepo(dir);
  repo.git('init', '--quiet', '--initial-branch=main');
  if (options.regenerateSchemas) {
    // What `npm run schemas` gives for this version (slow: it compiles the types).
    const result = repo.run('schemas.ts', ['--root', '.']);
    if (result.code !== 0) throw new Error(`npm run schemas failed: ${result.stderr}`);
  } else {
    // The copied files carry /work/main's major version in the $ids: give them this version's.
    const major = version.split('.')[0]!;
    for (const file of [...SCHEMA_FILES, 'docs/data-dictionary.md', 'scripts/checks/generated/validators.cjs']) {
      repo.write(
        file,
        repo.read(file).replace(/urn:annotated-news:schema:v\d+:/g, `urn:annotated-news:schema:v${major}:`),
      );
    }
  }
  repo.commitAll(`Dataset ${version}`);
  if (options.tag !== false) repo.git('tag', '--annotate', `v${version}`, '-m', `release ${version}`);
  return repo;
}

export const SEED_ARTICLE = 'data/articles/zelensky-rejects-us-rare-earth-proposal.json';
