/**
 * Every output format, once, in the order their inputs require: each reads the canonical stream
 * (`jsonl/<collection>.jsonl`, written before any format runs) or the files of a format listed before it (SQLite
 * reads the Parquet files); the metadata comes last, derived from every resource before it. To add a format: one module
 * in this folder, one line here, one test (docs/architecture.md).
 */
import type { Format } from './format.ts';
import { articles, json, jsonl } from './json.ts';
import { tables } from './tables.ts';
import { sqlite } from './sqlite.ts';
import { w3c } from './w3c.ts';
import { brat } from './brat.ts';
import { labelStudio } from './label-studio.ts';
import { spacy } from './spacy.ts';
import { runtime } from './runtime.ts';
import { DATA_PACKAGE_PATH, metadata } from './metadata.ts';

export const FORMATS: readonly Format[] = [
  jsonl,
  json,
  articles,
  tables,
  sqlite,
  w3c,
  brat,
  labelStudio,
  spacy,
  runtime,
  metadata,
];

/** The checksum manifest: every file the npm package ships, in `sha256sum` format (`sha256sum -c SHA256SUMS`). */
export const CHECKSUMS_FILE = 'SHA256SUMS';
/** The descriptors beside the resources, both shipped in the npm package: no resource can list itself. */
export const NPM_DESCRIPTORS = [DATA_PACKAGE_PATH, CHECKSUMS_FILE] as const;

/**
 * The formats as a Markdown table (name, what a user gets), generated into docs/architecture.md by `npm run schemas`.
 */
export function formatTable(): string {
  const rows = FORMATS.map((f) => `| \`${f.name}\` | ${f.description} |`);
  return ['| format | what it writes |', '| --- | --- |', ...rows].join('\n');
}
