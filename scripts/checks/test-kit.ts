/**
 * Shared by the rule tests: the valid fixture dataset (tests/fixtures/validation/valid) in memory, edits to it, and
 * the one helper that runs chosen rules on it in memory, as the runner would (scope, needs, dataset summary), but
 * without reading files or locating findings. The runner's own test (tests/validate-runner.test.ts) uses
 * `scratchDataset`, a copy on disk.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS, type Collection, type CollectionRecords } from '../lib/collections.ts';
import { covers, summaryParts, type DatasetSummary, type Issue, type Rule } from './rule.ts';
import { noIds, recordContext, runRule, summaryBuilder, summaryPart } from './run.ts';
import { factsOf, factsText, readRegistry } from './registry.ts';
import type { RecordFile } from './layout.ts';
import { RULES } from './rules/index.ts';

export const VALID_FIXTURE = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'validation', 'valid');
export const FIXTURE_ARTICLE = 'articles/ukraine-energy-grid-repairs.json';
/** A fixed “now” so no test depends on the clock. */
export const NOW = new Date('2026-01-01T00:00:00Z');

/** Records by file (`<collection>/<id>.json`), as parsed JSON: edit them freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Records = Map<string, any>;

/** A fresh in-memory copy of the valid fixture. */
export function fixtureRecords(): Records {
  const records: Records = new Map();
  for (const { dir } of COLLECTIONS)
    for (const name of readdirSync(join(VALID_FIXTURE, dir)))
      records.set(`${dir}/${name}`, JSON.parse(readFileSync(join(VALID_FIXTURE, dir, name), 'utf8')));
  return records;
}

/** A scratch copy of the valid fixture on disk; remove it with `dispose`. */
export function scratchDataset(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'annotated-news-validate-'));
  cpSync(VALID_FIXTURE, dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Edits one record: in memory (`Records`), or a JSON file of a scratch dataset folder (written back, indented). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function editJson(target: Records | string, file: string, edit: (value: any) => void): void {
  if (typeof target !== 'string') return edit(target.get(file));
  const path = join(target, file);
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  edit(value);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

const split = (file: string) => {
  const [collection, name] = file.split('/') as [Collection, string];
  return { collection, fileId: name.slice(0, -'.json'.length) };
};

/** What the runner would know of these records: the ids, the registry, and the dataset summary. */
export function summaryOf(records: Records): DatasetSummary & { registry: ReturnType<typeof registryOf> } {
  const known = noIds();
  for (const file of records.keys()) known[split(file).collection].add(split(file).fileId);
  const { summary, add } = summaryBuilder({
    known,
    strays: [],
    fileOf: (collection, id) => (known[collection].has(id) ? `${collection}/${id}.json` : undefined),
  });
  for (const [file, record] of [...records].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { collection, fileId } = split(file);
    add(summaryPart(collection, record as CollectionRecords[Collection], file, fileId, summaryParts(RULES)));
  }
  return { ...summary, registry: registryOf(records) };
}

/** The registry the runner would read from these records (./registry.ts, with every file's facts given). */
function registryOf(records: Records) {
  const files = [...records.keys()].map((path) => ({
    collection: split(path).collection,
    id: split(path).fileId,
    path,
  }));
  const facts = (file: RecordFile) => factsText(factsOf(file.collection as 'entities', records.get(file.path)));
  return readRegistry(files, { cached: facts, read: () => {} });
}

/**
 * Runs `rules` on a fresh in-memory copy of the valid fixture after `edit`: each record rule on every record in its
 * scope (with only what it `needs`), each dataset rule once on the summary. Issues carry their file and rule.
 */
export function findingsAfter(
  rules: readonly Rule[],
  edit: (records: Records) => void = () => {},
): Array<Issue & { file: string; rule: string }> {
  const records = fixtureRecords();
  edit(records);
  const summary = summaryOf(records);
  const crossFile = { known: summary.known, registry: summary.registry };
  const out: Array<Issue & { file: string; rule: string }> = [];
  for (const rule of rules) {
    if (rule.scope === 'dataset') {
      for (const issue of runRule(rule, summary, '')) out.push({ ...issue, file: issue.file ?? '' });
      continue;
    }
    for (const [file, record] of records) {
      const { collection, fileId } = split(file);
      if (!covers(rule.scope, collection)) continue;
      const base = { collection, record: record as CollectionRecords[Collection], file, fileId, now: NOW };
      for (const issue of runRule(rule, recordContext(rule, base, crossFile), file)) out.push({ ...issue, file });
    }
  }
  return out;
}
