/**
 * Schema validation: one validator per collection from the generated schemas (allErrors, strict schema, formats),
 * with its errors rewritten into plain language and located by JSON pointer. The validators come compiled ahead of
 * time (./generated/validators.cjs, made by `npm run schemas`) when they were compiled from exactly the schema files
 * in use; otherwise Ajv compiles the schemas here, once per folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { pointerSegment } from '../lib/json-source.ts';
import { createAjv, schemaDigest } from '../lib/validator-code.ts';
import type { Issue } from './rule.ts';

const require = createRequire(import.meta.url);
const compiled = new Map<string, Record<Collection, ValidateFunction>>();
/** Each validator's root schema (precompiled validators do not carry it), for hints that follow `$ref`s. */
const roots = new WeakMap<ValidateFunction, object>();

/** The root schema a validator was made from (see `schemaIssues`). */
export function rootSchemaOf(validate: ValidateFunction): object | undefined {
  return roots.get(validate);
}

/** The validators compiled ahead of time, when they match every schema text (by schema name); else null. */
function precompiled(texts: ReadonlyMap<string, string>): Record<Collection, ValidateFunction> | null {
  let module: typeof import('./generated/validators.cjs');
  try {
    module = require('./generated/validators.cjs') as typeof import('./generated/validators.cjs');
  } catch {
    return null; // not generated (yet): compile instead
  }
  for (const [schema, text] of texts) if (module.schemaSha256[schema] !== schemaDigest(text)) return null;
  // Standalone code carries no `schema`; `schemaValidators` records each root schema for the hints (`rootSchemaOf`).
  return { articles: module.articles, entities: module.entities, outlets: module.outlets, redirects: module.redirects };
}

/** The validators for a schema folder, made on first use and reused. */
export function schemaValidators(schemaDir: string): Record<Collection, ValidateFunction> {
  let validators = compiled.get(schemaDir);
  if (!validators) {
    const texts = new Map(
      COLLECTIONS.map(({ schema }) => [schema, readFileSync(join(schemaDir, `${schema}.schema.json`), 'utf8')]),
    );
    validators = precompiled(texts) ?? undefined;
    if (!validators) {
      const ajv = createAjv(false);
      validators = {} as Record<Collection, ValidateFunction>;
      for (const { name, schema } of COLLECTIONS)
        validators[name] = ajv.compile(JSON.parse(texts.get(schema)!) as object);
    }
    for (const { name, schema } of COLLECTIONS) roots.set(validators[name], JSON.parse(texts.get(schema)!) as object);
    compiled.set(schemaDir, validators);
  }
  return validators;
}

/** Longest value quoted back in a message. */
const MAX_SHOWN = 60;

function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN)}…` : json;
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '“': '”', '‘': '’' };

/**
 * The first sentence of a schema description: what the field is, used as a hint. A sentence ends at a full stop
 * followed by a space or the end, outside brackets, quotation marks and `code`, and not after an abbreviation with
 * inner stops (“U.S.”, “e.g.”), so “…interrupt it (“…,” she said. “…”).” stays whole.
 */
export function firstSentence(description: unknown): string | null {
  if (typeof description !== 'string') return null;
  const one = description.replace(/\s+/g, ' ').trim();
  const open: string[] = [];
  let code = false;
  let wordStart = 0;
  for (let i = 0; i < one.length; i++) {
    const c = one[i]!;
    if (c === ' ') wordStart = i + 1;
    if (c === '`') code = !code;
    if (code) continue;
    if (c in OPENERS) open.push(OPENERS[c]!);
    else if (open.length > 0 && c === open[open.length - 1]) open.pop();
    else if (
      c === '.' &&
      open.length === 0 &&
      (i + 1 === one.length || one[i + 1] === ' ') &&
      !one.slice(wordStart, i).includes('.')
    ) {
      return one.slice(0, i + 1);
    }
  }
  return one;
}

type SchemaNode = { [key: string]: unknown };

/** The node a `$ref` points at (`#/definitions/Name`), or the node itself. */
function resolveRef(root: SchemaNode | undefined, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !root) return node;
  const target = (root.definitions as Record<string, SchemaNode> | undefined)?.[ref.replace('#/definitions/', '')];
  return target ? resolveRef(root, target) : node;
}

/**
 * How to write a value the schema accepts, to append to a hint: `null` only when the field allows null, `[]` for a
 * list that may be empty, `{}` for an object with no required fields, and otherwise what the value must hold, so
 * following the hint never causes the next error.
 */
export function valueHint(root: SchemaNode | undefined, input: SchemaNode | undefined): string {
  if (!input) return '';
  const node = resolveRef(root, input);
  const branches = Array.isArray(node.anyOf) ? (node.anyOf as SchemaNode[]).map((b) => resolveRef(root, b)) : [node];
  const isNull = (b: SchemaNode) => b.type === 'null' || (Array.isArray(b.type) && b.type.includes('null'));
  const nullable = branches.some(isNull);
  const value = branches.find((b) => b.type !== 'null');
  const types = value ? (Array.isArray(value.type) ? value.type : [value.type]) : [];
  let shape = '';
  if (value && Array.isArray(value.enum)) shape = `one of ${value.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  else if (types.includes('array')) {
    const min = typeof value?.minItems === 'number' ? value.minItems : 0;
    shape = min > 0 ? `a list [ … ] of at least ${min} item${min === 1 ? '' : 's'}` : '[] when there are none';
  } else if (types.includes('object')) {
    const required = (value?.required as string[] | undefined) ?? [];
    shape =
      required.length === 0 ? '{} when there are none' : `an object with ${required.map((k) => `"${k}"`).join(', ')}`;
  }
  if (nullable)
    return shape ? ` Write null when it is not known, otherwise ${shape}.` : ' Write null when it is not known.';
  return shape ? ` Write ${shape}.` : '';
}

function fieldName(pointer: string): string {
  return pointer === '' ? 'the record' : `"${pointer.slice(pointer.lastIndexOf('/') + 1)}"`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'null',
  array: 'a list [ … ]',
  object: 'an object { … }',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${show(value)}`;
}

/** Type names in words: `string,null` → “a string or null”. */
const typeNames = (types: readonly string[]) =>
  types
    .flatMap((t) => t.split(','))
    .map((t) => TYPE_NAMES[t] ?? t)
    .join(' or ');

const DOCS = 'See docs/data-dictionary.md.';

/** Ajv's errors for one record, rewritten as plain-language issues (one per problem, anyOf noise removed). */
export function schemaIssues(errors: readonly ErrorObject[], root?: object): Issue[] {
  const rootSchema = root as SchemaNode | undefined;
  // A nullable field is `anyOf: [X, null]`: Ajv reports each branch's type error and the anyOf. Type errors at an
  // anyOf's path are merged into one “must be X or null”; any other error at or under that path speaks for it.
  const anyOfAt = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const merged = (e: ErrorObject) => e.keyword === 'type' && anyOfAt.has(e.instancePath);
  const branchTypes = (pointer: string) => [
    ...new Set(errors.filter((e) => merged(e) && e.instancePath === pointer).map((e) => String(e.params.type))),
  ];
  /** What one error says, or null when another error says it better. */
  const explain = (e: ErrorObject): Omit<Issue, 'severity'> | null => {
    const pointer = e.instancePath;
    const parent = e.parentSchema as SchemaNode | undefined;
    const described = firstSentence(parent?.description);
    const describe = (fallback: string) => described ?? fallback;
    switch (e.keyword) {
      case 'anyOf':
      case 'type': {
        const inside = (o: ErrorObject) => o.instancePath === pointer || o.instancePath.startsWith(`${pointer}/`);
        // An anyOf whose branch has an error of its own: that error says it better.
        if (e.keyword === 'anyOf' && errors.some((o) => !merged(o) && o.keyword !== 'anyOf' && inside(o))) return null;
        const types = typeNames(e.keyword === 'type' ? [String(e.params.type)] : branchTypes(pointer));
        return {
          pointer,
          message: `${fieldName(pointer)} must be ${types || 'one of the allowed forms'}, not ${typeOf(e.data)}`,
          hint: `${describe(DOCS)}${valueHint(rootSchema, parent)}`,
        };
      }
      case 'required': {
        const missing = e.params.missingProperty as string;
        const property = (parent?.properties as Record<string, SchemaNode> | undefined)?.[missing];
        const what = firstSentence(property?.description);
        return {
          pointer,
          message: `missing required field "${missing}"${pointer ? ` in ${pointer}` : ''}`,
          hint: `Add "${missing}"${what ? `: ${what}` : '.'}${valueHint(rootSchema, property)}`,
        };
      }
      case 'additionalProperties': {
        const extra = e.params.additionalProperty as string;
        const allowed = Object.keys(parent?.properties ?? {});
        const near = allowed
          .map((name) => [name, editDistance(extra.toLowerCase(), name.toLowerCase())] as const)
          .sort((a, b) => a[1] - b[1])[0];
        return {
          pointer: `${pointer}/${pointerSegment(extra)}`,
          key: true,
          message: `unknown field "${extra}"`,
          hint: near && near[1] <= 2 ? `Did you mean "${near[0]}"?` : `Allowed fields here: ${allowed.join(', ')}.`,
        };
      }
      case 'enum': {
        const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
        return {
          pointer,
          message: `${show(e.data)} is not one of ${allowed}`,
          hint: describe(`Use one of ${allowed}.`),
        };
      }
      case 'pattern':
      case 'format': {
        const what = parent?.description;
        const rule =
          e.keyword === 'format' ? `the ${String(e.params.format)} format` : `the pattern ${String(e.params.pattern)}`;
        return {
          pointer,
          message: `${show(e.data)} is not a valid value for ${fieldName(pointer)}`,
          hint: typeof what === 'string' ? `Expected: ${what.replace(/\s+/g, ' ').trim()}` : `It must match ${rule}.`,
        };
      }
      case 'minItems':
      case 'minLength': {
        const limit = e.params.limit as number;
        const unit = e.keyword === 'minItems' ? 'item' : 'character';
        const message = `${fieldName(pointer)} needs at least ${limit} ${unit}${limit === 1 ? '' : 's'}`;
        return { pointer, message, hint: describe(DOCS) };
      }
      default:
        return { pointer, message: `${fieldName(pointer)} ${e.message ?? 'is invalid'}`, hint: describe(DOCS) };
    }
  };
  return errors.flatMap((e) => {
    const issue = merged(e) ? null : explain(e);
    return issue ? [{ ...issue, severity: 'error' as const }] : [];
  });
}
