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
  /** Text is encoded straight into this buffer, which is written out when full. */
  #buffer = Buffer.allocUnsafe(FLUSH_BYTES);
  #used = 0;

  constructor(
    readonly path: string,
    absolutePath: string,
    private readonly done: (bytes: number, sha256: Buffer) => void,
  ) {
    mkdirSync(dirname(absolutePath), { recursive: true });
    this.#fd = openSync(absolutePath, 'w');
  }

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8, so this much room always holds the text.
    const room = text.length * 3;
    if (room > this.#buffer.length - this.#used) {
      this.#flush();
      if (room > this.#buffer.length) return this.#output(Buffer.from(text, 'utf8'));
    }
    this.#used += this.#buffer.write(text, this.#used, 'utf8');
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
    this.done(this.#bytes, this.#hash.digest());
  }

  #flush(): void {
    if (this.#used === 0) return;
    this.#output(this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }

  #output(bytes: Buffer): void {
    this.#hash.update(bytes);
    this.#bytes += bytes.length;
    for (let at = 0; at < bytes.length;) at += writeSync(this.#fd, bytes, at);
  }
}

/** One entry of a `FileList`: its path's length (2 bytes), the path (UTF-8), its size (8 bytes) and its SHA-256 (32). */
const ENTRY_FIXED = 2 + 8 + 32;
const MAX_PATH_BYTES = 0xffff;

/**
 * The files a build wrote, with their sizes and hashes, kept in one growing buffer outside the JavaScript heap: a
 * build writes a file per article (100,000 at 100,000 articles), and a list of objects and hex strings would hold
 * far more memory than the records being streamed. Entries are appended in writing order; `sorted()`
 * orders them by path, the last entry of a path winning.
 */
export class FileList {
  #buffer = Buffer.alloc(1 << 16);
  #used = 0;
  #count = 0;

  get count(): number {
    return this.#count;
  }

  add(path: string, bytes: number, sha256: Uint8Array): void {
    const pathBytes = Buffer.byteLength(path, 'utf8');
    if (pathBytes > MAX_PATH_BYTES) throw new Error(`${path.slice(0, 80)}…: a path this long cannot be published`);
    this.#reserve(ENTRY_FIXED + pathBytes);
    let at = this.#buffer.writeUInt16LE(pathBytes, this.#used);
    at += this.#buffer.write(path, at, 'utf8');
    at = this.#buffer.writeDoubleLE(bytes, at);
    this.#buffer.set(sha256, at);
    this.#used = at + 32;
    this.#count++;
  }

  /** The latest entry for `path`, if any. */
  find(path: string): WrittenFile | undefined {
    const wanted = Buffer.from(path, 'utf8');
    let found = -1;
    for (let at = 0; at < this.#used; at += ENTRY_FIXED + this.#buffer.readUInt16LE(at)) {
      const length = this.#buffer.readUInt16LE(at);
      if (length === wanted.length && this.#buffer.compare(wanted, 0, length, at + 2, at + 2 + length) === 0)
        found = at;
    }
    return found < 0 ? undefined : this.#entry(found);
  }

  /** Every path's latest entry, sorted by path (byte order, which is code point order). */
  sorted(): Iterable<WrittenFile> {
    const offsets = this.#offsets();
    const buffer = this.#buffer;
    // Equal paths sort by position, so the last of a run is the latest entry.
    const order = [...offsets.keys()].sort((a, b) => {
      const x = offsets[a]!;
      const y = offsets[b]!;
      return (
        buffer.compare(buffer, y + 2, y + 2 + buffer.readUInt16LE(y), x + 2, x + 2 + buffer.readUInt16LE(x)) || a - b
      );
    });
    const entry = (at: number) => this.#entry(at);
    const samePath = (x: number, y: number) => {
      const length = buffer.readUInt16LE(x);
      return (
        length === buffer.readUInt16LE(y) && buffer.compare(buffer, y + 2, y + 2 + length, x + 2, x + 2 + length) === 0
      );
    };
    return (function* () {
      for (let i = 0; i < order.length; i++) {
        const at = offsets[order[i]!]!;
        const next = order[i + 1];
        if (next === undefined || !samePath(at, offsets[next]!)) yield entry(at);
      }
    })();
  }

  #offsets(): Uint32Array {
    const offsets = new Uint32Array(this.#count);
    for (let i = 0, at = 0; i < this.#count; i++) {
      offsets[i] = at;
      at += ENTRY_FIXED + this.#buffer.readUInt16LE(at);
    }
    return offsets;
  }

  #entry(at: number): WrittenFile {
    const length = this.#buffer.readUInt16LE(at);
    const end = at + 2 + length;
    return {
      path: this.#buffer.toString('utf8', at + 2, end),
      bytes: this.#buffer.readDoubleLE(end),
      sha256: this.#buffer.toString('hex', end + 8, end + 40),
    };
  }

  #reserve(more: number): void {
    if (this.#used + more <= this.#buffer.length) return;
    const grown = Buffer.alloc(Math.max(this.#buffer.length * 2, this.#used + more));
    this.#buffer.copy(grown, 0, 0, this.#used);
    this.#buffer = grown;
  }
}

export class OutputDir {
  readonly #files = new FileList();
  readonly #dirs = new Set<string>();

  constructor(readonly root: string) {}

  /** Writes a whole file at once (text is written as UTF-8). */
  write(path: string, content: string | Uint8Array): void {
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const absolute = join(this.root, path);
    this.#makeDir(dirname(absolute));
    writeFileSync(absolute, buffer);
    this.#files.add(path, buffer.length, createHash('sha256').update(buffer).digest());
  }

  /** Opens a file to be written piece by piece; `close()` it when done. */
  open(path: string): Sink {
    return new Sink(path, join(this.root, path), (bytes, sha256) => this.#files.add(path, bytes, sha256));
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
    const sha256 = hash.digest();
    this.#files.add(path, bytes, sha256);
    return { path, bytes, sha256: sha256.toString('hex') };
  }

  /** Every file written so far, sorted by path (byte order), each with its latest size and hash. */
  files(): Iterable<WrittenFile> {
    return this.#files.sorted();
  }

  /** A file written so far. */
  file(path: string): WrittenFile {
    const file = this.#files.find(path);
    if (!file) throw new Error(`${path} has not been written`);
    return file;
  }

  /**
   * Writes `path` as a manifest of the files `listed` accepts, in `sha256sum` format and sorted by path, streamed a
   * line at a time; returns how many files it lists.
   */
  writeManifest(path: string, listed: (file: WrittenFile) => boolean): number {
    const sink = this.open(path);
    let count = 0;
    for (const file of this.#files.sorted()) {
      if (file.path === path || !listed(file)) continue;
      sink.write(`${file.sha256}  ${file.path}\n`);
      count++;
    }
    sink.close();
    return count;
  }
}
