/**
 * The output directory of one build. Every file goes through it, so it can record each file's size and SHA-256 for
 * the checksum manifest and `datapackage.json` without reading anything back.
 */
import { closeSync, mkdirSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';

/** Bytes gathered before a streamed file is written out: enough to keep system calls few. */
const BUFFER_BYTES = 1 << 22;

export interface WrittenFile {
  /** Path relative to the output directory, with `/` separators. */
  path: string;
  bytes: number;
  sha256: string;
}

/** A file written piece by piece, encoded straight into one buffer and hashed as it goes. */
export class Sink {
  readonly #fd: number;
  readonly #hash = createHash('sha256');
  readonly #buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  #used = 0;
  #bytes = 0;

  constructor(
    readonly path: string,
    absolutePath: string,
    private readonly done: (bytes: number, sha256: string) => void,
  ) {
    mkdirSync(dirname(absolutePath), { recursive: true });
    this.#fd = openSync(absolutePath, 'w');
  }

  write(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8, so a text that fits by that bound is encoded whole.
    if (this.#used + 3 * text.length > BUFFER_BYTES) {
      this.#flush();
      if (3 * text.length > BUFFER_BYTES) return this.#emit(Buffer.from(text, 'utf8'));
    }
    this.#used += this.#buffer.write(text, this.#used, 'utf8');
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
    this.done(this.#bytes, this.#hash.digest('hex'));
  }

  #flush(): void {
    this.#emit(this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }

  #emit(bytes: Buffer): void {
    this.#hash.update(bytes);
    this.#bytes += bytes.length;
    for (let at = 0; at < bytes.length;) at += writeSync(this.#fd, bytes, at);
  }
}

/** Paths in byte order (UTF-8), which is code point order: `sha256sum` lists and datapackage.json agree on it. */
const byBytes = (a: WrittenFile, b: WrittenFile) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path));

export class OutputDir {
  /** Every file written so far by path, the latest write of a path winning. */
  readonly #files = new Map<string, WrittenFile>();

  constructor(readonly root: string) {}

  #add(path: string, bytes: number, sha256: string): WrittenFile {
    const file = { path, bytes, sha256 };
    this.#files.set(path, file);
    return file;
  }

  /** Writes a whole file at once (text is written as UTF-8). */
  write(path: string, content: string | Uint8Array): void {
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const absolute = join(this.root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, buffer);
    this.#add(path, buffer.length, createHash('sha256').update(buffer).digest('hex'));
  }

  /** Opens a file to be written piece by piece; `close()` it when done. */
  open(path: string): Sink {
    return new Sink(path, join(this.root, path), (bytes, sha256) => this.#add(path, bytes, sha256));
  }

  /** Records a file another program wrote into this folder (DuckDB, SQLite, gzip), hashing it a chunk at a time. */
  recordFromDisk(path: string): WrittenFile {
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(BUFFER_BYTES);
    const fd = openSync(join(this.root, path), 'r');
    let bytes = 0;
    try {
      for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; bytes += n) hash.update(chunk.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    return this.#add(path, bytes, hash.digest('hex'));
  }

  /** Every file written so far, sorted by path (byte order), each with its latest size and hash. */
  files(): WrittenFile[] {
    return [...this.#files.values()].sort(byBytes);
  }

  /** A file written so far. */
  file(path: string): WrittenFile {
    const file = this.#files.get(path);
    if (!file) throw new Error(`${path} has not been written`);
    return file;
  }
}
