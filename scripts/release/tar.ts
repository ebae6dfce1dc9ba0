/**
 * A minimal, deterministic tar.gz writer (POSIX ustar, gzip via node:zlib). The same files give the same bytes:
 * entries in byte order of their paths, parent directories listed before their contents, owner 0:0 with no
 * names, fixed modes and one fixed modification time, and a gzip header with no time and a fixed OS byte.
 */
import { gzipSync } from 'node:zlib';

export const BLOCK = 512;
/** GNU tar and Python's tarfile write archives in records of 20 blocks; readers accept it either way. */
export const RECORD = 20 * BLOCK;
/** Every entry's modification time: the Unix epoch, so the archive's bytes depend on its content alone. */
export const FIXED_MTIME = 0;
const FILE_MODE = 0o644;
const DIRECTORY_MODE = 0o755;
/** The ustar size field holds 11 octal digits. */
const MAX_SIZE = 0o77777777777;
/** Byte 9 of a gzip header names the OS that wrote it; zlib's varies by platform, so it is fixed to "unknown". */
export const GZIP_OS_UNKNOWN = 255;

function octal(value: number, width: number): string {
  // width - 1 digits and a NUL, as ustar readers expect.
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** Splits a path into ustar's `prefix` (≤ 155 bytes) and `name` (≤ 100 bytes) at a slash; null when it cannot. */
function splitPath(path: string): { name: string; prefix: string } | null {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) {
    const prefix = path.slice(0, at);
    const name = path.slice(at + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name.length > 0) return { name, prefix };
  }
  return null;
}

/** One header block: `type` `0` a file, `5` a directory, `x` a pax extended header (POSIX.1-2001). */
function block(name: string, prefix: string, size: number, type: '0' | '5' | 'x'): Buffer {
  const out = Buffer.alloc(BLOCK);
  const write = (text: string, offset: number, width: number) => {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > width) throw new Error(`tar header field too long: ${text}`);
    bytes.copy(out, offset);
  };
  write(name, 0, 100);
  write(octal(type === '5' ? DIRECTORY_MODE : FILE_MODE, 8), 100, 8);
  write(octal(0, 8), 108, 8); // uid
  write(octal(0, 8), 116, 8); // gid
  write(octal(size, 12), 124, 12);
  write(octal(FIXED_MTIME, 12), 136, 12);
  write('        ', 148, 8); // checksum, computed below with this field as spaces
  write(type, 156, 1);
  write('ustar\0', 257, 6);
  write('00', 263, 2);
  write(prefix, 345, 155);
  let sum = 0;
  for (const byte of out) sum += byte;
  write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return out;
}

/**
 * The header of an entry: one ustar block, preceded, for a path ustar cannot hold (`brat/<id>.ann` with a 120-character
 * id is more than `name`'s 100 bytes), by a POSIX pax extended header that gives the whole path (GNU tar and Python's
 * tarfile read it; tests/hardening/limits.test.ts); the ustar block then holds the path cut to 100 bytes.
 */
export function header(path: string, size: number, directory: boolean): Buffer {
  const type = directory ? '5' : '0';
  const split = splitPath(path);
  if (split) return block(split.name, split.prefix, size, type);
  // A pax record is "<length> path=<path>\n", its length counting its own digits.
  const body = ` path=${path}\n`;
  const bare = Buffer.byteLength(body);
  const length = bare + String(bare + String(bare).length).length;
  const record = Buffer.from(`${length}${body}`);
  const short = Buffer.from(path)
    .subarray(0, 100)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  const padding = Buffer.alloc((BLOCK - (record.length % BLOCK)) % BLOCK);
  return Buffer.concat([
    block('././@PaxHeader', '', record.length, 'x'),
    record,
    padding,
    block(short, '', size, type),
  ]);
}

const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * A ustar archive of the files given (path → content; paths use `/` and have no leading slash or `..`), with an
 * entry for each directory they sit in.
 */
export function createTar(files: ReadonlyMap<string, Uint8Array>): Buffer {
  const directories = new Set<string>();
  for (const path of files.keys()) {
    if (path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '.' || part === '')) {
      throw new Error(`unsafe path in archive: ${path}`);
    }
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) directories.add(`${parts.slice(0, i).join('/')}/`);
  }
  // A directory path ends in "/", which sorts it before its contents ("csv/" < "csv/a.csv").
  const paths = [...directories, ...files.keys()].sort(compareBytes);
  const chunks: Buffer[] = [];
  for (const path of paths) {
    const content = files.get(path);
    if (content === undefined) {
      chunks.push(header(path, 0, true));
      continue;
    }
    if (content.length > MAX_SIZE) throw new Error(`file too large for a ustar archive: ${path}`);
    chunks.push(header(path, content.length, false), Buffer.from(content));
    const padding = (BLOCK - (content.length % BLOCK)) % BLOCK;
    if (padding > 0) chunks.push(Buffer.alloc(padding));
  }
  chunks.push(Buffer.alloc(2 * BLOCK)); // end of archive
  const length = chunks.reduce((n, c) => n + c.length, 0);
  const recordPadding = (RECORD - (length % RECORD)) % RECORD;
  if (recordPadding > 0) chunks.push(Buffer.alloc(recordPadding));
  return Buffer.concat(chunks);
}

/** Gzip with the highest compression and nothing in the header that depends on when or where it ran. */
export function gzipDeterministic(data: Uint8Array): Buffer {
  const gz = gzipSync(data, { level: 9 });
  gz[9] = GZIP_OS_UNKNOWN; // MTIME (bytes 4-7) is already 0: node:zlib does not set it
  return gz;
}
