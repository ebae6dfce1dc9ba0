/**
 * Which fields reference a record of another collection, read from the one declaration: a field typed `EntityId`
 * or `OutletId` (types/common.ts), which the generated schemas carry as a `$ref` to that definition (directly, as
 * the non-null branch of an `anyOf`, or as a list's items), and the kinds of entity it accepts (its `@entityKinds`
 * tag, kept in the schema as a `$comment`). The references rule, the entity-kinds table and the table model's
 * foreign keys all ask here.
 */
import { COLLECTIONS, readSchema, type Collection } from './collections.ts';

/** The collections a reference may point into, by the type that declares it. */
export const REFERENCE_TYPES = { EntityId: 'entities', OutletId: 'outlets' } as const;
export type ReferenceTarget = (typeof REFERENCE_TYPES)[keyof typeof REFERENCE_TYPES];
/**
 * The `@entityKinds` tag in types/ lists the kinds of entity a reference field accepts. The generated schema keeps it
 * as the field's `$comment` (`entityKinds: country, city, region`): a note every JSON Schema validator accepts, where
 * a keyword of our own would make Ajv's default strict mode refuse the published schemas.
 */
export const KINDS_KEYWORD = 'entityKinds';
const KINDS_COMMENT = /^entityKinds: ([a-z-]+(?:, [a-z-]+)*)$/;

/** The schema-generator's `entityKinds` keyword as the `$comment` the published schema carries. */
export const kindsComment = (kinds: readonly string[]): string => `${KINDS_KEYWORD}: ${kinds.join(', ')}`;

/** The kinds of entity a schema node accepts, read from its `$comment`, if it declares them. */
export function kindsOf(node: Node): string[] | undefined {
  const match = typeof node.$comment === 'string' ? KINDS_COMMENT.exec(node.$comment) : null;
  return match ? match[1]!.split(', ') : undefined;
}

type Node = { [key: string]: unknown };

/** The definition a node's `$ref` names, or ''. */
const refName = (node: Node): string => (typeof node.$ref === 'string' ? node.$ref.replace('#/definitions/', '') : '');
/** A node and its `anyOf` branches. */
const branches = (node: Node): Node[] => [node, ...((node.anyOf as Node[] | undefined) ?? [])];

/** The collection a (raw, unresolved) schema node references, if it is declared as a reference. */
export function referenceTarget(node: Node | undefined): ReferenceTarget | undefined {
  const type = branches(node ?? {})
    .map(refName)
    .find((name) => Object.hasOwn(REFERENCE_TYPES, name));
  return type === undefined ? undefined : REFERENCE_TYPES[type as keyof typeof REFERENCE_TYPES];
}

/**
 * A reference field: its path from the record (property names; `-` for every item of a list), its target and, when
 * it accepts only some kinds of entity, those.
 */
export interface ReferenceField {
  path: readonly string[];
  target: ReferenceTarget;
  kinds?: readonly string[];
}

/**
 * Walks a root schema: every node with its path from the record (property names; `-` for every item of a list),
 * through `anyOf` branches and `$ref`s (each definition once per path). `stop` sees each node first and returns true
 * to leave it unexplored.
 */
function walkSchema(schema: Node, stop: (node: Node, path: string[]) => boolean): void {
  const definitions = (schema.definitions ?? {}) as Record<string, Node>;
  const visit = (node: Node | undefined, path: string[], seen: ReadonlySet<string>): void => {
    if (!node || stop(node, path)) return;
    for (const branch of branches(node)) {
      const ref = refName(branch);
      if (ref !== '') {
        if (!seen.has(ref)) visit(definitions[ref], path, new Set([...seen, ref]));
        continue;
      }
      for (const [key, child] of Object.entries((branch.properties ?? {}) as Record<string, Node>))
        visit(child, [...path, key], seen);
      if (branch.items) visit(branch.items as Node, [...path, '-'], seen);
    }
  };
  visit(schema, [], new Set());
}

/** Every reference field of a root schema, in the schema's property order. */
export function referenceFields(schema: Node): ReferenceField[] {
  const fields: ReferenceField[] = [];
  walkSchema(schema, (node, path) => {
    const target = referenceTarget(node);
    const kinds = kindsOf(node);
    if (target) fields.push({ path, target, ...(kinds && { kinds }) });
    return target !== undefined;
  });
  return fields;
}

/** The types whose values are ids: of another record (the reference types) or of a record or annotation (`Id`). */
const ID_TYPES: ReadonlySet<string> = new Set(['Id', ...Object.keys(REFERENCE_TYPES)]);

/**
 * Every list of ids in a root schema: a list whose items are declared `Id`, `EntityId` or `OutletId` (event
 * `participants`, claim `isBasedOn`, a source's `outlets`, a redirect's `to`). Each is a path from the record
 * (property names; `-` for every item of an enclosing list), in the schema's property order.
 */
export function idListFields(schema: Node): Array<readonly string[]> {
  const lists: string[][] = [];
  walkSchema(schema, (node, path) => {
    const idItems = path.at(-1) === '-' && ID_TYPES.has(refName(node));
    if (idItems) lists.push(path.slice(0, -1));
    return idItems;
  });
  return lists;
}

/** What `of` gives for a collection's generated root schema (schemas/<name>.schema.json), computed once. */
function perCollection<T>(of: (schema: Node) => T): (collection: Collection) => T {
  const computed = new Map<Collection, T>();
  return (collection) => {
    if (!computed.has(collection))
      computed.set(collection, of(readSchema(COLLECTIONS.find((c) => c.name === collection)!.schema) as Node));
    return computed.get(collection)!;
  };
}

/** The reference fields of a collection's records. */
export const collectionReferences = perCollection(referenceFields);
/** The lists of ids in a collection's records. */
export const collectionIdLists = perCollection(idListFields);

/** A field's key: its path as a JSON pointer with `-` for list items (`/annotations/events/-/place`). */
export const fieldKeyOf = (path: readonly string[]): string => path.map((p) => `/${p}`).join('');
/** The field key of a value's JSON pointer: every list index replaced by `-`. */
export const fieldKey = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, '/-');

const fieldsByKey = perCollection((schema) => new Map(referenceFields(schema).map((f) => [fieldKeyOf(f.path), f])));
/** The reference field of the value at `pointer` in a record of `collection`, if it is one. */
export const referenceFieldAt = (collection: Collection, pointer: string): ReferenceField | undefined =>
  fieldsByKey(collection).get(fieldKey(pointer));

/** Each value at `path` (as a reference field's) inside `value`, with its JSON pointer. */
export function* valuesAt(value: unknown, path: readonly string[], pointer = ''): Generator<[string, unknown]> {
  if (path.length === 0) yield [pointer, value];
  else if (value !== null && typeof value === 'object') {
    const [key, ...rest] = path as [string, ...string[]];
    if (key === '-') {
      if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* valuesAt(item, rest, `${pointer}/${i}`);
    } else if (Object.hasOwn(value, key))
      yield* valuesAt((value as Record<string, unknown>)[key], rest, `${pointer}/${key}`);
  }
}
