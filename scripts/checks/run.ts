/**
 * The validation runner, the API `npm run validate` and the build call. One pass over the files: read strictly
 * (scripts/lib/json-source.ts), check the schema (./schema.ts), run every record rule (./rules/) on each
 * schema-valid record, keep only the small summary cross-file rules need, then run the dataset rules once.
 * A crashing check becomes a finding; one bad file never stops the others. Nothing is ever written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../lib/findings.ts';
import { compareFindings } from '../lib/findings.ts';
import { COLLECTIONS, type Collection, type CollectionRecords } from '../lib/collections.ts';
import { UserError } from '../lib/cli.ts';
import { articleText } from '../lib/text-quote.ts';
import { MAX_FILE_BYTES, lineColumn, parseJsonSource, pointerLocator, type Position } from '../lib/json-source.ts';
import { readLayout, type RecordFile } from './layout.ts';
import { schemaIssues, schemaValidators } from './schema.ts';
import { referencesOf } from './references.ts';
import { signature } from './similarity.ts';
import { RULES } from './rules/index.ts';
import type { ArticleSummary, CheckContext, DatasetSummary, Issue, KnownIds, Rule } from './rule.ts';

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
}

export interface ValidationReport {
  findings: Finding[];
  filesChecked: number;
}

/** Registries first, so nothing depends on the order, then the articles. */
const ORDER: readonly Collection[] = ['entities', 'outlets', 'redirects', 'articles'];

const display = (path: string) => relative(process.cwd(), path) || path;

/** Which files the report is about: all, or those given (files or folders inside the data folder). */
function selection(dataDir: string, paths: string[] | undefined): ((path: string) => boolean) | null {
  if (!paths || paths.length === 0) return null;
  const root = resolve(dataDir);
  const chosen = paths.map((p) => {
    const abs = resolve(p);
    if (!existsSync(abs)) throw new UserError(`${p}: no such file or folder`);
    if (abs !== root && !abs.startsWith(root + sep)) throw new UserError(`${p} is not inside the data folder ${dataDir}`);
    return { abs, folder: statSync(abs).isDirectory() };
  });
  return (path) => {
    const abs = resolve(path);
    return chosen.some((c) => abs === c.abs || (c.folder && abs.startsWith(c.abs + sep)));
  };
}

/** Runs one rule, turning a crash into an issue instead of stopping the validation. */
function runRule(rule: Rule, context: CheckContext, file: string): Array<Issue & { rule: string; internal?: boolean }> {
  try {
    return rule.check(context).map((issue) => ({ ...issue, rule: rule.name }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ rule: rule.name, internal: true, file, pointer: '', severity: 'error', message: `the check crashed: ${reason}`, hint: 'This is a bug in the validator, not necessarily in your data; please report it with this file.' }];
  }
}

export async function validateData(options: ValidationOptions): Promise<ValidationReport> {
  const { dataDir } = options;
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new UserError(`${dataDir}: no such data folder`);
  const schemaDir = options.schemaDir ?? join(import.meta.dirname, '..', '..', 'schemas');
  const validators = schemaValidators(schemaDir);
  const rules = options.rules ?? RULES;
  const now = options.now ?? new Date();
  const inScope = selection(dataDir, options.paths);
  const layout = readLayout(dataDir);

  const knownSets = { articles: new Set<string>(), entities: new Set<string>(), outlets: new Set<string>(), redirects: new Set<string>() };
  for (const r of layout.records) knownSets[r.collection].add(r.id);
  const folderOf = new Map(COLLECTIONS.map((c) => [c.name, c.dir]));
  const known: KnownIds = knownSets;
  const referenced = { entities: new Set<string>(), outlets: new Set<string>() };
  const summary: DatasetSummary = {
    known,
    complete: true,
    renamed: [],
    referenced,
    articles: [],
    redirects: [],
    strays: layout.strays.map((s) => ({ file: display(s.path), reason: s.reason })),
    fileOf: (collection, id) => (knownSets[collection].has(id) ? display(join(dataDir, folderOf.get(collection)!, `${id}.json`)) : undefined),
  };
  const findings: Finding[] = [];
  let filesChecked = 0;

  const byCollection = new Map<Collection, RecordFile[]>(ORDER.map((c) => [c, []]));
  for (const r of layout.records) byCollection.get(r.collection)!.push(r);

  for (const collection of ORDER) {
    for (const { id: fileId, path } of byCollection.get(collection)!) {
      const file = display(path);
      const reporting = inScope === null || inScope(path);
      if (reporting) filesChecked++;
      const fileFindings: Finding[] = [];
      const add = (f: Omit<Finding, 'file'>) => {
        if (reporting) fileFindings.push({ file, ...f });
      };
      let bytes: Buffer;
      try {
        const size = statSync(path).size;
        if (size > MAX_FILE_BYTES) {
          summary.complete = false;
          add({ line: 1, column: 1, pointer: '', rule: 'size', severity: 'error', message: `the file is ${size} bytes, more than the limit of ${MAX_FILE_BYTES}`, hint: 'A record this large is almost certainly not one article; split it or remove what does not belong.' });
          findings.push(...fileFindings);
          continue;
        }
        bytes = readFileSync(path);
      } catch (error) {
        summary.complete = false;
        add({ line: 1, column: 1, pointer: '', rule: 'read', severity: 'error', internal: true, message: `cannot read the file: ${(error as Error).message}`, hint: 'Check the file’s permissions.' });
        findings.push(...fileFindings);
        continue;
      }
      const parsed = parseJsonSource(bytes);
      if (!parsed.ok) {
        summary.complete = false;
        for (const p of parsed.problems) {
          const at = lineColumn(parsed.text, p.offset);
          add({ ...at, pointer: p.pointer, rule: p.code === 'syntax' ? 'json-syntax' : p.code, severity: 'error', message: p.message, hint: p.hint });
        }
        findings.push(...fileFindings);
        continue;
      }
      let locate: ReturnType<typeof pointerLocator> | null = null;
      const place = (issue: Issue): Position => (locate ??= pointerLocator(parsed.text))(issue.pointer, { key: issue.key === true });
      const validate = validators[collection];
      const schemaValid = validate(parsed.value);
      const schemaFindings = schemaValid
        ? []
        : schemaIssues(validate.errors ?? []).map((issue) => ({ ...place(issue), pointer: issue.pointer, rule: 'schema', severity: issue.severity, message: issue.message, hint: issue.hint }));
      const record = parsed.value as unknown as CollectionRecords[typeof collection];
      if (schemaValid) {
        if (record.id !== fileId) summary.renamed.push({ collection, id: record.id, fileId, file });
        for (const ref of referencesOf(collection, record)) referenced[ref.collection].add(ref.id);
        if (collection === 'articles') summary.articles.push(articleSummary(file, record as CollectionRecords['articles']));
        if (collection === 'redirects') summary.redirects.push({ file, record: record as CollectionRecords['redirects'] });
      } else summary.complete = false;
      if (reporting) {
        // Rules also run on a record that fails its schema, so a contributor sees every problem at once; there a
        // rule may trip over the wrong shape, which the schema findings already explain, so its crash is dropped.
        const context = { phase: 'record', collection, record, file, fileId, known, now } as CheckContext;
        const ruleFindings: Finding[] = [];
        for (const rule of rules) {
          for (const issue of runRule(rule, context, file)) {
            if (issue.internal && !schemaValid) continue;
            ruleFindings.push({ file, ...place(issue), pointer: issue.pointer, rule: issue.rule, severity: issue.severity, message: issue.message, hint: issue.hint, ...(issue.internal ? { internal: true } : {}) });
          }
        }
        // Where a rule explains a value the schema also rejects, the rule's message is the more precise one.
        const explained = new Set(ruleFindings.map((f) => f.pointer));
        for (const f of schemaFindings) if (!explained.has(f.pointer)) fileFindings.push({ file, ...f });
        fileFindings.push(...ruleFindings);
      }
      findings.push(...fileFindings);
    }
  }

  // Cross-file rules see every record; their issues are located by re-reading only the files they name.
  const locators = new Map<string, ReturnType<typeof pointerLocator> | null>();
  const locateIn = (file: string, issue: Issue): Position => {
    if (!locators.has(file)) {
      let locator: ReturnType<typeof pointerLocator> | null = null;
      try {
        locator = pointerLocator(new TextDecoder().decode(readFileSync(file)));
      } catch {
        // unreadable or a folder (strays): the finding stays at 1:1
      }
      locators.set(file, locator);
    }
    return locators.get(file)?.(issue.pointer, { key: issue.key === true }) ?? { line: 1, column: 1 };
  };
  for (const rule of rules) {
    for (const issue of runRule(rule, { phase: 'dataset', summary }, display(dataDir))) {
      const file = issue.file ?? display(dataDir);
      if (inScope !== null && !inScope(file)) continue;
      findings.push({ file, ...locateIn(file, issue), pointer: issue.pointer, rule: issue.rule, severity: issue.severity, message: issue.message, hint: issue.hint, ...(issue.internal ? { internal: true } : {}) });
    }
  }
  if (inScope === null) filesChecked += layout.strays.length;
  else filesChecked += layout.strays.filter((s) => inScope(s.path)).length;
  findings.sort(compareFindings);
  return { findings, filesChecked };
}

function articleSummary(file: string, article: CollectionRecords['articles']): ArticleSummary {
  const text = articleText(article);
  return {
    file,
    id: article.id,
    url: article.url,
    bodyHash: createHash('sha1').update(text).digest('base64'),
    signature: signature(text),
  };
}
