/**
 * Everything the validator does with one record file, in isolation: read it strictly, check its schema, run every
 * record rule, and return the located findings plus the small part of the record that cross-file rules need.
 */
import { createHash } from 'node:crypto';
import { fsProblem, readRegularFile } from '../lib/regular-file.ts';
import type { ValidateFunction } from 'ajv';
import type { Finding } from '../lib/findings.ts';
import type { Collection, CollectionRecords } from '../lib/collections.ts';
import { textOf } from './article-text.ts';
import { MAX_FILE_BYTES, lineColumn, parseJsonSource, pointerLocator, type Position } from '../lib/json-source.ts';
import type { Redirect } from '../../types/index.ts';
import { rootSchemaOf, schemaIssues } from './schema.ts';
import { referencesOf } from './references.ts';
import { signature } from './similarity.ts';
import { recordingKnown, type Lookups } from './result-cache.ts';
import {
  covers,
  type ArticleSummary,
  type SummaryPart,
  type CrossFile,
  type DatasetSummary,
  type Issue,
  type KnownIds,
  type Rule,
} from './rule.ts';
import type { Registry } from './registry.ts';

/** One record file to check. */
export interface FileJob {
  collection: Collection;
  /** The file name without `.json`. */
  fileId: string;
  path: string;
  /** The path as reported (relative to the current directory). */
  file: string;
  /** Whether findings about this file are wanted (validation of chosen paths still reads every file). */
  reporting: boolean;
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
  /** With `cacheable`: the file's git blob id (its content address) and what its rules asked of the known ids. */
  blob?: string;
  lookups?: Lookups;
}

/** What stays the same for every file of one validation run. */
export interface CheckEnvironment {
  validators: Record<Collection, ValidateFunction>;
  rules: readonly Rule[];
  known: KnownIds;
  registry: Registry;
  now: Date;
  /** Give each result what the result cache (./result-cache.ts) needs: `blob` and `lookups`. */
  cacheable?: boolean;
  /** What dataset rules need of each record (./rule.ts `summaryParts`). */
  parts: ReadonlySet<SummaryPart>;
}

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

export function checkFile(job: FileJob, env: CheckEnvironment): FileResult {
  const { collection, fileId, path, file, reporting } = job;
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
  const validate = env.validators[collection];
  const schemaValid = validate(parsed.value);
  const record = parsed.value as unknown as CollectionRecords[typeof collection];
  const result: FileResult = { findings, complete: schemaValid };
  let known = env.known;
  if (env.cacheable) {
    const recording = recordingKnown(known);
    known = recording.known;
    result.blob = gitBlobId(bytes);
    result.lookups = recording.lookups;
  }
  if (schemaValid) Object.assign(result, summaryPart(collection, record, file, fileId, env.parts));
  if (!reporting) return result;
  // Rules also run on a record that fails its schema, so a contributor sees every problem at once; there a rule may
  // trip over the wrong shape, which the schema findings already explain, so its crash is dropped.
  const base = { collection, record, file, fileId, now: env.now };
  const crossFile = { known, registry: env.registry };
  const ruleFindings: Finding[] = [];
  for (const rule of env.rules) {
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
}

/** What one schema-valid record adds to the dataset summary that dataset rules read (./rule.ts `DatasetSummary`). */
export function summaryPart(
  collection: Collection,
  record: CollectionRecords[Collection],
  file: string,
  fileId: string,
  parts: ReadonlySet<SummaryPart>,
): Pick<FileResult, 'renamed' | 'references' | 'article' | 'redirect'> {
  const part: Pick<FileResult, 'renamed' | 'references' | 'article' | 'redirect'> = {};
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

/** What one file adds to the dataset summary. */
type SummaryInput = Pick<FileResult, 'renamed' | 'references' | 'article' | 'redirect'> & { complete?: boolean };

/** A dataset summary with no record yet, and `add`, which adds each file's part (from checkFile or summaryPart). */
export function summaryBuilder(base: Pick<DatasetSummary, 'known' | 'strays' | 'fileOf'>): {
  summary: DatasetSummary;
  add: (part: SummaryInput) => void;
} {
  const referenced = { entities: new Set<string>(), outlets: new Set<string>() };
  const summary: DatasetSummary = { ...base, complete: true, renamed: [], referenced, articles: [], redirects: [] };
  const add = (part: SummaryInput) => {
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
