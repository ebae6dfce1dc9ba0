/** Renders the generated JSON Schemas as a Markdown data dictionary: every collection and field. */
import { COLLECTIONS } from './collections.ts';

type Schema = { [key: string]: unknown };

export interface Row {
  path: string;
  type: string;
  required: boolean;
  description: string;
  /** The definitions the field's type names (`EntityKind`), directly, in a list or beside null. */
  refs: string[];
}

function resolveRef(root: Schema, node: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/definitions/', '');
  const target = (root.definitions as Record<string, Schema>)[name];
  if (!target) throw new Error(`Unresolved $ref ${ref}`);
  // The referring node's own description wins over the definition's.
  return { ...target, ...(node.description === undefined ? {} : { description: node.description }) };
}

/** A schema keyword's text (a description), or '' when it has none. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A short human-readable type for a schema node. */
function describeType(root: Schema, input: Schema): string {
  const node = resolveRef(root, input);
  if (Array.isArray(node.anyOf)) return (node.anyOf as Schema[]).map((n) => describeType(root, n)).join(' or ');
  if (Array.isArray(node.enum)) return (node.enum as unknown[]).map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.type === 'array') return `array of ${describeType(root, node.items as Schema)}`;
  const types = Array.isArray(node.type)
    ? (node.type as string[])
    : [typeof node.type === 'string' ? node.type : 'any'];
  const extras = [
    typeof node.pattern === 'string' && `pattern \`${node.pattern}\``,
    typeof node.format === 'string' && `format ${node.format}`,
    typeof node.minimum === 'number' && `≥ ${node.minimum}`,
    typeof node.maximum === 'number' && `≤ ${node.maximum}`,
  ].filter((extra) => extra !== false);
  return extras.length > 0 ? `${types.join(' or ')} (${extras.join('; ')})` : types.join(' or ');
}

/** The object schema inside a node, if the node is (an array of, or a nullable) object. */
function objectInside(root: Schema, input: Schema): { node: Schema; suffix: string } | null {
  const node = resolveRef(root, input);
  if (node.type === 'object' && node.properties) return { node, suffix: '' };
  if (node.type === 'array' && node.items) {
    const inner = objectInside(root, node.items as Schema);
    return inner ? { node: inner.node, suffix: `[]${inner.suffix}` } : null;
  }
  if (Array.isArray(node.anyOf)) {
    const objects = (node.anyOf as Schema[]).map((n) => objectInside(root, n)).filter((n) => n !== null);
    if (objects.length === 1) return objects[0]!;
  }
  return null;
}

/** The field's description; for a field typed by a named enum, the enum's own description (its values) follows. */
function describeField(root: Schema, property: Schema): string {
  const own = text(resolveRef(root, property).description);
  const target = property.$ref === undefined ? {} : resolveRef(root, { $ref: property.$ref });
  if (!Array.isArray(target.enum) || typeof target.description !== 'string' || target.description === own) return own;
  return `${own} ${target.description}`;
}

/** The rows of one schema's table: every field path, its type, whether it is required, and its description. */
export function dictionaryRows(root: Schema, node = root, prefix = '', depth = 0): Row[] {
  if (depth > 8) throw new Error(`Schema nesting too deep at ${prefix}`);
  const required = new Set((node.required as string[] | undefined) ?? []);
  return Object.entries(node.properties as Record<string, Schema>).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const row: Row = {
      path,
      type: describeType(root, property),
      required: required.has(name),
      description: describeField(root, property),
      refs: namedTypes(property),
    };
    const inner = objectInside(root, property);
    return [row, ...(inner ? dictionaryRows(root, inner.node, `${path}${inner.suffix}`, depth + 1) : [])];
  });
}

/** The definition names a property's type refers to, through lists and `anyOf`. */
function namedTypes(node: Schema): string[] {
  if (typeof node.$ref === 'string') return [node.$ref.replace('#/definitions/', '')];
  if (Array.isArray(node.anyOf)) return (node.anyOf as Schema[]).flatMap(namedTypes);
  if (node.items && typeof node.items === 'object') return namedTypes(node.items as Schema);
  return [];
}

/**
 * Every enumerated type of the schemas (definitions with an `enum`): its values, the fields that use it and its
 * description, as a Markdown table. The README shows it between generated markers, so its lists of values cannot
 * drift from the types.
 */
export function renderEnumTable(schemas: ReadonlyMap<string, Schema>): string {
  const enums = new Map<string, { definition: Schema; fields: string[] }>();
  for (const [file, schema] of schemas) {
    const definitions = (schema.definitions ?? {}) as Record<string, Schema>;
    for (const row of dictionaryRows(schema))
      for (const ref of row.refs) {
        const definition = definitions[ref];
        if (!definition || !Array.isArray(definition.enum)) continue;
        if (!enums.has(ref)) enums.set(ref, { definition, fields: [] });
        enums.get(ref)!.fields.push(`${file.replace('.schema.json', '')}.${row.path}`);
      }
  }
  const out = ['| type | values | used by | meaning |', '| --- | --- | --- | --- |'];
  for (const [name, entry] of [...enums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const values = (entry.definition.enum as unknown[]).map((v) => `\`${String(v)}\``).join(', ');
    const fields = entry.fields.map((f) => `\`${f}\``).join(', ');
    out.push(`| \`${name}\` | ${values} | ${fields} | ${escapeCell(text(entry.definition.description))} |`);
  }
  return out.join('\n');
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** Renders the dictionary for schemas given as file name → schema. */
export function renderDataDictionary(schemas: ReadonlyMap<string, Schema>, command: string): string {
  const out: string[] = [
    `<!-- Generated file: do not edit. Regenerate with \`${command}\` from the TypeScript types in types/. -->`,
    '',
    '# Data dictionary',
    '',
    'Every collection in `data/` and every field of its records, generated from the JSON Schemas in `schemas/`,',
    'which are generated from the TypeScript types in `types/`. A path such as `annotations.mentions[].entity`',
    'names a field inside each item of a list. “Required” means the key must be present; its value may still be',
    '`null` where the type allows it (`null` means “not known”, never “empty”).',
    '',
  ];
  for (const [file, schema] of schemas) {
    const name = file.replace('.schema.json', '');
    out.push(`## ${String(schema.title)}`, '');
    out.push(`${String(schema.description)}`, '');
    const dir = COLLECTIONS.find((c) => c.schema === name)?.dir;
    out.push(
      `Files: ${dir ? `\`data/${dir}/<id>.json\`` : '—'}. Schema: \`schemas/${file}\` (\`${String(schema.$id)}\`).`,
      '',
    );
    const rows = dictionaryRows(schema);
    out.push('| Field | Type | Required | Description |', '| --- | --- | --- | --- |');
    for (const row of rows) {
      out.push(
        `| \`${row.path}\` | ${escapeCell(row.type)} | ${row.required ? 'yes' : 'no'} | ` +
          `${escapeCell(row.description)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
