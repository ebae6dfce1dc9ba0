/**
 * Classifies the differences between two versions of the generated JSON Schemas. Pure functions.
 *
 * Each schema is flattened into its fields (`body[].text`, `annotations.mentions[].entity`), with `$ref`s inlined
 * and nullable `anyOf`s merged, and each field's facts (types, enum, limits, pattern, required…) are compared.
 * The policy, in the README's versioning section:
 * - major: anything that can break code that reads the data or validates against the schema: a field or schema
 *   removed (a rename is a removal plus an addition), a field made required or optional, a type removed or added
 *   (a field that may now be `null` breaks code that reads it), an enum member removed, a limit tightened, a
 *   pattern or format added or changed, an object closed, and any change the classifier does not understand;
 * - minor: additions the schema documents as safe: a new optional field, a new enum member (enums are open: code
 *   must handle values it does not know), a limit relaxed, a pattern or format dropped, a pattern widened by
 *   alternatives put in front of it (`^(?:NEW)$|OLD`), a new schema (collection);
 * - patch: descriptions and titles only (they ship in the schemas, the data dictionary and the type definitions),
 *   and the kinds of entity a reference accepts (an annotation the schema does not validate; a rule checks it).
 */
import type { JsonObject } from './snapshot.ts';

export interface SchemaChange {
  level: 'major' | 'minor' | 'patch';
  /** The schema's name (`article`). */
  schema: string;
  /** The field's path in the schema's records (`headline.text`); `` for the record itself. */
  field: string;
  /** What changed, in a short phrase. */
  change: string;
}

const LOWER_LIMITS = ['minLength', 'minItems', 'minimum', 'exclusiveMinimum', 'minProperties'];
const UPPER_LIMITS = ['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum', 'maxProperties'];

/** Keywords the flattening handles itself (structure) or that carry no constraint. */
const STRUCTURAL = new Set([
  ...'$ref anyOf properties items required additionalProperties type enum const pattern format uniqueItems'.split(' '),
  ...'description title definitions $id $comment $schema examples default'.split(' '),
  ...LOWER_LIMITS,
  ...UPPER_LIMITS,
]);

/** What the comparison knows about one field, before it is read. */
function newFacts(required: boolean) {
  return {
    required,
    types: new Set<string>(),
    enum: null as Set<string> | null,
    const: null as string | null,
    patterns: new Set<string>(),
    formats: new Set<string>(),
    /** Lower and upper limits (LOWER_LIMITS, UPPER_LIMITS) by keyword. */
    limits: new Map<string, number>(),
    closed: false,
    uniqueItems: false,
    descriptions: new Set<string>(),
    /** Keywords the classifier does not model, as canonical JSON: any change to them is treated as major. */
    other: new Set<string>(),
  };
}
type FieldFacts = ReturnType<typeof newFacts>;

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as JsonObject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/** The JSON types a value has, as JSON Schema names them. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Flattens a root schema into field path → facts. The record itself is the path ``. */
export function flattenSchema(root: JsonObject): Map<string, FieldFacts> {
  const fields = new Map<string, FieldFacts>();
  const definitions = (root.definitions ?? {}) as Record<string, JsonObject>;

  // `branch`: a member of a nullable `anyOf`, whose descriptions are the referenced type's, not the field's.
  const visit = (input: JsonObject, path: string, required: boolean, seen: readonly string[], branch = false): void => {
    let node = input;
    // A $ref: the referring node's own keywords (its description) sit beside the definition's.
    const ref = node.$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/definitions/', '');
      const target = definitions[name];
      if (!target) throw new Error(`unresolved $ref ${ref}`);
      if (seen.includes(name)) {
        // A recursive type: record the reference itself rather than recursing forever.
        const facts = fields.get(path) ?? newFacts(required);
        facts.other.add(`recursive ${ref}`);
        fields.set(path, facts);
        return;
      }
      const { $ref: _ref, ...rest } = node;
      node = { ...target, ...rest };
      seen = [...seen, name];
    }
    const facts = fields.get(path) ?? newFacts(required);
    fields.set(path, facts);
    for (const keyword of branch ? [] : ['description', 'title', 'examples', 'default', '$comment'])
      if (node[keyword] !== undefined) facts.descriptions.add(`${keyword}: ${canonical(node[keyword])}`);
    for (const member of Array.isArray(node.anyOf) ? (node.anyOf as JsonObject[]) : [])
      visit(member, path, required, seen, true);
    const type = node.type;
    if (typeof type === 'string') facts.types.add(type);
    if (Array.isArray(type)) for (const t of type) facts.types.add(String(t));
    if (Array.isArray(node.enum)) {
      facts.enum ??= new Set();
      for (const member of node.enum) {
        facts.enum.add(canonical(member));
        if (type === undefined) facts.types.add(jsonType(member));
      }
    }
    if (node.const !== undefined) {
      facts.const = canonical(node.const);
      if (type === undefined) facts.types.add(jsonType(node.const));
    }
    if (typeof node.pattern === 'string') facts.patterns.add(node.pattern);
    if (typeof node.format === 'string') facts.formats.add(node.format);
    for (const keyword of [...LOWER_LIMITS, ...UPPER_LIMITS])
      if (typeof node[keyword] === 'number') facts.limits.set(keyword, node[keyword]);
    if (node.uniqueItems === true) facts.uniqueItems = true;
    if (node.additionalProperties === false) facts.closed = true;
    else if (node.additionalProperties !== undefined && node.additionalProperties !== true)
      facts.other.add(`additionalProperties ${canonical(node.additionalProperties)}`);
    for (const [keyword, value] of Object.entries(node))
      if (!STRUCTURAL.has(keyword)) facts.other.add(`${keyword} ${canonical(value)}`);
    if (path === '' && typeof node.$schema === 'string') facts.other.add(`$schema ${node.$schema}`);

    const requiredNames = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    for (const [name, property] of Object.entries((node.properties ?? {}) as Record<string, JsonObject>))
      visit(property, path ? `${path}.${name}` : name, requiredNames.has(name), seen);
    if (Array.isArray(node.items)) facts.other.add(`items ${canonical(node.items)}`);
    else if (node.items && typeof node.items === 'object') visit(node.items as JsonObject, `${path}[]`, true, seen);
  };
  visit(root, '', true, []);
  return fields;
}

const list = (values: Iterable<string>) => [...values].sort().join(', ');
const isInside = (path: string, parent: string) =>
  parent === '' || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[]`);

/**
 * Whether pattern `after` is `before` with alternatives put in front (`X|before`), so that it matches every string
 * `before` matches. `X` must be a regular expression of its own with no capturing group (`before`'s backreferences
 * keep their numbers).
 */
function widens(after: string, before: string): boolean {
  if (!after.endsWith(`|${before}`)) return false;
  try {
    return new RegExp(`${after.slice(0, -before.length - 1)}|`, 'u').exec('')!.length === 1;
  } catch {
    return false;
  }
}

/** Compares one schema's two versions. */
export function diffSchema(schema: string, before: JsonObject, after: JsonObject): SchemaChange[] {
  const old = flattenSchema(before);
  const now = flattenSchema(after);
  const changes: SchemaChange[] = [];
  const add = (level: SchemaChange['level'], field: string, change: string) =>
    changes.push({ level, schema, field, change });

  // A removed or added field is reported once, not again for each field inside it.
  const removed = [...old.keys()].filter((p) => !now.has(p));
  const added = [...now.keys()].filter((p) => !old.has(p));
  const outermost = (paths: string[]) => paths.filter((p) => !paths.some((other) => other !== p && isInside(p, other)));
  for (const path of outermost(removed)) add('major', path, 'field removed (or renamed)');
  for (const path of outermost(added)) {
    if (now.get(path)!.required && !path.endsWith('[]')) add('major', path, 'new required field');
    else add('minor', path, 'new optional field');
  }

  for (const [path, a] of old) {
    const b = now.get(path);
    if (!b) continue;
    if (a.required !== b.required)
      add('major', path, b.required ? 'made required' : 'made optional (records may now omit it)');
    const lostTypes = [...a.types].filter((t) => !b.types.has(t));
    const newTypes = [...b.types].filter((t) => !a.types.has(t));
    if (lostTypes.length > 0) add('major', path, `type narrowed: no longer ${list(lostTypes)}`);
    if (newTypes.length > 0) add('major', path, `type widened: may now be ${list(newTypes)}`);
    if (a.enum && b.enum) {
      const lost = [...a.enum].filter((m) => !b.enum!.has(m));
      const gained = [...b.enum].filter((m) => !a.enum!.has(m));
      if (lost.length > 0) add('major', path, `enum member${lost.length > 1 ? 's' : ''} removed: ${list(lost)}`);
      if (gained.length > 0) add('minor', path, `new enum member${gained.length > 1 ? 's' : ''}: ${list(gained)}`);
    } else if (!a.enum && b.enum) add('major', path, `restricted to the values ${list(b.enum)}`);
    else if (a.enum && !b.enum) add('major', path, 'no longer restricted to a list of values');
    if (a.const !== b.const) add('major', path, `constant changed: ${a.const ?? '(none)'} → ${b.const ?? '(none)'}`);
    for (const [label, x, y] of [
      ['pattern', a.patterns, b.patterns],
      ['format', a.formats, b.formats],
    ] as const) {
      const widened = [...y].filter((v) => label === 'pattern' && !x.has(v) && [...x].some((w) => widens(v, w)));
      const lost = [...x].filter((v) => !y.has(v) && !widened.some((w) => widens(w, v)));
      const gained = [...y].filter((v) => !x.has(v) && !widened.includes(v));
      if (gained.length > 0) add('major', path, `${label} ${lost.length > 0 ? 'changed' : 'added'}: ${list(gained)}`);
      else if (lost.length > 0) add('minor', path, `${label} dropped: ${list(lost)}`);
      if (widened.length > 0) add('minor', path, `${label} widened: ${list(widened)}`);
    }
    for (const keyword of [...LOWER_LIMITS, ...UPPER_LIMITS]) {
      const x = a.limits.get(keyword);
      const y = b.limits.get(keyword);
      if (x === y) continue;
      const tighter = LOWER_LIMITS.includes(keyword)
        ? (y ?? -Infinity) > (x ?? -Infinity)
        : (y ?? Infinity) < (x ?? Infinity);
      if (tighter) add('major', path, `${keyword} tightened: ${x ?? 'none'} → ${y}`);
      else add('minor', path, `${keyword} relaxed: ${x} → ${y ?? 'none'}`);
    }
    for (const [key, now, again] of [
      ['closed', 'closed to unknown properties', 'open to unknown properties'],
      ['uniqueItems', 'items must now be unique', 'items need no longer be unique'],
    ] as const)
      if (a[key] !== b[key]) add(b[key] ? 'major' : 'minor', path, b[key] ? now : again);
    if (list(a.other) !== list(b.other))
      add('major', path, 'changed in a way the classifier does not recognise (review it)');
    if (list(a.descriptions) !== list(b.descriptions)) add('patch', path, 'description changed');
  }
  // The definitions' own descriptions ship in the schema too (and a field's may be overridden by its property's).
  const oldDefinitions = (before.definitions ?? {}) as Record<string, JsonObject>;
  for (const [name, definition] of Object.entries((after.definitions ?? {}) as Record<string, JsonObject>)) {
    const was = oldDefinitions[name];
    if (was && was.description !== definition.description) add('patch', `#/definitions/${name}`, 'description changed');
  }
  return changes;
}

/** Compares every schema of two trees (by name): a removed schema is major, a new one minor. */
export function diffSchemas(
  before: ReadonlyMap<string, JsonObject>,
  after: ReadonlyMap<string, JsonObject>,
): SchemaChange[] {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.flatMap((name): SchemaChange[] => {
    const a = before.get(name);
    const b = after.get(name);
    if (!a) return [{ level: 'minor', schema: name, field: '', change: 'new schema' }];
    if (!b) return [{ level: 'major', schema: name, field: '', change: 'schema removed' }];
    return diffSchema(name, a, b);
  });
}
