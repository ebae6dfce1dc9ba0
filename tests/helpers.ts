/** Shared by the tests: paths, and running a script the way a user would. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/**
 * The environment variable that points the dataset-level tests at another data folder (tests/second-article.test.ts).
 */
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

/** `--import` of tsx (by URL: a child whose working folder has no node_modules still finds it). */
const TSX = ['--import', import.meta.resolve('tsx')];

const NPM_SCRIPTS = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

/**
 * The command line (without the Node.js binary) that runs `scripts/<script>` the way its npm script does: through
 * scripts/compiled.mjs (its bundle, or tsx when a source changed since `npm run prepare`), or else under tsx.
 */
export function scriptArgs(script: string, args: readonly string[] = []): string[] {
  const name = script.replace(/\.ts$/, '');
  if (NPM_SCRIPTS[name] === `node scripts/compiled.mjs ${name}`)
    return [join(ROOT, 'scripts', 'compiled.mjs'), name, ...args];
  return [...TSX, join(ROOT, 'scripts', `${name}.ts`), ...args];
}

/**
 * Runs `scripts/<script> ...args` as `npm run` would, from `cwd` (with `env` added), and returns its exit code and
 * output.
 */
export function runScript(
  script: string,
  args: string[],
  cwd = ROOT,
  env: Record<string, string> = {},
): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, scriptArgs(script, args), {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * SHA-256 of a folder tree: every entry's path, type, mode and content (links by target), in sorted order. `skip`
 * leaves out entries by their path relative to `root` (`/name`, `/folder/name`).
 */
export function hashTree(root: string, skip: (path: string) => boolean = () => false): string {
  const hash = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (skip(`${rel}/${name}`)) continue;
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

/** Shared builds (sharedBuild), one folder per key (the build refuses to write inside the repository). */
const BUILD_CACHE = join(tmpdir(), 'annotated-news-test-builds');
/** What in the repository is not an input of the build: installed packages, git, tests, build output, scratch. */
const NOT_BUILD_INPUT = /^\/(node_modules|\.git|tests|dist|bench-out|tmp|release|test-output)$|\/\.|\.tgz$|\.tmp$/;
/** A shared build not used for this long is removed. */
const BUILD_CACHE_DAYS = 2;

/**
 * The key of a build: everything it reads (the repository's sources, lock file and data, Node.js's version) and the
 * data folder.
 */
export function buildKey(dataDir: string): string {
  return createHash('sha256')
    .update(
      `${process.version}\0${hashTree(ROOT, (path) => NOT_BUILD_INPUT.test(path))}\0${hashTree(resolve(dataDir))}`,
    )
    .digest('hex')
    .slice(0, 32);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A build of `dataDir` that tests only read (`npm run build -- --data dataDir`), made once and shared by every test
 * process, in this run and later ones, until a source, the data or Node.js changes (the key: buildKey). A build is
 * deterministic (tests/publish-build.test.ts builds afresh and compares), so a shared one is the build a test would
 * have made. Tests that write into a build, or that test building itself, build their own. The folder's hash is
 * recorded when it is made and checked at every use, so a test that writes into it fails loudly instead of
 * misleading the others.
 */
export function sharedBuild(dataDir: string): string {
  const key = buildKey(dataDir);
  const entry = join(BUILD_CACHE, key);
  const out = join(entry, 'dist');
  const recorded = join(entry, 'tree.sha256');
  const lock = `${entry}.lock`;
  mkdirSync(BUILD_CACHE, { recursive: true });
  for (;;) {
    if (existsSync(entry)) {
      const now = new Date();
      utimesSync(entry, now, now);
      if (hashTree(out) !== readFileSync(recorded, 'utf8')) {
        rmSync(entry, { recursive: true, force: true });
        throw new Error(
          `the shared build ${out} was changed after it was made (a test must not write into a shared build; ` +
            `copy it first)`,
        );
      }
      return out;
    }
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      // Another process is making this build: wait for it, or take over when it died.
      const owner = Number(readFileSafely(lock));
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) rmSync(lock, { force: true });
      else sleep(200);
      continue;
    }
    try {
      if (existsSync(entry)) continue; // made while this process took the lock
      const staging = `${entry}.${process.pid}.tmp`;
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging);
      const result = runScript('build.ts', ['--data', resolve(dataDir), '--out', join(staging, 'dist')]);
      if (result.code !== 0) {
        rmSync(staging, { recursive: true, force: true });
        throw new Error(`build failed (${result.code}):\n${result.stdout}${result.stderr}`);
      }
      writeFileSync(join(staging, 'tree.sha256'), hashTree(join(staging, 'dist')));
      renameSync(staging, entry);
      pruneBuildCache();
    } finally {
      unlinkSync(lock);
    }
  }
}

function readFileSafely(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Removes shared builds not used for BUILD_CACHE_DAYS. */
function pruneBuildCache(): void {
  const limit = Date.now() - BUILD_CACHE_DAYS * 24 * 3600 * 1000;
  for (const name of readdirSync(BUILD_CACHE)) {
    if (name.endsWith('.lock')) continue;
    const path = join(BUILD_CACHE, name);
    if (statSync(path).mtimeMs < limit) rmSync(path, { recursive: true, force: true });
  }
}
