/**
 * Shared by the rule tests: a scratch copy of the valid fixture dataset (tests/fixtures/validation/valid), edits
 * to it, and running chosen rules through the real runner. Scratch folders live in the OS temp folder.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../lib/findings.ts';
import type { Rule } from './rule.ts';
import { validateData } from './run.ts';

export const VALID_FIXTURE = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'validation', 'valid');
export const FIXTURE_ARTICLE = 'articles/ukraine-energy-grid-repairs.json';
/** A fixed “now” so no test depends on the clock. */
export const NOW = new Date('2026-01-01T00:00:00Z');

/** A scratch copy of the valid fixture; remove it with `dispose`. */
export function scratchDataset(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'annotated-news-validate-'));
  cpSync(VALID_FIXTURE, dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Edits a JSON file of the scratch dataset in place (written with two-space indentation). */
export function editJson(dir: string, file: string, edit: (value: any) => void): void {
  const path = join(dir, file);
  const value = JSON.parse(readFileSync(path, 'utf8'));
  edit(value);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Runs the given rules over a fresh copy of the valid fixture after `edit`, and returns their findings. */
export async function findingsAfter(
  rules: readonly Rule[],
  edit: (dir: string) => void = () => {},
): Promise<Finding[]> {
  const { dir, dispose } = scratchDataset();
  try {
    edit(dir);
    const { findings } = await validateData({ dataDir: dir, rules, now: NOW });
    return findings.map((f) => ({
      ...f,
      file: f.file.slice(f.file.lastIndexOf('/', f.file.lastIndexOf('/') - 1) + 1),
    }));
  } finally {
    dispose();
  }
}
