/** The few git operations a release needs, run with `git -C root`. I/O only; no decisions here. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fail } from '../lib/cli.ts';

/** Runs git in `root` and returns its stdout; a failure becomes a user-facing error naming the command. */
export function git(root: string, args: readonly string[], input?: Buffer | string): Buffer {
  const result = spawnSync('git', ['-C', root, ...args], {
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  if (result.error) fail(`could not run git (${result.error.message}); the release command needs git on PATH.`);
  if (result.status !== 0) {
    const stderr = result.stderr.toString('utf8').trim();
    fail(`\`git ${args.join(' ')}\` failed in ${root}:\n${stderr}`);
  }
  return result.stdout;
}

export const gitText = (root: string, args: readonly string[]): string => git(root, args).toString('utf8');

/** What git prints (trimmed) when it succeeds, or `null` when it fails: for questions whose answer may be no. */
export function gitAnswer(root: string, args: readonly string[]): string | null {
  const result = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Whether `root` is inside a git work tree. */
export const isGitRepository = (root: string) => gitAnswer(root, ['rev-parse', '--is-inside-work-tree']) === 'true';

/** The commit a ref names, or `null` when there is none. */
export const commitOf = (root: string, ref: string) =>
  gitAnswer(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);

/** Tags reachable from HEAD (releases made on this line of history). */
export function tagsMergedIntoHead(root: string): string[] {
  if (commitOf(root, 'HEAD') === null) return [];
  return gitText(root, ['tag', '--list', '--merged', 'HEAD']).split('\n').filter(Boolean);
}

/** Paths with uncommitted changes (staged, unstaged or untracked), as `git status --porcelain` lists them. */
export function uncommittedChanges(root: string): string[] {
  return gitText(root, ['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean);
}

export interface TreeEntry {
  /** Path from the repository root, with `/` separators. */
  path: string;
  /** The blob's object id. */
  blob: string;
}

/** Every file under `paths` in the tree of `revision` (recursively), with its blob id. */
export function listTree(root: string, revision: string, paths: readonly string[]): TreeEntry[] {
  const out = gitText(root, ['ls-tree', '-r', '-z', '--full-tree', revision, '--', ...paths]);
  const entries: TreeEntry[] = [];
  for (const line of out.split('\0')) {
    if (!line) continue;
    // "<mode> <type> <object>\t<path>"
    const tab = line.indexOf('\t');
    const [, type, blob] = line.slice(0, tab).split(' ');
    if (type === 'blob' && blob) entries.push({ path: line.slice(tab + 1), blob });
  }
  return entries;
}

/** Reads many blobs in one `git cat-file --batch` process. Returns blob id → content. */
export function readBlobs(root: string, blobs: readonly string[]): Map<string, Buffer> {
  const result = new Map<string, Buffer>();
  const unique = [...new Set(blobs)];
  if (unique.length === 0) return result;
  const out = git(root, ['cat-file', '--batch'], `${unique.join('\n')}\n`);
  let at = 0;
  for (const blob of unique) {
    // "<object> <type> <size>\n<content>\n"
    const headerEnd = out.indexOf(0x0a, at);
    const header = out.subarray(at, headerEnd).toString('utf8').split(' ');
    if (header[1] === 'missing' || header.length < 3) fail(`git object ${blob} is missing from the repository.`);
    const size = Number(header[2]);
    result.set(blob, out.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return result;
}

/** The object id git would give `content` as a blob (`git hash-object`), to spot unchanged files without parsing. */
export function blobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
