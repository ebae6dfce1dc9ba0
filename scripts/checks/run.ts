/**
 * The validation runner, the API `npm run validate` and the build call. One pass over the files (./check-file.ts):
 * read strictly (scripts/lib/json-source.ts), check the schema (./schema.ts), run every record rule (./rules/),
 * keep only the small summary cross-file rules need, then run the dataset rules once. From PARALLEL_MIN_FILES files
 * on, the files are checked on every core by worker threads (./pool.ts); the findings are the same either way.
 * A crashing check becomes a finding; one bad file never stops the others. Nothing is ever written.
 */
import { existsSync, statSync } from 'node:fs';
import { readRegularFile } from '../lib/regular-file.ts';
import { availableParallelism } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { Finding } from '../lib/findings.ts';
import { compareFindings } from '../lib/findings.ts';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { UserError } from '../lib/cli.ts';
import { MAX_FILE_BYTES, pointerLocator, type Position } from '../lib/json-source.ts';
import { readLayout } from './layout.ts';
import { factsOf, factsText, readRegistry, type RegistrySource } from './registry.ts';
import { schemaValidators } from './schema.ts';
import { RULES } from './rules/index.ts';
import { checkFile, displayPath, findingOf, gitBlobId, runRule, type FileJob, type FileResult } from './check-file.ts';
import { ResultCache, gitBlobIds, registryDigest, validatorFingerprint, type RestoreSink } from './result-cache.ts';
import { mapInParallel } from './pool.ts';
import type { WorkerSetup } from './worker.ts';
import {
  summaryParts,
  type ArticleSummary,
  type DatasetSummary,
  type Issue,
  type KnownIds,
  type Rule,
} from './rule.ts';

/**
 * Below this many files everything runs on the main thread. Measured on 2 cores (synthetic corpora, a busy machine):
 * worker threads halved the wall time at 20,000 articles (34,847 files: 17.8 s against 41.3 s) and gained nothing
 * at 2,000 (3,527 files: 2.35 s against 2.27 s), where starting them (modules, schemas) costs what they save.
 */
export const PARALLEL_MIN_FILES = 10_000;
/** Worker threads, at most: one per core; the main thread only helps until they are ready. */
const MAX_WORKERS = 4;

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
   * Worker threads to use; defaults to one per core (at most MAX_WORKERS) when there are at least
   * PARALLEL_MIN_FILES files, else none. Rules not in ./rules/index.ts always run on the main thread alone.
   */
  workers?: number;
  /** With workers, what the main thread checks besides running the dataset rules (see ./pool.ts). */
  mainThread?: 'warm-up' | 'none' | undefined;
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

const display = displayPath;

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
  // Rules go to worker threads by name, so only the registered rules can run there; a test's own rule runs here.
  const registered = rules.every((rule) => RULES.includes(rule));
  // Cached results hold every rule's findings and every summary part: only a run of every rule reads or writes them.
  const cacheWanted = options.cache !== undefined && registered && rules.length === RULES.length;
  // Started first: git checks every file while the layout and the cache are read.
  const blobsLater = cacheWanted ? gitBlobIds(dataDir) : null;
  const layout = readLayout(dataDir);

  const knownSets = {
    articles: new Set<string>(),
    entities: new Set<string>(),
    outlets: new Set<string>(),
    redirects: new Set<string>(),
  };
  for (const r of layout.records) knownSets[r.collection].add(r.id);
  const folderOf = new Map(COLLECTIONS.map((c) => [c.name, c.dir]));
  const known: KnownIds = knownSets;
  // With a cache, files whose results it holds are not checked; the others are checked in full (findings on every
  // file, so they can be stored) and the report is narrowed to the chosen paths at the end.
  const cache = cacheWanted ? ResultCache.open(options.cache!, validatorFingerprint(schemaDir), now) : null;
  /** A record file's path inside the data folder, with `/` (layout paths are `join(dataDir, folder, name)`). */
  const dataPrefix = join(dataDir, '_').slice(0, -1);
  const relativeOf = (path: string) =>
    sep === '/' ? path.slice(dataPrefix.length) : path.slice(dataPrefix.length).split(sep).join('/');
  const blobs = (cache ? await blobsLater : null) ?? new Map<string, string>();
  /** Registry files read this run (not taken from the cache): their blob id and facts, for the cache. */
  const readFacts = new Map<string, { blob: string; text: string }>();
  const source: RegistrySource | undefined = cache
    ? {
        cached: (record) => {
          const relative = relativeOf(record.path);
          const blob = blobs.get(relative);
          return blob === undefined ? undefined : cache.facts(relative, blob);
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
  const referenced = { entities: new Set<string>(), outlets: new Set<string>() };
  const summary: DatasetSummary = {
    known,
    complete: true,
    renamed: [],
    referenced,
    articles: [],
    redirects: [],
    strays: layout.strays.map((s) => ({ file: display(s.path), reason: s.reason, hint: s.hint })),
    fileOf: (collection, id) =>
      knownSets[collection].has(id) ? display(join(dataDir, folderOf.get(collection)!, `${id}.json`)) : undefined,
  };
  const findings: Finding[] = [];
  let filesChecked = 0;

  const jobs: FileJob[] = [];
  for (const collection of ORDER) {
    for (const { collection: c, id: fileId, path } of layout.records) {
      if (c !== collection) continue;
      const reporting = inScope === null || inScope(path);
      if (reporting) filesChecked++;
      jobs.push({ index: jobs.length, collection, fileId, path, reporting });
    }
  }
  let toCheck = jobs;
  let fromCache = 0;
  const setup = (): WorkerSetup => ({
    schemaDir,
    ruleNames: rules.map((r) => r.name),
    known,
    registry,
    now: now.getTime(),
    cacheable: cache !== null,
  });
  // Results arrive in any order; what cross-file rules read in order (first URL wins, earlier/later) is put back.
  const articles = new Array<ArticleSummary | undefined>(jobs.length);
  const renamed: Array<[number, DatasetSummary['renamed'][number]]> = [];
  const redirects: Array<[number, DatasetSummary['redirects'][number]]> = [];
  const collect = (result: FileResult) => {
    if (!result.complete) summary.complete = false;
    if (result.renamed) renamed.push([result.index, result.renamed]);
    if (result.references) {
      for (const id of result.references.entities) referenced.entities.add(id);
      for (const id of result.references.outlets) referenced.outlets.add(id);
    }
    if (result.article) {
      // Kept until the end for the duplicates rule: rebuilt as a literal, so all 100,000 share one compact shape
      // (an object that arrives from a worker is built property by property).
      const { file, id, url, bodyHash, signature } = result.article;
      articles[result.index] = { file, id, url, bodyHash, signature };
    }
    if (result.redirect) redirects.push([result.index, result.redirect]);
    for (const f of result.findings) findings.push(f);
  };
  if (cache) {
    toCheck = [];
    // Paths as reported, made by joining (path.relative on 100,000 paths is slow) when that gives the same.
    const displayPrefix = join(display(dataDir), '_').slice(0, -1);
    const fast = jobs.length > 0 && display(jobs[0]!.path) === displayPrefix + jobs[0]!.path.slice(dataPrefix.length);
    let index = 0;
    const sink: RestoreSink = {
      article: (article) => (articles[index] = article),
      renamed: (r) => renamed.push([index, r]),
      redirect: (r) => redirects.push([index, r]),
      finding: (f) => findings.push(f),
    };
    for (const job of jobs) {
      const relative = relativeOf(job.path);
      const blob = blobs.get(relative);
      index = job.index;
      const file = fast ? displayPrefix + job.path.slice(dataPrefix.length) : display(job.path);
      if (blob !== undefined && cache.restore(relative, file, blob, job.index, known, sink)) fromCache++;
      else toCheck.push({ ...job, reporting: true });
    }
    for (const [collection, id] of cache.referenced()) referenced[collection as 'entities' | 'outlets'].add(id);
  }
  const workers = !registered
    ? 0
    : (options.workers ?? (toCheck.length >= PARALLEL_MIN_FILES ? Math.min(MAX_WORKERS, availableParallelism()) : 0));
  const environment = () => ({
    validators: schemaValidators(schemaDir),
    rules,
    parts: summaryParts(rules),
    known,
    registry,
    now,
    cacheable: cache !== null,
  });
  await mapInParallel(
    toCheck,
    () => {
      const env = environment();
      return (job: FileJob) => checkFile(job, env);
    },
    { module: new URL('./worker.ts', import.meta.url), workers, setup, mainThread: options.mainThread },
    (result) => {
      collect(result);
      if (cache) {
        const relative = relativeOf(jobs[result.index]!.path);
        cache.put(relative, result, readFacts.get(relative));
      }
    },
  );
  for (const article of articles) if (article !== undefined) summary.articles.push(article);
  summary.renamed.push(...renamed.sort((a, b) => a[0] - b[0]).map(([, r]) => r));
  summary.redirects.push(...redirects.sort((a, b) => a[0] - b[0]).map(([, r]) => r));

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
      if (inScope !== null && !inScope(file)) continue;
      findings.push(findingOf(file, locateIn(file, issue), issue));
    }
  }
  cache?.save();
  if (cache && inScope !== null) {
    const all = findings.splice(0);
    for (const f of all) if (inScope(f.file)) findings.push(f);
  }
  filesChecked += layout.strays.filter((s) => inScope === null || inScope(s.path)).length;
  findings.sort(compareFindings);
  return { findings, filesChecked, fromCache };
}
