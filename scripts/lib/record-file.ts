/**
 * Writing one record file safely, for the record writers (`new`, `import`): a new record is created only if no file
 * has the name (never an overwrite, even when two writers race), and a record is replaced only if it still holds
 * what the writer read (a concurrent edit is never lost). Both write a temporary file in the same folder first, so a
 * failure leaves either the old file or the new one, never half of either.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

function temporaryPath(path: string): string {
  return `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
}

/**
 * Creates `path` with `content`, atomically and without ever replacing an existing file: the content goes to a
 * temporary file, which is then hard-linked to `path` (the link fails with EEXIST when the name is taken, however
 * recently) and removed. Throws an error with `code: 'EEXIST'` when the file exists.
 */
export function createExclusive(path: string, content: string): void {
  const temporary = temporaryPath(path);
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    linkSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Thrown when a record changed between reading it and writing it back. */
export class ChangedMeanwhileError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed while it was being updated; nothing was written. Run the command again.`);
  }
}

/**
 * Replaces the record at `path` with `content`, atomically (temporary file, then rename), provided the file still
 * holds `expected` (the text the writer read): otherwise nothing is written and ChangedMeanwhileError is thrown.
 */
export function replaceIfUnchanged(path: string, expected: string, content: string): void {
  const temporary = temporaryPath(path);
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    if (readFileSync(path, 'utf8') !== expected) throw new ChangedMeanwhileError(path);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
