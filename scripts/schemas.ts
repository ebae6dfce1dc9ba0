/**
 * `npm run schemas`: generates `schemas/*.schema.json` and `docs/data-dictionary.md` from the types in `types/`, and
 * the validators compiled ahead of time from those schemas (scripts/lib/validator-code.ts).
 * `npm run schemas -- --check` writes nothing and exits 1 when the committed files differ from what the types give.
 * `--root DIR` runs against another checkout (the drift test uses a temporary copy).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { generateSchemas } from './lib/schema-gen.ts';
import { renderDataDictionary, renderEnumTable } from './lib/data-dictionary.ts';
import { labelStudioConfig } from './interop/label-studio.ts';
import { notCarriedTable } from './interop/carried.ts';
import { readIfExists, replaceBlock, syncGenerated } from './lib/generated.ts';
import { VALIDATORS_DECLARATIONS, VALIDATORS_MODULE, validatorModule } from './lib/validator-code.ts';
import { commandLine, errorTable, fail, runMain } from './lib/cli.ts';
import { ruleTable } from './checks/rules/index.ts';
import { entityKindsTable } from './checks/rules/entity-kinds.ts';
import { formatTable } from './publish/formats/index.ts';

const COMMAND = 'npm run schemas';
const USAGE = `usage: ${COMMAND} -- [--check] [--root DIR]`;

runMain(() => {
  const { values } = commandLine(
    USAGE,
    { check: { type: 'boolean', default: false }, root: { type: 'string', default: '.' } },
    false,
  );
  const root = resolve(values.root);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  const major = typeof version === 'string' ? Number(version.split('.')[0]) : NaN;
  if (!Number.isInteger(major))
    fail(`package.json has no valid "version" (found ${version === undefined ? 'none' : JSON.stringify(version)}).`);

  const schemas = generateSchemas(join(root, 'types'), major, COMMAND);
  const files = new Map<string, string>();
  for (const [name, schema] of schemas) files.set(join(root, 'schemas', name), `${JSON.stringify(schema, null, 2)}\n`);
  files.set(join(root, 'docs', 'data-dictionary.md'), renderDataDictionary(schemas, COMMAND));
  // Tables in the docs are generated blocks, so they cannot drift from the code: docs/model.md's enumerated values
  // and docs/annotation-guide.md's kinds of entity each reference accepts (from the types), the rules
  // (docs/validation.md), the formats (docs/architecture.md) and the error codes (docs/errors.md). CONTRIBUTING.md
  // shows the Label Studio labelling configuration the export uses, generated from the same code.
  const kinds = (schemas.get('entity.schema.json') as { definitions: { EntityKind: { enum: string[] } } }).definitions
    .EntityKind.enum;
  const blocks: Array<[string, string, string]> = [
    [join('docs', 'model.md'), 'enum-values', renderEnumTable(schemas)],
    [join('docs', 'annotation-guide.md'), 'entity-kinds', entityKindsTable(schemas)],
    [join('docs', 'validation.md'), 'rules', ruleTable()],
    [join('docs', 'architecture.md'), 'formats', formatTable()],
    [join('docs', 'errors.md'), 'error-codes', errorTable()],
    [join('docs', 'using-the-data.md'), 'not-carried', notCarriedTable()],
    [
      'CONTRIBUTING.md',
      'label-studio-config',
      `\`\`\`xml\n${labelStudioConfig(kinds, schemas.get('article.schema.json')).trimEnd()}\n\`\`\``,
    ],
  ];
  for (const [file, block, content] of blocks) {
    const path = join(root, file);
    const text = files.get(path) ?? readIfExists(path);
    if (text === null) continue;
    try {
      files.set(path, replaceBlock(text, block, COMMAND, content));
    } catch (error) {
      fail(`${file}: ${(error as Error).message}`);
    }
  }
  const texts = new Map(
    [...schemas.keys()].map((name) => [name.replace(/\.schema\.json$/, ''), files.get(join(root, 'schemas', name))!]),
  );
  const validators = validatorModule(texts, COMMAND);
  files.set(join(root, VALIDATORS_MODULE), validators.code);
  files.set(join(root, VALIDATORS_DECLARATIONS), validators.declarations);

  const changed = syncGenerated(files, values.check);
  const schemaDir = join(root, 'schemas');
  const stray = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json') && !schemas.has(f));
  const show = (p: string) => relative(process.cwd(), p) || p;

  if (values.check) {
    if (changed.length === 0 && stray.length === 0) {
      console.log(`Schemas and data dictionary are up to date (${files.size} files).`);
      return 0;
    }
    for (const p of changed) console.error(`stale: ${show(p)} differs from what the types generate`);
    for (const f of stray) console.error(`stale: ${show(join(schemaDir, f))} has no type behind it`);
    console.error(`Run \`${COMMAND}\` and commit the result.`);
    return 1;
  }
  if (stray.length > 0) console.error(`note: schemas/ holds files no type generates: ${stray.join(', ')}`);
  console.log(changed.length === 0 ? 'Schemas already up to date.' : `Wrote ${changed.map(show).join(', ')}.`);
  return 0;
});
