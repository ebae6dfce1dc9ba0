/**
 * The validation runner, the API `npm run validate` and the build call. One pass over the files: read each strictly
 * (scripts/lib/json-source.ts), check its schema (./schema.ts), run every record rule (./rules/) and keep only the
 * small summary cross-file rules need; then run the dataset rules once. A crashing check becomes a finding; one bad
 * file never stops the others. Nothing is ever written but the result cache (./result-cache.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fsProblem, readRegularFile } from '../lib/regular-file.ts';
import { compareFindings, type Finding } from '../lib/findings.ts';
import { COLLECTIONS, type Collection, type CollectionRecords } from '../lib/collections.ts';
import { UserError } from '../lib/cli.ts';
import { MAX_FILE_BYTES, lineColumn, parseJsonSource, pointerLocator, type Position } from '../lib/json-source.ts';
import { referencesOf } from '../lib/references.ts';
import type { Redirect } from '../../types/index.ts';
import { readLayout } from './layout.ts';
import { factsOf, factsText, readRegistry, type RegistrySource } from './registry.ts';
import { rootSchemaOf, schemaIssues, schemaValidators } from './schema.ts';
import { textOf } from './selectors.ts';
import { signature } from './similarity.ts';
import { RULES } from './rules/index.ts';
import {
  ResultCache,
  gitBlobIds,
  recordingKnown,
  registryDigest,
  validatorFingerprint,
  type Lookups,
} from './result-cache.ts';
import {
  covers,
  summaryParts,
  type ArticleSummary,
  type CrossFile,
  type DatasetSummary,
  type Issue,
  type KnownIds,
  type Rule,
} from './rule.ts';

export interface ValidationOptions {
  /** The data folder (layout of `data/`). */
  dataDir: string;
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

/** What checking one file gives back: its findings and its contribution to the dataset summary. */
export interface FileResult {
  findings: Finding[];
  /** False when the file could not be read or failed its schema (the summary may then be incomplete). */
  complete: boolean;
  /** Set when the declared id differs from the file name. */
  renamed?: { collection: Collection; id: string; fileId: string; file: string };
  /** Ids the record references, by collection (schema-valid records only). */
  references?: { entities: string[]; outlets: string[] };
  article?: ArticleSummary;
  redirect?: { file: string; record: Redirect };
  /** With a cache: the file's git blob id (its content address) and what its rules asked of the known ids. */
  blob?: string;
  lookups?: Lookups;
}

/** No known ids yet, in every collection. */
export const noIds = () =>
  Object.fromEntries(COLLECTIONS.map(({ name }) => [name, new Set<string>()])) as Record<Collection, Set<string>>;

/** Git's id for a file's content (SHA-1 of `blob <size>\0` and the bytes), so results can be found by content. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * A record rule's context: the record, its file, “now”, and only what the rule declares it `needs` of other files.
 */
export function recordContext(
  rule: Rule,
  record: { collection: Collection; record: CollectionRecords[Collection]; file: string; fileId: string; now: Date },
  crossFile: CrossFile,
): object {
  const context: Record<string, unknown> = { ...record };
  if (rule.scope !== 'dataset') for (const need of rule.needs ?? []) context[need] = crossFile[need];
  return context;
}

/** Runs one rule on its context, turning a crash into an issue instead of stopping the validation. */
export function runRule(
  rule: Rule,
  context: object,
  file: string,
): Array<Issue & { rule: string; internal?: boolean }> {
  try {
    return rule.check(context as never).map((issue) => ({ ...issue, rule: rule.name }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        rule: rule.name,
        internal: true,
        file,
        pointer: '',
        severity: 'error',
        message: `the check crashed: ${reason}`,
        hint: 'This is a bug in the validator, not necessarily in your data; please report it with this file.',
      },
    ];
  }
}

/** What one file adds to the dataset summary that dataset rules read (./rule.ts `DatasetSummary`). */
type Contribution = Pick<FileResult, 'renamed' | 'references' | 'article' | 'redirect'>;

/** What one schema-valid record adds to the dataset summary. */
export function summaryPart(
  collection: Collection,
  record: CollectionRecords[Collection],
  file: string,
  fileId: string,
  parts: ReadonlySet<keyof DatasetSummary>,
): Contribution {
  const part: Contribution = {};
  if (parts.has('renamed') && record.id !== fileId) part.renamed = { collection, id: record.id, fileId, file };
  if (parts.has('referenced')) {
    const references = { entities: [] as string[], outlets: [] as string[] };
    for (const ref of referencesOf(collection, record)) references[ref.collection].push(ref.id);
    part.references = references;
  }
  if (parts.has('articles') && collection === 'articles') {
    const article = record as CollectionRecords['articles'];
    const text = textOf(article);
    const bodyHash = createHash('sha1').update(text).digest('base64');
    part.article = { file, id: article.id, url: article.url, bodyHash, signature: signature(text) };
  }
  if (parts.has('redirects') && collection === 'redirects')
    part.redirect = { file, record: record as CollectionRecords['redirects'] };
  return part;
}

/** A dataset summary with no record yet, and `add`, which adds each file's part (from checkFile or summaryPart). */
export function summaryBuilder(base: Pick<DatasetSummary, 'known' | 'strays' | 'fileOf'>): {
  summary: DatasetSummary;
  add: (part: Contribution & { complete?: boolean }) => void;
} {
  const referenced = { entities: new Set<string>(), outlets: new Set<string>() };
  const summary: DatasetSummary = { ...base, complete: true, renamed: [], referenced, articles: [], redirects: [] };
  const add = (part: Contribution & { complete?: boolean }) => {
    if (part.complete === false) summary.complete = false;
    if (part.renamed) summary.renamed.push(part.renamed);
    for (const id of part.references?.entities ?? []) referenced.entities.add(id);
    for (const id of part.references?.outlets ?? []) referenced.outlets.add(id);
    if (part.article) summary.articles.push(part.article);
    if (part.redirect) summary.redirects.push(part.redirect);
  };
  return { summary, add };
}

/** A rule's issue as a finding, located in `file` at `position`. */
export function findingOf(
  file: string,
  position: Position,
  issue: Issue & { rule: string; internal?: boolean },
): Finding {
  const { pointer, rule, severity, message, hint } = issue;
  return { file, ...position, pointer, rule, severity, message, hint, ...(issue.internal ? { internal: true } : {}) };
}

export async function validateData(options: ValidationOptions): Promise<ValidationReport> {
  const { dataDir } = options;
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new UserError(`${dataDir}: no such data folder`);
  const schemaDir = join(import.meta.dirname, '..', '..', 'schemas');
  const rules = options.rules ?? RULES;
  const now = options.now ?? new Date();
  const inScope = selection(dataDir, options.paths);
  // Cached results hold every rule's findings and every summary part: only a run of every rule reads or writes them.
  const cacheWanted =
    options.cache !== undefined && rules.length === RULES.length && rules.every((r) => RULES.includes(r));
  // Started first: git checks every file while the layout and the cache are read.
  const blobsLater = cacheWanted ? gitBlobIds(dataDir) : null;
  const layout = readLayout(dataDir);
  const known = noIds();
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
  const validators = schemaValidators(schemaDir);
  const parts = summaryParts(rules);
  /** Everything done with one record file: its located findings (when `reporting`) and its part of the summary. */
  const checkFile = (
    collection: Collection,
    fileId: string,
    path: string,
    file: string,
    reporting: boolean,
  ): FileResult => {
    const findings: Finding[] = [];
    const add = (f: Omit<Finding, 'file'>) => {
      if (reporting) findings.push({ file, ...f });
    };
    let bytes: Uint8Array;
    try {
      // Opened without blocking or following a link and checked to be a regular file, so a FIFO swapped in is a
      // finding, not a wait.
      bytes = readRegularFile(path, MAX_FILE_BYTES);
    } catch (error) {
      const { message, hint, code } = fsProblem(error, 'file');
      const rule = code === 'EFBIG' ? 'size' : 'read';
      add({ line: 1, column: 1, pointer: '', rule, severity: 'error', message, hint });
      return { findings, complete: false };
    }
    const parsed = parseJsonSource(bytes);
    if (!parsed.ok) {
      for (const { offset, pointer, code, message, hint } of parsed.problems) {
        const rule = code === 'syntax' ? 'json-syntax' : code;
        add({ ...lineColumn(parsed.text, offset), pointer, rule, severity: 'error', message, hint });
      }
      return { findings, complete: false };
    }
    let locate: ReturnType<typeof pointerLocator> | null = null;
    const place = (issue: Issue): Position =>
      (locate ??= pointerLocator(parsed.text))(issue.pointer, { key: issue.key === true });
    const validate = validators[collection];
    const schemaValid = validate(parsed.value);
    const record = parsed.value as unknown as CollectionRecords[typeof collection];
    const result: FileResult = { findings, complete: schemaValid };
    let asked: KnownIds = known;
    if (cache) {
      const recording = recordingKnown(known);
      asked = recording.known;
      result.blob = gitBlobId(bytes);
      result.lookups = recording.lookups;
    }
    if (schemaValid) Object.assign(result, summaryPart(collection, record, file, fileId, parts));
    if (!reporting) return result;
    // Rules also run on a record that fails its schema, so a contributor sees every problem at once; there a rule may
    // trip over the wrong shape, which the schema findings already explain, so its crash is dropped.
    const base = { collection, record, file, fileId, now };
    const crossFile = { known: asked, registry };
    const ruleFindings: Finding[] = [];
    for (const rule of rules) {
      if (!covers(rule.scope, collection)) continue;
      for (const issue of runRule(rule, recordContext(rule, base, crossFile), file)) {
        if (issue.internal && !schemaValid) continue;
        ruleFindings.push(findingOf(file, place(issue), issue));
      }
    }
    // Where a rule explains a value the schema also rejects, the rule's message is the more precise one.
    const explained = new Set(ruleFindings.map((f) => f.pointer));
    const schemaFindings = schemaValid ? [] : schemaIssues(validate.errors ?? [], rootSchemaOf(validate));
    for (const issue of schemaFindings)
      if (!explained.has(issue.pointer)) findings.push(findingOf(file, place(issue), { ...issue, rule: 'schema' }));
    findings.push(...ruleFindings);
    return result;
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
      const result = checkFile(collection, fileId, path, file, reporting || cache !== null);
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
