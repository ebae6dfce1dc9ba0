/**
 * The canonical form of a record, which `npm run fix` writes: keys in the order the schema lists them (unknown keys
 * after, in their original order), strings in Unicode NFC, two-space indentation, a final newline, no BOM.
 * Pure functions: the content never changes, only its form.
 */

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  type?: string | string[];
};
type Root = Schema & { definitions?: Record<string, Schema> };

function resolve(schema: Schema | undefined, root: Root): Schema | undefined {
  let s = schema;
  for (let hops = 0; s?.$ref !== undefined && hops < 32; hops++) {
    const name = s.$ref.replace(/^#\/definitions\//, '');
    s = root.definitions?.[name];
  }
  return s;
}

/** The branch of an anyOf/oneOf that describes a value of this shape. */
function branchFor(value: unknown, schema: Schema | undefined, root: Root): Schema | undefined {
  const s = resolve(schema, root);
  const branches = s?.anyOf ?? s?.oneOf;
  if (!branches) return s;
  const shape = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  for (const b of branches) {
    const r = branchFor(value, b, root);
    const type = r?.type;
    if (type === shape || (Array.isArray(type) && type.includes(shape))) return r;
    if (shape === 'object' && r?.properties) return r;
    if (shape === 'array' && r?.items) return r;
  }
  return undefined;
}

/** The value with keys in schema order (and, when `nfc`, strings normalised). */
export function canonicalValue(value: unknown, schema: Schema | undefined, root: Root, nfc = true): unknown {
  if (typeof value === 'string') return nfc ? value.normalize('NFC') : value;
  const s = branchFor(value, schema, root);
  if (Array.isArray(value)) return value.map((v) => canonicalValue(v, s?.items, root, nfc));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const known = Object.keys(s?.properties ?? {}).filter((k) => Object.hasOwn(record, k));
    const rest = Object.keys(record).filter((k) => !known.includes(k));
    const out: Record<string, unknown> = {};
    for (const k of [...known, ...rest]) {
      Object.defineProperty(out, k, {
        value: canonicalValue(record[k], s?.properties?.[k], root, nfc),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** The canonical text of a record. */
export function canonicalText(value: unknown, schema: object): string {
  return `${JSON.stringify(canonicalValue(value, schema, schema), null, 2)}\n`;
}
