/**
 * `npm run fix [-- [--data DIR] [--check] [PATH…]]`: the only script that writes records. Rewrites each record in
 * canonical form (scripts/lib/canonical.ts: schema key order, NFC, two-space indentation, final newline, no BOM)
 * without changing its content, atomically (a temporary file in the same folder, then a rename), and lists what
 * it changed. Files it cannot read safely (bad UTF-8, JSON errors, duplicate keys) are left alone and reported.
 * Exit 0 when done; 1 when a file could not be fixed, or with --check when a file is not canonical; 2 for usage.
 */
import { relative, resolve, sep } from 'node:path';
import { COLLECTIONS, readSchema } from './lib/collections.ts';
import { fixRecord } from './lib/fix-record.ts';
import { readLayout } from './checks/layout.ts';
import { commandLine, fail, runMain } from './lib/cli.ts';
import { npmCommand, printable } from './lib/printable.ts';
import { existsSync } from 'node:fs';
import { checkRecordFolder, writeFileAtomic } from './lib/output-target.ts';
import { readRegularFile } from './lib/regular-file.ts';

const USAGE = `usage: npm run fix -- [--data DIR] [--check] [PATH...]

Rewrites records in canonical form (key order, indentation, final newline, NFC, no BOM) without changing content.
  --data DIR   a folder with the layout of data/ (default: data)
  --check      change nothing; exit 1 if any file is not canonical`;

runMain(() => {
  const { values, positionals } = commandLine(USAGE, {
    data: { type: 'string', default: 'data' },
    check: { type: 'boolean', default: false },
  });
  if (!existsSync(values.data)) fail(`${values.data}: no such data folder`);
  if (!values.check) checkRecordFolder(values.data);
  const chosen = positionals.map((p) => {
    if (!existsSync(p)) fail(`${p}: no such file or folder`);
    return resolve(p);
  });
  const schemas = new Map(COLLECTIONS.map((c) => [c.name, readSchema(c.schema)]));
  const validateCommand = (file: string) =>
    npmCommand('validate', values.data === 'data' ? [file] : ['--data', values.data, file]);
  let changed = 0;
  let failed = 0;
  for (const { collection, path } of readLayout(values.data).records) {
    const abs = resolve(path);
    if (chosen.length > 0 && !chosen.some((c) => abs === c || abs.startsWith(c + sep))) continue;
    const file = relative(process.cwd(), path);
    let bytes: Uint8Array;
    try {
      bytes = readRegularFile(path);
    } catch (error) {
      failed++;
      console.error(`${file}: not fixed: ${printable((error as Error).message)} (see \`${validateCommand(file)}\`)`);
      continue;
    }
    const result = fixRecord(bytes, schemas.get(collection)!);
    if (!result.ok) {
      failed++;
      console.error(`${file}: not fixed: ${printable(result.message)} (see \`${validateCommand(file)}\`)`);
      continue;
    }
    if (!result.changed) continue;
    changed++;
    const { canonical, what } = result;
    if (values.check) {
      console.log(`${file}: not canonical: would have ${what.join(', ')}`);
      continue;
    }
    writeFileAtomic(path, canonical);
    console.log(`${file}: ${what.join(', ')}`);
  }
  const verb = values.check ? 'need fixing' : 'fixed';
  console.log(
    `${changed} file${changed === 1 ? '' : 's'} ${verb}${failed > 0 ? `, ${failed} could not be read safely` : ''}.`,
  );
  return failed > 0 || (values.check && changed > 0) ? 1 : 0;
});
