/**
 * A minimal, deterministic tar.gz writer (POSIX ustar, gzip via node:zlib). The same files give the same bytes:
 * entries in byte order of their paths, parent directories listed before their contents, owner 0:0 with no
 * names, fixed modes and the Unix epoch as every modification time, and a gzip header with no time and a fixed OS
 * byte. (The `tar` package writes other header bytes: the bundle's published SHA-256 would change.)
 */
import { gzipSync } from 'node:zlib';

const BLOCK = 512;
/** GNU tar and Python's tarfile write archives in records of 20 blocks; readers accept it either way. */
const RECORD = 20 * BLOCK;
/** Byte 9 of a gzip header names the OS that wrote it; zlib's varies by platform, so it is fixed to "unknown". */
export const GZIP_OS_UNKNOWN = 255;

/** One header block: `type` `0` a file, `5` a directory, `x` a pax extended header (POSIX.1-2001). */
function block(name: string, prefix: string, size: number, type: '0' | '5' | 'x'): Buffer {
  const out = Buffer.alloc(BLOCK);
  const write = (text: string, offset: number, width: number) => {
    if (Buffer.byteLength(text) > width) throw new Error(`tar header field too long: ${text}`);
    out.write(text, offset);
  };
  // Numbers are width - 1 octal digits and a NUL, as ustar readers expect.
  const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, '0')}\0`;
  write(name, 0, 100);
  write(octal(type === '5' ? 0o755 : 0o644, 8), 100, 8);
  write(octal(0, 8), 108, 8); // uid
  write(octal(0, 8), 116, 8); // gid
  write(octal(size, 12), 124, 12); // at most 11 octal digits: a file over 8 GiB throws
  write(octal(0, 12), 136, 12); // mtime
  write('        ', 148, 8); // checksum, computed below with this field as spaces
  write(type, 156, 1);
  write('ustar\0', 257, 6);
  write('00', 263, 2);
  write(prefix, 345, 155);
  const sum = out.reduce((total, byte) => total + byte, 0);
  write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return out;
}

/**
 * The header of an entry: one ustar block, its path split at a slash into `prefix` (≤ 155 bytes) and `name`
 * (≤ 100 bytes). A path ustar cannot hold (`brat/<id>.ann` with a 120-character id) gets a POSIX pax extended header
 * before it that gives the whole path (GNU tar and Python's tarfile read it; tests/hardening/limits.test.ts), and
 * the ustar block holds the path cut to 100 bytes.
 */
function header(path: string, size: number, directory: boolean): Buffer {
  const type = directory ? '5' : '0';
  if (Buffer.byteLength(path) <= 100) return block(path, '', size, type);
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) {
    const [prefix, name] = [path.slice(0, at), path.slice(at + 1)];
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name.length > 0)
      return block(name, prefix, size, type);
  }
  // A pax record is "<length> path=<path>\n", its length counting its own digits.
  const body = ` path=${path}\n`;
  const bare = Buffer.byteLength(body);
  const record = Buffer.from(`${bare + String(bare + String(bare).length).length}${body}`);
  const short = Buffer.from(path)
    .subarray(0, 100)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  const pax = [block('././@PaxHeader', '', record.length, 'x'), record, padded(record.length)];
  return Buffer.concat([...pax, block(short, '', size, type)]);
}

/** The zero bytes that fill an entry of `length` bytes up to a whole block. */
const padded = (length: number) => Buffer.alloc((BLOCK - (length % BLOCK)) % BLOCK);

/** One entry: its header, its content and the zero bytes up to a whole block (`null` content: a directory). */
export const entry = (path: string, content: Uint8Array | null): Uint8Array[] =>
  content === null ? [header(path, 0, true)] : [header(path, content.length, false), content, padded(content.length)];

/** What ends an archive of `length` bytes: two zero blocks, then zeros up to a whole record. */
export const ending = (length: number) =>
  Buffer.alloc(2 * BLOCK + ((RECORD - ((length + 2 * BLOCK) % RECORD)) % RECORD));

const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * A ustar archive of the files given (path → content; paths use `/` and have no leading slash or `..`), with an
 * entry for each directory they sit in.
 */
export function createTar(files: ReadonlyMap<string, Uint8Array>): Buffer {
  const directories = new Set<string>();
  for (const path of files.keys()) {
    const parts = path.split('/');
    if (path.startsWith('/') || parts.some((part) => part === '..' || part === '.' || part === ''))
      throw new Error(`unsafe path in archive: ${path}`);
    for (let i = 1; i < parts.length; i++) directories.add(`${parts.slice(0, i).join('/')}/`);
  }
  // A directory path ends in "/", which sorts it before its contents ("csv/" < "csv/a.csv").
  const paths = [...directories, ...files.keys()].sort(compareBytes);
  const chunks = paths.flatMap((path) => entry(path, files.get(path) ?? null));
  return Buffer.concat([...chunks, ending(chunks.reduce((n, c) => n + c.length, 0))]);
}

/** Gzip with the highest compression and nothing in the header that depends on when or where it ran. */
export function gzipDeterministic(data: Uint8Array): Buffer {
  const gz = gzipSync(data, { level: 9 });
  gz[9] = GZIP_OS_UNKNOWN; // MTIME (bytes 4-7) is already 0: node:zlib does not set it
  return gz;
}
