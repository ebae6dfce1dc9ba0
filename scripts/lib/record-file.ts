/**
 * Replacing one record file safely, for the record writer `import`: the record is replaced only if it still holds
 * what the writer read (a concurrent edit is never lost), atomically (output-target.ts `writeFileAtomic`: a
 * temporary file beside it, then a rename), so a failure leaves the old file or the new one, never half of either.
 */
import { readFileSync } from 'node:fs';
import { fail } from './cli.ts';
import { writeFileAtomic } from './output-target.ts';

/** Replaces the record at `path` with `content` provided it still holds `expected`; else stops, writing nothing. */
export function replaceIfUnchanged(path: string, expected: string, content: string): void {
  if (readFileSync(path, 'utf8') !== expected)
    fail(`${path} changed while it was being updated; nothing was written. Run the command again.`);
  writeFileAtomic(path, content);
}
