/**
 * Where a command may write. Every command that writes (build, bundle, synth, fix, new, release, import) asks this
 * module first, so no argument can make one of them destroy or pollute the data or the repository's sources.
 *
 * - `checkTarget` refuses a target that is, contains, or lies inside a data folder, a source folder of the
 *   repository (types/, scripts/, schemas/, tests/, docs/, .git, …), the repository root itself, or a filesystem
 *   root. Paths are compared after resolving symbolic links, so a link into data/ is refused like data/ itself.
 * - `prepareOutputFolder` creates missing parents, refuses an existing target that is not a folder, and replaces an
 *   existing folder only when it holds the marker file a previous run wrote (or is empty), unless `--force`.
 * - `Staging` builds the new output in a folder beside the target, under a lock (a second run on the same target is
 *   refused as busy), removes it on every exit path (errors, SIGINT, SIGTERM, SIGHUP), swaps it in with two renames,
 *   and on the next run puts back an output a kill left aside and removes stale staging folders it recognises
 *   (its own name pattern, a dead owner or older than a day).
 * Refusals are `UserError`s: one line with a hint, exit code 2, no stack trace.
 */
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { constants, homedir } from 'node:os';
import { basename, dirname, join, parse, relative, resolve, sep } from 'node:path';
import { UserError } from './cli.ts';

/** The repository this script belongs to. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
/** Folders of a repository that hold its sources (and its tools): never an output. */
export const SOURCE_FOLDERS = [
  'types',
  'scripts',
  'schemas',
  'tests',
  'docs',
  '.git',
  '.github',
  '.ci',
  'node_modules',
];
/** The file a command writes into an output folder it made, so a later run knows it may replace that folder. */
export const OUTPUT_MARKER = '.annotated-news-output';
/** Staging folders older than this are stale whoever owns them. */
const STALE_MS = 24 * 60 * 60 * 1000;

/** What a command writes, for messages: `the build output`, `--out`. */
export interface TargetOptions {
  /** Names what is written, e.g. "the build output". */
  what: string;
  /** The option that chose the target, e.g. "--out". */
  option: string;
  /** Data folders in play besides the repository's data/ (e.g. the run's `--data`). */
  dataDirs?: readonly string[];
  /** Repository roots whose sources are protected (default: this repository). */
  roots?: readonly string[];
  /** More folders no output may touch, with their names (e.g. synth keeps out of dist/). */
  extra?: ReadonlyArray<{ path: string; name: string }>;
  /** The target is a data folder that record writers (fix, new, import) may write into, record by record. */
  records?: boolean;
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest (it may not exist yet). */
function realPathOf(path: string): string {
  const absolute = resolve(path);
  for (let existing = absolute; ; existing = dirname(existing)) {
    try {
      return join(realpathSync(existing), relative(existing, absolute));
    } catch {
      if (dirname(existing) === existing) return absolute;
    }
  }
}

const inside = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
const isFilesystemRoot = (path: string) => parse(path).root === path;
/** A file system error's code and message, for a refusal (`EACCES: permission denied`). */
const why = (error: unknown) =>
  `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${(error as Error).message.replace(/^\w+: /, '')}`;

/** The folders no output may be, contain or lie in, by name. */
function protectedFolders(options: TargetOptions): Array<{ path: string; name: string }> {
  const folders = (options.roots ?? [REPO_ROOT]).flatMap((root) => [
    ...(options.records ? [] : [{ path: join(root, 'data'), name: "the repository's data folder" }]),
    ...SOURCE_FOLDERS.map((name) => ({ path: join(root, name), name: `the repository's ${name}/ folder` })),
  ]);
  if (!options.records)
    for (const data of options.dataDirs ?? []) folders.push({ path: data, name: 'the data folder' });
  return [...folders, ...(options.extra ?? [])].map((f) => ({ path: realPathOf(f.path), name: f.name }));
}

/** Refuses `target`, chosen by `option`, and says why and what to do instead. */
function refusal(option: string, target: string, why: string, hint: string): never {
  throw new UserError(`refusing ${option} ${JSON.stringify(target)}: ${why}; nothing was written. Hint: ${hint}.`);
}

/**
 * Refuses a target that would destroy or pollute data or sources; returns its real absolute path. The same rules
 * hold whether the target is replaced as a whole (build) or receives files (bundle, synth).
 */
export function checkTarget(target: string, options: TargetOptions): string {
  const real = realPathOf(target);
  const example = `${options.option} /tmp/annotated-news-out`;
  const hint = `choose a new folder outside the repository's sources and data, e.g. ${example}`;
  const refuse = (why: string, other = hint): never => refusal(options.option, target, why, other);
  if (target.trim() === '') refuse('the path is empty');
  if (isFilesystemRoot(real))
    refuse(`it is a filesystem root (${real}), which ${options.what} would replace or litter`);
  for (const repo of (options.roots ?? [REPO_ROOT]).map(realPathOf)) {
    if (real === repo)
      refuse(
        `it is the repository root (${repo})`,
        `the default ${options.option} is safe; or choose a folder such as ${join(repo, 'dist')}`,
      );
    if (inside(repo, real)) refuse(`it contains the repository (${repo})`);
  }
  for (const folder of protectedFolders(options)) {
    if (real === folder.path) refuse(`it is ${folder.name} (${folder.path})`);
    if (inside(folder.path, real)) refuse(`it contains ${folder.name} (${folder.path})`);
    if (inside(real, folder.path)) refuse(`it lies inside ${folder.name} (${folder.path})`);
  }
  return real;
}

/** The entry at `path` without following a final symbolic link, or null when nothing is there. */
function entryAt(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(
      `cannot look at ${path} (${why(error)}). Hint: check the path and its permissions, or choose another one.`,
    );
  }
}

/** Creates the parents of `real`, then returns its entry (null when nothing is there), refusing one not a folder. */
function folderEntry(target: string, real: string, option: string): Stats | null {
  const parent = dirname(real);
  try {
    mkdirSync(parent, { recursive: true }); // ordinary permissions
  } catch (error) {
    throw new UserError(
      `cannot create ${parent} for ${option} (${why(error)}). Hint: check the path and its permissions, or ` +
        `choose another ${option}.`,
    );
  }
  if (!statSync(parent).isDirectory())
    throw new UserError(`${parent} is not a folder, so ${option} cannot go inside it. Hint: choose another ${option}.`);
  const entry = entryAt(real);
  if (entry && !entry.isDirectory()) refusal(option, target, 'it exists and is not a folder', 'choose a folder path');
  return entry;
}

/** A small JSON file's value, when it is a regular file that parses; else undefined. */
function readSmallJson(path: string): Record<string, unknown> | undefined {
  const entry = entryAt(path);
  if (!entry?.isFile() || entry.size > 1 << 20) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Whether `folder` is one this toolkit wrote: its marker is a regular file naming the tool, or (a build from before
 * the marker existed) it holds the build's checksum manifest and a `datapackage.json` named `annotated-news`.
 */
function isOwnOutput(folder: string): boolean {
  if (readSmallJson(join(folder, OUTPUT_MARKER))?.tool === 'annotated-news') return true;
  const descriptor = readSmallJson(join(folder, 'datapackage.json'));
  return descriptor?.name === 'annotated-news' && entryAt(join(folder, 'SHA256SUMS'))?.isFile() === true;
}

/** The marker's content: fixed, so two builds of the same data stay byte-identical. */
export function markerContent(command: string): string {
  const note = `Written by \`${command}\`, which may replace this folder.`;
  return `${JSON.stringify({ tool: 'annotated-news', command, note }, null, 2)}\n`;
}

/**
 * Checks a folder output before anything is written: safe (`checkTarget`), parents created, and an existing target
 * replaced only when it is a folder this toolkit wrote, an empty folder, or `force` is given. Returns the real path.
 */
export function prepareOutputFolder(
  target: string,
  options: TargetOptions & { force?: boolean; command: string },
): string {
  const real = checkTarget(target, options);
  const refuse = (why: string, hint: string): never => refusal(options.option, target, why, hint);
  // A folder that is replaced as a whole is never a system folder (/tmp, /usr, /home…), the home folder, or one that
  // holds the current folder, even with --force.
  const system = (what: string) =>
    refuse(
      `${what}, which the output would replace`,
      `choose a new folder such as ${join(real, 'annotated-news-dist')}`,
    );
  if (isFilesystemRoot(dirname(real))) system(`it is a top-level system folder (${real})`);
  if (real === realPathOf(homedir())) system('it is your home folder');
  if (inside(realPathOf(process.cwd()), real)) system(`it holds the current folder (${process.cwd()})`);
  const entry = folderEntry(target, real, options.option);
  if (entry && !options.force && !isOwnOutput(real) && readdirSync(real).length > 0)
    refuse(
      `it holds files that \`${options.command}\` did not write (no ${OUTPUT_MARKER} marker), and they would be ` +
        'replaced',
      `choose another ${options.option}, empty the folder, or pass --force to replace it`,
    );
  return real;
}

/**
 * Checks a folder that receives files (an archive, a corpus, records): safe (`checkTarget`), a folder if it exists,
 * else created with its parents. Returns the real path.
 */
export function prepareFilesFolder(target: string, options: TargetOptions): string {
  const real = checkTarget(target, options);
  if (!folderEntry(target, real, options.option)) mkdirSync(real);
  return real;
}

/**
 * Checks the data folder a record writer (fix, new, import) writes into: it may be the repository's data/ or any
 * folder with its layout, but never a filesystem root, the repository root or one of its source folders.
 */
export function checkRecordFolder(dataDir: string, option = '--data'): string {
  return checkTarget(dataDir, { what: 'record files', option, records: true });
}

/**
 * Writes a file atomically: a temporary file beside it (removed on any exit, signals included), then a rename; with
 * `exclusive`, a hard link instead, which fails rather than replace a file that exists.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: { exclusive?: boolean } = {}) {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const cancel = onExit(() => rmSync(temporary, { force: true }));
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    if (options.exclusive) linkSync(temporary, path);
    else renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
    cancel();
  }
}

// ---- Cleanup on every exit path ----------------------------------------------------------------------------------

const cleanups = new Set<() => void>();

function runCleanups(): void {
  for (const cleanup of cleanups) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // best effort: the next run removes what is left
    }
  }
}

/** Runs `cleanup` when the process exits, normally or by SIGINT, SIGTERM or SIGHUP; returns a function to cancel. */
function onExit(cleanup: () => void): () => void {
  if (!process.listeners('exit').includes(runCleanups)) {
    process.on('exit', runCleanups);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
      process.on(signal, () => {
        runCleanups();
        process.exit(128 + constants.signals[signal]);
      });
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

// ---- Staging, lock, swap -------------------------------------------------------------------------------------------

/** Whether a process with this id is running (EPERM: it runs, as someone else). */
function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One run's staging folder beside `target`: `.build-<name>-<pid>-<random>`, with the lock `.build-<name>.lock`.
 * `Staging.begin` takes the lock (or refuses: busy), repairs what a killed run left, and creates the folder;
 * `commit` swaps it in; `dispose` (also run on any exit) removes the staging folder and the lock.
 */
export class Staging {
  readonly #cancel = onExit(() => this.dispose());
  #disposed = false;

  private constructor(
    readonly target: string,
    readonly path: string,
    private readonly lock: string,
  ) {}

  /** Takes the lock for `target`, cleans up after killed runs, and creates an empty staging folder. */
  static begin(target: string, option = '--out'): Staging {
    const parent = dirname(target);
    const name = basename(target);
    const lock = join(parent, `.build-${name}.lock`);
    mkdirSync(parent, { recursive: true }); // an --out whose parent folders do not exist yet
    acquireLock(lock, target, option);
    try {
      recoverAndSweep(parent, name, target);
      const path = join(parent, `.build-${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
      mkdirSync(path); // ordinary permissions (0777 less the umask), unlike mkdtemp's 0700
      return new Staging(target, path, lock);
    } catch (error) {
      rmSync(lock, { force: true });
      throw error;
    }
  }

  /**
   * Replaces the target with the staging folder: the old output moved aside, the new one renamed in, the old removed.
   */
  commit(): void {
    const aside = `${this.path}-old`;
    const hadTarget = entryAt(this.target) !== null;
    if (hadTarget) renameSync(this.target, aside);
    try {
      renameSync(this.path, this.target);
    } catch (error) {
      if (hadTarget) renameSync(aside, this.target); // put the previous output back
      throw error;
    }
    rmSync(aside, { recursive: true, force: true });
  }

  /** Removes the staging folder (when not committed) and releases the lock. Safe to call twice. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#cancel();
    rmSync(this.path, { recursive: true, force: true });
    rmSync(this.lock, { force: true });
  }
}

/** Creates the lock file exclusively; a lock whose owner is gone is taken over, a live one refused as busy. */
function acquireLock(lock: string, target: string, option: string): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    } catch {
      // removed meanwhile, or being written: look again
    }
    if (processAlive(owner) && owner !== process.pid) {
      throw new UserError(
        `busy: another run (process ${owner}) is writing ${target}; nothing was written. ` +
          `Hint: wait for it to finish, or choose another ${option}; if no such process runs, delete ${lock}.`,
      );
    }
    if (Number.isNaN(owner) && attempt === 0) continue; // its owner may be writing its pid right now
    rmSync(lock, { force: true });
  }
  throw new UserError(
    `busy: cannot take the lock ${lock} for ${target}. Hint: try again; if it persists, delete ${lock}.`,
  );
}

/**
 * With the lock held: puts back an output that a run killed between its two renames left aside, then removes
 * staging folders of this target whose owner is gone (or that are older than a day).
 */
function recoverAndSweep(parent: string, name: string, target: string): void {
  const pattern = new RegExp(`^\\.build-${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)-[0-9a-f]{8}(-old)?$`);
  const found = readdirSync(parent).flatMap((entry) => {
    const m = pattern.exec(entry);
    const stat = m ? entryAt(join(parent, entry)) : null;
    return m && stat?.isDirectory()
      ? [{ path: join(parent, entry), pid: Number(m[1]), aside: m[2] !== undefined, mtime: stat.mtimeMs }]
      : [];
  });
  const aside = entryAt(target) === null && found.find((f) => f.aside && isOwnOutput(f.path));
  if (aside) renameSync(aside.path, target);
  for (const f of found)
    if (existsSync(f.path) && f.pid !== process.pid && (!processAlive(f.pid) || Date.now() - f.mtime > STALE_MS))
      rmSync(f.path, { recursive: true, force: true });
}
