/**
 * Which fields reference a record of another collection, read from the one declaration: a field typed `EntityId`
 * or `OutletId` (types/common.ts), which the generated schemas carry as a `$ref` to that definition (directly, as
 * the non-null branch of an `anyOf`, or as a list's items), and the kinds of entity it accepts (its `@entityKinds`
 * tag, kept in the schema as a `$comment`). The references rule, the entity-kinds table and the table model's
 * foreign keys all ask here.
 */
import { COLLECTIONS, readSchema, type Collection, type CollectionRecords } from './collections.ts';

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

/** The types whose values are ids: of another record (the reference types) or of a record or annotation (`Id`). */
const ID_TYPES: ReadonlySet<string> = new Set(['Id', ...Object.keys(REFERENCE_TYPES)]);

/**
 * A root schema's reference fields, in the schema's property order, and its lists of ids: each list whose items are
 * declared `Id`, `EntityId` or `OutletId` (event `participants`, claim `isBasedOn`, a source's `outlets`, a
 * redirect's `to`), as a path from the record (property names; `-` for every item of an enclosing list).
 */
export function schemaFields(schema: Node): { references: ReferenceField[]; idLists: Array<readonly string[]> } {
  const references: ReferenceField[] = [];
  const idLists: string[][] = [];
  const definitions = (schema.definitions ?? {}) as Record<string, Node>;
  // Every node with its path, through `anyOf` branches and `$ref`s (each definition once per path), down to an id.
  const visit = (node: Node | undefined, path: string[], seen: ReadonlySet<string>): void => {
    if (!node) return;
    const target = referenceTarget(node);
    const kinds = kindsOf(node);
    if (target) references.push({ path, target, ...(kinds && { kinds }) });
    const idItems = path.at(-1) === '-' && ID_TYPES.has(refName(node));
    if (idItems) idLists.push(path.slice(0, -1));
    if (target || idItems) return;
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
  return { references, idLists };
}

/** A field's key: its path as a JSON pointer with `-` for list items (`/annotations/events/-/place`). */
export const fieldKeyOf = (path: readonly string[]): string => path.map((p) => `/${p}`).join('');
/** The field key of a value's JSON pointer: every list index replaced by `-`. */
export const fieldKey = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, '/-');

const computed = new Map<Collection, ReturnType<typeof schemaFields> & { byKey: Map<string, ReferenceField> }>();
/** The fields of a collection's records, from its generated schema (schemas/<name>.schema.json), read once. */
function fieldsOf(collection: Collection) {
  let fields = computed.get(collection);
  if (fields === undefined) {
    const found = schemaFields(readSchema(COLLECTIONS.find((c) => c.name === collection)!.schema) as Node);
    fields = { ...found, byKey: new Map(found.references.map((f) => [fieldKeyOf(f.path), f])) };
    computed.set(collection, fields);
  }
  return fields;
}

/** The reference fields of a collection's records. */
export const collectionReferences = (collection: Collection): ReferenceField[] => fieldsOf(collection).references;
/** The lists of ids in a collection's records. */
export const collectionIdLists = (collection: Collection): Array<readonly string[]> => fieldsOf(collection).idLists;
/** The reference field of the value at `pointer` in a record of `collection`, if it is one. */
export const referenceFieldAt = (collection: Collection, pointer: string): ReferenceField | undefined =>
  fieldsOf(collection).byKey.get(fieldKey(pointer));

/** Each value at `path` (as a reference field's) inside `value`, with its JSON pointer, added to `out`. */
export function valuesAt(
  value: unknown,
  path: readonly string[],
  out: Array<[string, unknown]> = [],
  depth = 0,
  pointer = '',
): Array<[string, unknown]> {
  if (depth === path.length) out.push([pointer, value]);
  else if (value !== null && typeof value === 'object') {
    const key = path[depth]!;
    if (key !== '-') {
      if (Object.hasOwn(value, key))
        valuesAt((value as Record<string, unknown>)[key], path, out, depth + 1, `${pointer}/${key}`);
    } else if (Array.isArray(value))
      for (let i = 0; i < value.length; i++) valuesAt(value[i], path, out, depth + 1, `${pointer}/${i}`);
  }
  return out;
}

/** An id a record refers to: the collection it must be found in, and where. */
export interface Reference {
  collection: ReferenceTarget;
  id: string;
  pointer: string;
}

/** Each record's references, computed once: the validator's summary and its `references` rule both ask. */
const referencesFound = new WeakMap<object, Reference[]>();

/** The references a record makes, field by field. Assumes a schema-valid record. Do not modify the result. */
export function referencesOf<C extends Collection>(collection: C, record: CollectionRecords[C]): Reference[] {
  let refs = referencesFound.get(record);
  if (refs === undefined) {
    refs = [];
    for (const { path, target } of collectionReferences(collection))
      for (const [pointer, id] of valuesAt(record, path))
        if (typeof id === 'string') refs.push({ collection: target, id, pointer });
    referencesFound.set(record, refs);
  }
  return refs;
}
