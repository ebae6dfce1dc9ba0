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
   * Follows `$ref`s (to the definitions of the schema `name`) and unwraps `anyOf: [X, null]` / `type: [null, X]`;
   * the outermost description wins.
   */
  resolve(name: string, start: Node): { node: Node; nullable: boolean; description: string } {
    const definitions = this.schema(name).definitions as Record<string, Node>;
    let node = start;
    let nullable = false;
    let description = typeof start.description === 'string' ? start.description : '';
    for (;;) {
      if (typeof node.$ref === 'string') {
        const target = definitions[node.$ref.replace('#/definitions/', '')];
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
}

/** The facts of a scalar field (`field` names it in errors), given its resolved node. */
export function scalarFacts(node: Node, field: string, required: boolean, description: string): FieldFacts {
  const facts: FieldFacts = { description, required, type: 'string' };
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
