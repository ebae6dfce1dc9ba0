/**
 * The validation runner, the API `npm run validate` and the build call. One pass over the files (./check-file.ts):
 * read strictly (scripts/lib/json-source.ts), check the schema (./schema.ts), run every record rule (./rules/),
 * keep only the small summary cross-file rules need, then run the dataset rules once. A crashing check becomes a
 * finding; one bad file never stops the others. Nothing is ever written but the result cache (./result-cache.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { readRegularFile } from '../lib/regular-file.ts';
import { join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../lib/findings.ts';
import { compareFindings } from '../lib/findings.ts';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { UserError } from '../lib/cli.ts';
import { MAX_FILE_BYTES, pointerLocator, type Position } from '../lib/json-source.ts';
import { readLayout } from './layout.ts';
import { factsOf, factsText, readRegistry, type RegistrySource } from './registry.ts';
import { schemaValidators } from './schema.ts';
import { RULES } from './rules/index.ts';
import { checkFile, findingOf, gitBlobId, runRule, summaryBuilder, type FileResult } from './check-file.ts';
import { ResultCache, gitBlobIds, registryDigest, validatorFingerprint } from './result-cache.ts';
import { summaryParts, type Issue, type Rule } from './rule.ts';

export interface ValidationOptions {
  /** The data folder (layout of `data/`). */
  dataDir: string;
  /** The schema folder; defaults to the repository's `schemas/`. */
  schemaDir?: string;
  /** Only report on these files (cross-file rules still see the whole dataset). */
  paths?: string[];
  /** The rules to run; defaults to every rule in ./rules/index.ts. */
  rules?: readonly Rule[];
  /** “Now”, for dates in the future; defaults to the current time. */
  now?: Date;
  /**
   * A result cache file (./result-cache.ts): files git knows unchanged since a cached run are not read again. Only
   * with the registered rules; the findings are the same with or without it.
   */
  cache?: string | undefined;
}

export interface ValidationReport {
  findings: Finding[];
  filesChecked: number;
  /** Record files whose results came from the cache, unread. */
  fromCache: number;
}

/** Registries first, so nothing depends on the order, then the articles. */
const ORDER: readonly Collection[] = ['entities', 'outlets', 'redirects', 'articles'];

/** A path as reported: relative to the current directory. */
const display = (path: string) => relative(process.cwd(), path) || path;

/** Which files the report is about: all, or those given (files or folders inside the data folder). */
function selection(dataDir: string, paths: string[] | undefined): ((path: string) => boolean) | null {
  if (!paths || paths.length === 0) return null;
  const root = resolve(dataDir);
  const chosen = paths.map((p) => {
    const abs = resolve(p);
    if (!existsSync(abs)) throw new UserError(`${p}: no such file or folder`);
    if (abs !== root && !abs.startsWith(root + sep))
      throw new UserError(`${p} is not inside the data folder ${dataDir}`);
    return { abs, folder: statSync(abs).isDirectory() };
  });
  return (path) => {
    const abs = resolve(path);
    return chosen.some((c) => abs === c.abs || (c.folder && abs.startsWith(c.abs + sep)));
  };
}

export async function validateData(options: ValidationOptions): Promise<ValidationReport> {
  const { dataDir } = options;
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new UserError(`${dataDir}: no such data folder`);
  const schemaDir = options.schemaDir ?? join(import.meta.dirname, '..', '..', 'schemas');
  const rules = options.rules ?? RULES;
  const now = options.now ?? new Date();
  const inScope = selection(dataDir, options.paths);
  // Cached results hold every rule's findings and every summary part: only a run of every rule reads or writes them.
  const cacheWanted =
    options.cache !== undefined && rules.length === RULES.length && rules.every((r) => RULES.includes(r));
  // Started first: git checks every file while the layout and the cache are read.
  const blobsLater = cacheWanted ? gitBlobIds(dataDir) : null;
  const layout = readLayout(dataDir);
  const known: Record<Collection, Set<string>> = {
    articles: new Set(),
    entities: new Set(),
    outlets: new Set(),
    redirects: new Set(),
  };
  for (const r of layout.records) known[r.collection].add(r.id);
  const cache = cacheWanted ? ResultCache.open(options.cache!, validatorFingerprint(schemaDir), now) : null;
  const blobs = (await blobsLater) ?? new Map<string, string>();
  // Layout paths are `join(dataDir, folder, name)`: inside the data folder (with `/`, as git names them) and as
  // reported (unless the current directory is in the data folder) they are made by slicing, since path.relative on
  // 100,000 paths is slow.
  const dataPrefix = join(dataDir, '_').slice(0, -1);
  const relativeOf = (path: string) => path.slice(dataPrefix.length).split(sep).join('/');
  const shown = relative(process.cwd(), dataDir);
  const displayPrefix = join(shown, '_').slice(0, -1);
  const displayOf = shown.split(sep).every((s) => s === '' || s === '..')
    ? display
    : (path: string) => displayPrefix + path.slice(dataPrefix.length);
  /** Registry files read this run (not taken from the cache): their blob id and facts, for the cache. */
  const readFacts = new Map<string, { blob: string; text: string }>();
  const source: RegistrySource | undefined = cache
    ? {
        cached: (record) => {
          const key = relativeOf(record.path);
          const blob = blobs.get(key);
          return blob === undefined ? undefined : cache.facts(key, blob);
        },
        read: (record, bytes, value) =>
          readFacts.set(relativeOf(record.path), {
            blob: gitBlobId(bytes),
            text: factsText(factsOf(record.collection as 'entities' | 'outlets', value)),
          }),
      }
    : undefined;
  const registry = readRegistry(layout.records, source);
  cache?.useRegistry(registryDigest(registry));
  const folderOf = new Map(COLLECTIONS.map((c) => [c.name, c.dir]));
  const { summary, add } = summaryBuilder({
    known,
    strays: layout.strays.map((s) => ({ file: display(s.path), reason: s.reason, hint: s.hint })),
    fileOf: (collection, id) =>
      known[collection].has(id) ? display(join(dataDir, folderOf.get(collection)!, `${id}.json`)) : undefined,
  });
  const findings: Finding[] = [];
  let filesChecked = 0;
  let fromCache = 0;
  const env = {
    validators: schemaValidators(schemaDir),
    rules,
    parts: summaryParts(rules),
    known,
    registry,
    now,
    cacheable: cache !== null,
  };
  const collect = (result: FileResult) => {
    add(result);
    for (const f of result.findings) findings.push(f);
  };
  for (const collection of ORDER) {
    for (const { collection: c, id: fileId, path } of layout.records) {
      if (c !== collection) continue;
      const reporting = inScope === null || inScope(path);
      if (reporting) filesChecked++;
      const file = displayOf(path);
      // With a cache, every file is checked in full (findings on every file, so they can be stored) and the report
      // is narrowed to the chosen paths at the end.
      const key = cache ? relativeOf(path) : '';
      const blob = blobs.get(key);
      const restored = blob === undefined ? null : cache!.restore(key, file, blob, known);
      if (restored) {
        fromCache++;
        collect(restored);
        continue;
      }
      const result = checkFile({ collection, fileId, path, file, reporting: reporting || cache !== null }, env);
      collect(result);
      cache?.put(key, result, readFacts.get(key));
    }
  }

  // Cross-file rules see every record; their issues are located by re-reading only the files they name.
  const locators = new Map<string, ReturnType<typeof pointerLocator> | null>();
  const locateIn = (file: string, issue: Issue): Position => {
    if (!locators.has(file)) {
      let locator: ReturnType<typeof pointerLocator> | null = null;
      try {
        // Only a regular file of record size is read: a stray may be a FIFO (reading it would wait forever) or huge.
        locator = pointerLocator(new TextDecoder().decode(readRegularFile(file, MAX_FILE_BYTES)));
      } catch {
        // unreadable, not a regular file, or too large (strays): the finding stays at 1:1
      }
      locators.set(file, locator);
    }
    return locators.get(file)?.(issue.pointer, { key: issue.key === true }) ?? { line: 1, column: 1 };
  };
  for (const rule of rules) {
    if (rule.scope !== 'dataset') continue;
    for (const issue of runRule(rule, summary, display(dataDir))) {
      const file = issue.file ?? display(dataDir);
      findings.push(findingOf(file, locateIn(file, issue), issue));
    }
  }
  cache?.save();
  filesChecked += layout.strays.filter((s) => inScope === null || inScope(s.path)).length;
  const reported = inScope === null ? findings : findings.filter((f) => inScope(f.file));
  return { findings: reported.sort(compareFindings), filesChecked, fromCache };
}
