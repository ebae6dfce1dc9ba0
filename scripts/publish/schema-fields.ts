/**
 * Facts about a field of the JSON Schemas (themselves generated from the TypeScript types), for the CSV Table
 * Schemas: its description (the type's doc comment), Table Schema type, nullability and constraints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON Schema node. */
export type SchemaNode = { [key: string]: unknown };
type Node = SchemaNode;

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date';

export interface FieldFacts {
  description: string;
  type: FieldType;
  /** False when the value may be null or absent. */
  required: boolean;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export class SchemaFields {
  readonly #schemas = new Map<string, Node>();

  constructor(private readonly schemaDir: string) {}

  schema(name: string): Node {
    if (!this.#schemas.has(name))
      this.#schemas.set(name, JSON.parse(readFileSync(join(this.schemaDir, `${name}.schema.json`), 'utf8')) as Node);
    return this.#schemas.get(name)!;
  }

  /**
   * The facts of one field, named `schema:path` with dots between properties and `[]` after a list
   * (`article:annotations.quotes[].attribution.exact`). A list path names its items. `required` is relative to the
   * innermost list's item (a field of an author is required even though the list of authors may be null).
   */
  facts(field: string): FieldFacts {
    const [name, path = ''] = field.split(':');
    const root = this.schema(name!);
    let node: Node = root;
    let required = true;
    let description = typeof root.description === 'string' ? root.description : '';
    for (const segment of path.split('.')) {
      const isList = segment.endsWith('[]');
      const key = isList ? segment.slice(0, -2) : segment;
      const parent = this.#resolve(root, node).node;
      const property = (parent.properties as Record<string, Node> | undefined)?.[key];
      if (!property) throw new Error(`${field}: the schema has no property ${key}`);
      if (!((parent.required as string[] | undefined) ?? []).includes(key)) required = false;
      const resolved = this.#resolve(root, property);
      if (resolved.nullable) required = false;
      description = resolved.description;
      node = isList ? (resolved.node.items as Node) : resolved.node;
      // A list's items are rows of their own table: whether a field is required counts from the item.
      if (isList) required = true;
    }
    const leaf = this.#resolve(root, node);
    if (leaf.nullable) required = false;
    return { description, required, ...this.#typeAndConstraints(leaf.node, field) };
  }

  /** `#resolve` in the schema `name`. */
  resolve(name: string, node: Node): { node: Node; nullable: boolean; description: string } {
    return this.#resolve(this.schema(name), node);
  }

  /** Follows `$ref`s and unwraps `anyOf: [X, null]` / `type: [null, X]`; the outermost description wins. */
  #resolve(root: Node, start: Node): { node: Node; nullable: boolean; description: string } {
    let node = start;
    let nullable = false;
    let description = typeof start.description === 'string' ? start.description : '';
    for (;;) {
      if (typeof node.$ref === 'string') {
        const target = (root.definitions as Record<string, Node>)[node.$ref.replace('#/definitions/', '')];
        if (!target) throw new Error(`unresolved ${node.$ref}`);
        node = target;
      } else if (Array.isArray(node.anyOf)) {
        const branches = node.anyOf as Node[];
        const others = branches.filter((b) => b.type !== 'null');
        if (others.length !== 1) throw new Error('only `X | null` unions are supported in CSV columns');
        nullable ||= others.length < branches.length;
        node = others[0]!;
      } else if (Array.isArray(node.type) && node.type.includes('null')) {
        nullable = true;
        const rest = (node.type as string[]).filter((t) => t !== 'null');
        node = { ...node, type: rest.length === 1 ? rest[0] : rest };
      } else {
        break;
      }
      if (!description && typeof node.description === 'string') description = node.description;
    }
    return { node, nullable, description };
  }

  #typeAndConstraints(node: Node, field: string): Omit<FieldFacts, 'description' | 'required'> {
    const facts: Omit<FieldFacts, 'description' | 'required'> = { type: 'string' };
    if (Array.isArray(node.enum)) facts.enum = (node.enum as unknown[]).map(String);
    else if (node.type === 'string') facts.type = node.format === 'date' ? 'date' : 'string';
    else if (node.type === 'number' || node.type === 'integer' || node.type === 'boolean') facts.type = node.type;
    else throw new Error(`${field} is not a scalar (type ${JSON.stringify(node.type)}); it needs a child table`);
    for (const key of ['minLength', 'maxLength', 'minimum', 'maximum'] as const)
      if (typeof node[key] === 'number') facts[key] = node[key];
    // A pattern that demands a non-white-space character also rules out the empty string.
    if (facts.type === 'string' && facts.minLength === undefined && typeof node.pattern === 'string') {
      if (!new RegExp(node.pattern, 'u').test('')) facts.minLength = 1;
    }
    return facts;
  }
}
