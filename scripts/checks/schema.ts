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
import { createAjv, schemaDigest } from '../lib/validator-code.ts';
import type { Issue } from './rule.ts';

const require = createRequire(import.meta.url);
const compiled = new Map<string, Record<Collection, ValidateFunction>>();

/** The validators compiled ahead of time, when they match every schema text (by schema name); else null. */
function precompiled(texts: ReadonlyMap<string, string>): Record<Collection, ValidateFunction> | null {
  let module: typeof import('./generated/validators.cjs');
  try {
    module = require('./generated/validators.cjs') as typeof import('./generated/validators.cjs');
  } catch {
    return null; // not generated (yet): compile instead
  }
  for (const [schema, text] of texts) if (module.schemaSha256[schema] !== schemaDigest(text)) return null;
  return { articles: module.articles, entities: module.entities, outlets: module.outlets, redirects: module.redirects };
}

/** The validators for a schema folder, made on first use and reused. */
export function schemaValidators(schemaDir: string): Record<Collection, ValidateFunction> {
  let validators = compiled.get(schemaDir);
  if (!validators) {
    const texts = new Map(COLLECTIONS.map(({ schema }) => [schema, readFileSync(join(schemaDir, `${schema}.schema.json`), 'utf8')]));
    validators = precompiled(texts) ?? undefined;
    if (!validators) {
      const ajv = createAjv(false);
      validators = {} as Record<Collection, ValidateFunction>;
      for (const { name, schema } of COLLECTIONS) validators[name] = ajv.compile(JSON.parse(texts.get(schema)!) as object);
    }
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

/** The first sentence of a schema description: what the field is, used as a hint. */
function firstSentence(description: unknown): string | null {
  if (typeof description !== 'string') return null;
  const one = description.replace(/\s+/g, ' ').trim();
  const end = one.search(/[.:](\s|$)/);
  return end === -1 ? one : one.slice(0, end + 1).replace(/:$/, '.');
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

const TYPE_NAMES: Record<string, string> = { string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', null: 'null', array: 'a list [ … ]', object: 'an object { … }' };

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${show(value)}`;
}

/** Ajv's errors for one record, rewritten as plain-language issues (one per problem, anyOf noise removed). */
export function schemaIssues(errors: readonly ErrorObject[]): Issue[] {
  const issues: Issue[] = [];
  // A nullable field is `anyOf: [X, null]`: Ajv reports each branch's type error and the anyOf. Type errors at an
  // anyOf's path are merged into one “must be X or null”; any other error at or under that path speaks for it.
  const anyOfAt = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const branchTypes = new Map<string, string[]>();
  const handled = new Set<ErrorObject>();
  for (const e of errors) {
    if (e.keyword === 'type' && anyOfAt.has(e.instancePath)) {
      branchTypes.set(e.instancePath, [...(branchTypes.get(e.instancePath) ?? []), String((e.params as { type: string }).type)]);
      handled.add(e);
    }
  }
  for (const e of errors) {
    if (handled.has(e)) continue;
    const pointer = e.instancePath;
    const hint = firstSentence((e.parentSchema as { description?: unknown } | undefined)?.description);
    const describe = (fallback: string) => hint ?? fallback;
    switch (e.keyword) {
      case 'anyOf': {
        const deeper = errors.some((o) => !handled.has(o) && o.keyword !== 'anyOf' && (o.instancePath === pointer || o.instancePath.startsWith(`${pointer}/`)));
        if (deeper) break; // a branch's own error says it better
        const types = [...new Set(branchTypes.get(pointer) ?? [])].flatMap((t) => t.split(',')).map((t) => TYPE_NAMES[t] ?? t);
        issues.push({ pointer, severity: 'error', message: `${fieldName(pointer)} must be ${types.join(' or ') || 'one of the allowed forms'}, not ${typeOf(e.data)}`, hint: describe('See docs/data-dictionary.md.') });
        break;
      }
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        const property = (e.parentSchema as { properties?: Record<string, { description?: string }> }).properties?.[missing];
        issues.push({ pointer, severity: 'error', message: `missing required field "${missing}"${pointer ? ` in ${pointer}` : ''}`, hint: `Add "${missing}"${firstSentence(property?.description) ? `: ${firstSentence(property?.description)}` : '.'} Use null when the field allows it and the value is unknown.` });
        break;
      }
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        const allowed = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
        const near = allowed.map((name) => [name, editDistance(extra.toLowerCase(), name.toLowerCase())] as const).sort((a, b) => a[1] - b[1])[0];
        issues.push({
          pointer: `${pointer}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          key: true,
          severity: 'error',
          message: `unknown field "${extra}"`,
          hint: near && near[1] <= 2 ? `Did you mean "${near[0]}"?` : `Allowed fields here: ${allowed.join(', ')}.`,
        });
        break;
      }
      case 'type': {
        const expected = String((e.params as { type: string }).type).split(',').map((t) => TYPE_NAMES[t] ?? t);
        issues.push({ pointer, severity: 'error', message: `${fieldName(pointer)} must be ${expected.join(' or ')}, not ${typeOf(e.data)}`, hint: describe('See docs/data-dictionary.md.') });
        break;
      }
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
        issues.push({ pointer, severity: 'error', message: `${show(e.data)} is not one of ${allowed.join(', ')}`, hint: describe(`Use one of ${allowed.join(', ')}.`) });
        break;
      }
      case 'pattern':
      case 'format': {
        const what = (e.parentSchema as { description?: unknown } | undefined)?.description;
        const whole = typeof what === 'string' ? `Expected: ${what.replace(/\s+/g, ' ').trim()}` : null;
        issues.push({ pointer, severity: 'error', message: `${show(e.data)} is not a valid value for ${fieldName(pointer)}`, hint: whole ?? (`It must match ${e.keyword === 'format' ? `the ${String((e.params as { format: string }).format)} format` : `the pattern ${String((e.params as { pattern: string }).pattern)}`}.`) });
        break;
      }
      case 'minItems':
      case 'minLength': {
        const limit = (e.params as { limit: number }).limit;
        const unit = e.keyword === 'minItems' ? 'item' : 'character';
        issues.push({ pointer, severity: 'error', message: `${fieldName(pointer)} needs at least ${limit} ${unit}${limit === 1 ? '' : 's'}`, hint: describe('See docs/data-dictionary.md.') });
        break;
      }
      default:
        issues.push({ pointer, severity: 'error', message: `${fieldName(pointer)} ${e.message ?? 'is invalid'}`, hint: describe('See docs/data-dictionary.md.') });
    }
  }
  return issues;
}
