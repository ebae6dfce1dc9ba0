/**
 * Reads a UTF-8 text file line by line, synchronously, a megabyte at a time: for files too large to read whole
 * (`jsonl/articles.jsonl` at 100,000 articles is over 1 GB). Lines are split at `\n`, which never occurs inside a
 * multi-byte UTF-8 sequence; a `\r` before it is kept. Empty lines are skipped.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

export function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let rest: Buffer[] = [];
    for (let n; (n = readSync(fd, chunk, 0, CHUNK_BYTES, null)) > 0;) {
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE, 0); end !== -1 && end < n; end = chunk.indexOf(NEWLINE, start)) {
        const line =
          rest.length > 0
            ? Buffer.concat([...rest, chunk.subarray(start, end)]).toString('utf8')
            : chunk.toString('utf8', start, end);
        rest = [];
        start = end + 1;
        if (line.length > 0) yield line;
      }
      // The start of a line that goes on in the next chunk (copied: the chunk is reused).
      if (start < n) rest.push(Buffer.from(chunk.subarray(start, n)));
    }
    const last = Buffer.concat(rest).toString('utf8');
    if (last.length > 0) yield last;
  } finally {
    closeSync(fd);
  }
}
