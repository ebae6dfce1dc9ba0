/**
 * Opening only regular files. A name in the data folder may be a FIFO (opening it for reading waits for a writer,
 * forever), a socket, a device, a folder or a symbolic link; a file may be unreadable. Files are opened without
 * blocking and without following a final link, then checked with fstat, so nothing can make a command wait, and
 * every failure comes back as a `FileProblem` with a message and a hint rather than as an internal error.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Dirent, type Stats } from 'node:fs';
import { trace } from './trace.ts';

/** What kind of thing a directory entry is, in words (for "not a regular file" findings). */
export function describeEntry(stats: Stats | Dirent): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** A file that cannot be read, with why and what to do. */
export class FileProblem extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The message and hint for a file-system error on `path` (permissions first: the usual cause). */
export function fsProblem(error: unknown, what: 'file' | 'folder'): FileProblem {
  if (error instanceof FileProblem) return error;
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const reason = (error as Error).message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '');
  const chmod = what === 'folder' ? 'chmod u+rx' : 'chmod u+r';
  const access = `Give your user read access (\`${chmod} <path>\`), or run as the owner.`;
  const known: Record<string, [string, string]> = {
    EACCES: [`permission denied (${code})`, access],
    EPERM: [`permission denied (${code})`, access],
    ELOOP: ['it is a symbolic link', 'Records are regular files; replace the link with the file itself.'],
    ENOENT: ['it disappeared while being read', 'Run the command again once nothing else is changing the folder.'],
  };
  const [why, hint] = known[code] ?? [`${reason} (${code})`, 'Check that the disk and the path are readable.'];
  return new FileProblem(`cannot read the ${what}: ${why}`, hint, code);
}

/**
 * Reads a whole regular file (never waits on a FIFO, never follows a final symbolic link), refusing one larger than
 * `maxBytes`; throws a FileProblem. `event` names the read in the trace (scripts/lib/trace.ts).
 */
export function readRegularFile(path: string, maxBytes = Number.MAX_SAFE_INTEGER, event = 'read'): Buffer {
  trace?.(`${event} ${path}`);
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new FileProblem(
        `not a regular file: it is ${describeEntry(stats)}`,
        'Records are regular files; replace it with a regular file or delete it.',
        'ENOTREG',
      );
    }
    if (stats.size > maxBytes)
      throw new FileProblem(
        `the file is ${stats.size} bytes, more than the limit of ${maxBytes}`,
        'A record this large is almost certainly not one record; split it or remove what does not belong.',
        'EFBIG',
      );
    const buffer = Buffer.alloc(stats.size);
    let length = 0;
    for (let n = 1; n > 0 && length < stats.size; length += n)
      n = readSync(fd, buffer, length, stats.size - length, null);
    return buffer.subarray(0, length);
  } catch (error) {
    throw fsProblem(error, 'file');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
