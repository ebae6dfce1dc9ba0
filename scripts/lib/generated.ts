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

/**
 * `text` with the block named `name` (between its markers, in a hand-written file) replaced by `content`. The start
 * marker is matched by name alone, so a changed command still matches. Throws when the markers are missing, so a
 * deleted block is noticed.
 */
export function replaceBlock(text: string, name: string, command: string, content: string): string {
  const start = `<!-- generated: ${name}. Do not edit; regenerate with \`${command}\`. -->`;
  const end = `<!-- /generated: ${name} -->`;
  const from = text.indexOf(`<!-- generated: ${name}.`);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from)
    throw new Error(`no generated block "${name}" (between ${start} and ${end})`);
  return `${text.slice(0, from)}${start}\n${content}\n${text.slice(to)}`;
}
