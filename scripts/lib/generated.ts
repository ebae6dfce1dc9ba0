/** Helpers for files that scripts generate: the header they carry, and writing or checking them. */
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './output-target.ts';

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

/** Writes a file atomically (scripts/lib/output-target.ts: a temporary file beside it, removed on any exit). */
export function writeAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, content);
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
