/**
 * The output directory of one build. Every file goes through it, so it can record each file's size and SHA-256 for
 * the checksum manifest and `datapackage.json` without reading anything back.
 */
import { closeSync, mkdirSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { dirname, join } from 'node:path';

/** Bytes gathered before a streamed file is written out: large enough to keep system calls few. */
const FLUSH_BYTES = 1 << 20;

export interface WrittenFile {
  /** Path relative to the output directory, with `/` separators. */
  path: string;
  bytes: number;
  sha256: string;
}

/** A file written piece by piece, hashed as it goes. */
export class Sink {
  #fd: number;
  #hash: Hash = createHash('sha256');
  #bytes = 0;
  #pending: string[] = [];
  #pendingLength = 0;

  constructor(
    readonly path: string,
    absolutePath: string,
    private readonly done: (file: WrittenFile) => void,
  ) {
    mkdirSync(dirname(absolutePath), { recursive: true });
    this.#fd = openSync(absolutePath, 'w');
  }

  write(text: string): void {
    this.#pending.push(text);
    this.#pendingLength += text.length;
    if (this.#pendingLength >= FLUSH_BYTES) this.#flush();
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
    this.done({ path: this.path, bytes: this.#bytes, sha256: this.#hash.digest('hex') });
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const buffer = Buffer.from(this.#pending.join(''), 'utf8');
    this.#pending = [];
    this.#pendingLength = 0;
    this.#hash.update(buffer);
    this.#bytes += buffer.length;
    writeSync(this.#fd, buffer);
  }
}

export class OutputDir {
  readonly #files = new Map<string, WrittenFile>();
  readonly #dirs = new Set<string>();

  constructor(readonly root: string) {}

  /** Writes a whole file at once (text is written as UTF-8). */
  write(path: string, content: string | Uint8Array): WrittenFile {
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const absolute = join(this.root, path);
    this.#makeDir(dirname(absolute));
    writeFileSync(absolute, buffer);
    const file = { path, bytes: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex') };
    this.#files.set(path, file);
    return file;
  }

  /** Opens a file to be written piece by piece; `close()` it when done. */
  open(path: string): Sink {
    return new Sink(path, join(this.root, path), (file) => this.#files.set(path, file));
  }

  /** Creates a folder once (a build writes one file per article into the same folder). */
  #makeDir(dir: string): void {
    if (this.#dirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.#dirs.add(dir);
  }

  /** Records a file another program wrote into this folder (hashing it from disk, a megabyte at a time). */
  recordFromDisk(path: string): WrittenFile {
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(FLUSH_BYTES);
    const fd = openSync(join(this.root, path), 'r');
    let bytes = 0;
    try {
      for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; bytes += n) hash.update(chunk.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    const file = { path, bytes, sha256: hash.digest('hex') };
    this.#files.set(path, file);
    return file;
  }

  /** Records a file another thread wrote into this folder. */
  record(file: WrittenFile): void {
    this.#files.set(file.path, file);
  }

  /** A file written so far. */
  file(path: string): WrittenFile {
    const file = this.#files.get(path);
    if (!file) throw new Error(`${path} has not been written`);
    return file;
  }

  /** Every file written so far, sorted by path. */
  files(): WrittenFile[] {
    return [...this.#files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
