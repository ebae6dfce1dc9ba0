/**
 * Generates the JSON Schemas from the TypeScript types with typescript-json-schema, then applies the few
 * post-processing steps the generator needs (each explained where it happens).
 */
import { resolve } from 'node:path';
import * as TJS from 'typescript-json-schema';
import ts from 'typescript';
import { assertTypeChecks } from '../publish/compile.ts';
import { KINDS_KEYWORD, kindsComment } from './references.ts';

type JsonObject = { [key: string]: unknown };

/** The record types that get a schema of their own (`Article` → `article.schema.json`, titled `Article`). */
const ROOT_TYPES = ['Article', 'Entity', 'Outlet', 'Redirect'];
const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

const GENERATOR_SETTINGS: TJS.PartialArgs = {
  required: true, // non-optional properties are required
  noExtraProps: true, // objects are closed: additionalProperties false
  strictNullChecks: true,
  aliasRef: true, // named aliases (Id, PartialDate…) become definitions
  validationKeywords: [KINDS_KEYWORD], // the kinds of entity a reference accepts (scripts/lib/references.ts)
  topRef: false,
  titles: false,
  ignoreErrors: false,
};

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  // Bundler resolution gives definitions plain names (`Headline`, not `import("…").Headline`).
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  // The types stand alone: no @types package (Node.js's is large) is part of the program, and the standard
  // library's declarations are not checked again. Generating and checking then take a fraction of the time.
  types: [],
  skipLibCheck: true,
};

/** Generates every root schema from `typesDir/index.ts`. Returns file name → schema object. */
export function generateSchemas(typesDir: string, majorVersion: number, command: string): Map<string, JsonObject> {
  const entry = resolve(typesDir, 'index.ts');
  const program = TJS.getProgramFromFiles([entry], COMPILER_OPTIONS);
  assertTypeChecks(program, process.cwd(), 'The types do not compile');
  const generator = TJS.buildGenerator(program, GENERATOR_SETTINGS);
  if (!generator) throw new Error('typescript-json-schema could not build a generator for the types.');
  const nullableAliases = findNullableAliases(program, resolve(typesDir));
  const propertyOrders = findPropertyOrders(program, resolve(typesDir));

  const schemas = new Map<string, JsonObject>();
  for (const root of ROOT_TYPES) {
    const raw = generator.getSchemaForSymbol(root) as JsonObject;
    restoreNullableAliases(raw, root, nullableAliases, generator);
    mergeNumberedDuplicates(raw);
    orderProperties(raw, root, propertyOrders);
    kindsToComments(raw);
    schemas.set(`${root.toLowerCase()}.schema.json`, finish(raw, root, majorVersion, command));
  }
  return schemas;
}

/** interface name → property name → alias name, for properties declared as `Alias | null` or `Alias[]`. */
type NullableAliases = Map<string, Map<string, { alias: string; list: boolean }>>;

/**
 * TypeScript erases an alias of a primitive inside a union or a list (`HttpUrl | null` is just `string | null` to
 * the checker, `EntityId[]` just `string[]`), so the generator emits `type: ["null", "string"]` or string items and
 * loses the alias's pattern, and the reference an `EntityId` declares. The declarations still name the alias: read
 * it from them, so the schema can say `anyOf: [{ $ref: HttpUrl }, { type: null }]` or `items: { $ref: EntityId }`.
 */
function findNullableAliases(program: ts.Program, typesDir: string): NullableAliases {
  const checker = program.getTypeChecker();
  const result: NullableAliases = new Map();
  for (const node of interfacesIn(program, typesDir)) {
    const props = new Map<string, { alias: string; list: boolean }>();
    for (const symbol of checker.getPropertiesOfType(checker.getTypeAtLocation(node))) {
      const declaration = symbol.declarations?.[0];
      if (!declaration || !ts.isPropertySignature(declaration) || !declaration.type) continue;
      const typeNode = declaration.type;
      const isNull = (n: ts.TypeNode | undefined) =>
        n !== undefined && ts.isLiteralTypeNode(n) && n.literal.kind === ts.SyntaxKind.NullKeyword;
      const list = ts.isArrayTypeNode(typeNode);
      let ref: ts.TypeNode | undefined;
      if (list) ref = typeNode.elementType;
      else if (ts.isUnionTypeNode(typeNode) && typeNode.types.length === 2) {
        const [first, second] = typeNode.types;
        ref = isNull(second) ? first : isNull(first) ? second : undefined;
      }
      if (!ref || !ts.isTypeReferenceNode(ref) || !ts.isIdentifier(ref.typeName)) continue;
      const aliased = checker.getTypeAtLocation(ref);
      if (!(aliased.flags & (ts.TypeFlags.String | ts.TypeFlags.Number))) continue;
      props.set(symbol.name, { alias: ref.typeName.text, list });
    }
    if (props.size > 0) result.set(node.name.text, props);
  }
  return result;
}

/** The interfaces declared in the types folder. */
function interfacesIn(program: ts.Program, typesDir: string): ts.InterfaceDeclaration[] {
  return program
    .getSourceFiles()
    .filter((file) => resolve(file.fileName).startsWith(typesDir))
    .flatMap((file) => file.statements.filter(ts.isInterfaceDeclaration));
}

/** Applies `fix` to the root type's schema and to each definition, by type name. */
function eachType(schema: JsonObject, rootType: string, fix: (typeName: string, node: JsonObject) => void): void {
  fix(rootType, schema);
  for (const [name, definition] of Object.entries((schema.definitions ?? {}) as Record<string, JsonObject>))
    fix(name, definition);
}

function restoreNullableAliases(
  schema: JsonObject,
  rootType: string,
  nullableAliases: NullableAliases,
  generator: TJS.JsonSchemaGenerator,
): void {
  const definitions = (schema.definitions ??= {}) as Record<string, JsonObject>;
  const patch = (typeName: string, node: JsonObject) => {
    const props = nullableAliases.get(typeName);
    const properties = node.properties as Record<string, JsonObject> | undefined;
    if (!props || !properties) return;
    for (const [prop, { alias, list }] of props) {
      const current = properties[prop];
      if (!current) continue;
      const { type: _type, ...annotations } = current; // the description, and the kinds an `EntityId` accepts
      if (list) current.items = { $ref: `#/definitions/${alias}` };
      else properties[prop] = { ...annotations, anyOf: [{ $ref: `#/definitions/${alias}` }, { type: 'null' }] };
      if (!definitions[alias]) {
        const aliasSchema = generator.getSchemaForSymbol(alias) as JsonObject;
        delete aliasSchema.$schema;
        definitions[alias] = aliasSchema;
      }
    }
  };
  eachType(schema, rootType, patch);
}

/**
 * interface name → its property names, inherited ones first (as a reader expects: `id` and `selector` of
 * `AnnotationBase` before a mention's own fields), then its own in declaration order.
 */
function findPropertyOrders(program: ts.Program, typesDir: string): Map<string, string[]> {
  const declarations = new Map(interfacesIn(program, typesDir).map((node) => [node.name.text, node]));
  const orderOf = (name: string): string[] => {
    const node = declarations.get(name);
    if (!node) return [];
    const inherited = (node.heritageClauses ?? []).flatMap((clause) =>
      clause.types.flatMap((t) => (ts.isIdentifier(t.expression) ? orderOf(t.expression.text) : [])),
    );
    const own = node.members.flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : []));
    return [...new Set([...inherited, ...own])];
  };
  return new Map([...declarations.keys()].map((name) => [name, orderOf(name)]));
}

function orderProperties(schema: JsonObject, rootType: string, orders: Map<string, string[]>): void {
  eachType(schema, rootType, (typeName, node) => {
    const order = orders.get(typeName);
    const properties = node.properties as Record<string, unknown> | undefined;
    if (!order || !properties) return;
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    node.properties = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => rank(a) - rank(b)));
  });
}

/**
 * The generator numbers a second copy of a definition it has already emitted (`Id_1` beside `Id`) when it meets the
 * type through an optional property. Identical copies are merged back into the original.
 */
function mergeNumberedDuplicates(schema: JsonObject): void {
  const definitions = schema.definitions as Record<string, unknown> | undefined;
  if (!definitions) return;
  const renames = new Map<string, string>();
  for (const name of Object.keys(definitions)) {
    const match = /^(.+)_\d+$/.exec(name);
    const base = match?.[1];
    if (base && base in definitions && JSON.stringify(definitions[base]) === JSON.stringify(definitions[name])) {
      renames.set(`#/definitions/${name}`, `#/definitions/${base}`);
      delete definitions[name];
    }
  }
  if (renames.size === 0) return;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const object = node as JsonObject;
    if (typeof object.$ref === 'string' && renames.has(object.$ref)) object.$ref = renames.get(object.$ref);
    Object.values(object).forEach(visit);
  };
  visit(schema);
}

/** Each `entityKinds` keyword becomes the node's `$comment` (scripts/lib/references.ts says why). */
function kindsToComments(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  const object = node as JsonObject;
  const kinds = object[KINDS_KEYWORD];
  if (Array.isArray(kinds)) {
    delete object[KINDS_KEYWORD];
    object.$comment = kindsComment(kinds as string[]);
  }
  Object.values(object).forEach(kindsToComments);
}

/** Puts the header keywords first and sorts definitions by name, so the output is stable and readable. */
function finish(raw: JsonObject, title: string, majorVersion: number, command: string): JsonObject {
  const { $schema: _ignored, definitions, description, ...rest } = raw;
  const sortedDefinitions = Object.fromEntries(
    Object.entries((definitions ?? {}) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return {
    $comment: `Generated file: do not edit. Regenerate with \`${command}\` from the TypeScript types in types/.`,
    $schema: JSON_SCHEMA_DIALECT,
    // The `$id` carries the dataset's major version, so a breaking change gets a new id.
    $id: `urn:annotated-news:schema:v${majorVersion}:${title.toLowerCase()}`,
    title,
    description,
    ...rest,
    definitions: sortedDefinitions,
  };
}
