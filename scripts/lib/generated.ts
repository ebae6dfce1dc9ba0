/** Helpers for files that scripts generate: the header they carry, and writing or checking them. */
import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** The sentence every generated file starts with, naming the command that regenerates it. */
export function generatedNotice(command: string): string {
  return `Generated file: do not edit. Regenerate with \`${command}\`.`;
}

/** Reads a file as UTF-8, or returns `null` when it does not exist. */
export function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes a file atomically: a temporary file beside it, then a rename. */
export function writeAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/**
 * Writes each generated file, or with `check` only compares them with what is on disk.
 * Returns the paths that differ (with `check`) or were rewritten.
 */
export function syncGenerated(files: ReadonlyMap<string, string>, check: boolean): string[] {
  const changed: string[] = [];
  for (const [path, content] of files) {
    if (readIfExists(path) === content) continue;
    changed.push(path);
    if (!check) writeAtomic(path, content);
  }
  return changed;
}
