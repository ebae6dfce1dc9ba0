/**
 * The download bundle: one archive per version for people who do not use npm. It holds every resource the built
 * `datapackage.json` describes (so every format of scripts/publish/formats/index.ts: the JSON, JSONL and CSV files,
 * Parquet, SQLite, the annotation exports, the metadata), the descriptor itself, a README written for the bundle
 * (also its Hugging Face dataset card), the licences, the changelog and a SHA256SUMS file of the bundle's own files,
 * under one folder `annotated-news-<version>/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fail } from '../lib/cli.ts';
import { fsProblem, readRegularFile } from '../lib/regular-file.ts';
import { generatedNotice } from '../lib/generated.ts';
import { createTar, gzipDeterministic } from './tar.ts';
import { cardFrontMatter, DATASHEET, type Resource } from './dataset-card.ts';

export const BUNDLE_COMMAND = 'npm run bundle';
/** Files from the repository root that every bundle carries. */
export const ROOT_FILES = ['LICENSE', 'LICENSE-DATA.md', 'CHANGELOG.md'] as const;

interface DataPackage {
  name?: string;
  title?: string;
  version?: string;
  description?: string;
  keywords?: string[];
  resources?: Resource[];
}

export interface Bundle {
  /** `annotated-news-0.1.0`: the archive's folder, and its file name without `.tar.gz`. */
  name: string;
  version: string;
  /** Path inside the archive → content. */
  files: Map<string, Buffer>;
}

const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/** A resource path the bundle can carry: relative, inside the build folder, not a URL. */
function localPath(path: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return null; // a URL: nothing to copy
  const clean = normalize(path).split(sep).join('/');
  if (clean.startsWith('../') || clean === '..' || clean.startsWith('/')) {
    fail(`datapackage.json names a resource outside the build folder: ${path}`, 1);
  }
  return clean;
}

/** Exits with a user error unless `buildDir` is a build folder (`npm run build`'s output). */
export function requireBuild(buildDir: string): void {
  if (!existsSync(join(buildDir, 'datapackage.json'))) {
    fail(
      `${buildDir} has no datapackage.json. Run \`npm run build\` first, or let \`${BUNDLE_COMMAND}\` build ` +
        `into a temporary folder.`,
      1,
    );
  }
}

/** Reads a file of the build folder: only a regular file (never a FIFO or a link out of the folder). */
function readBuildFile(path: string): Buffer {
  try {
    return readRegularFile(path);
  } catch (error) {
    const problem = fsProblem(error, 'file');
    return fail(`${path}: ${problem.message}. Hint: ${problem.hint}`, 1);
  }
}

/** Gathers a bundle's files from a build folder (`npm run build`'s output) and the repository root. */
export function collectBundle(buildDir: string, rootDir: string): Bundle {
  requireBuild(buildDir);
  const descriptorPath = join(buildDir, 'datapackage.json');
  const descriptorBytes = readBuildFile(descriptorPath);
  let descriptor: DataPackage;
  try {
    descriptor = JSON.parse(descriptorBytes.toString('utf8')) as DataPackage;
  } catch (error) {
    return fail(
      `${descriptorPath} is not valid JSON (${(error as Error).message}). Hint: rebuild it with \`npm run build\`.`,
      1,
    );
  }
  if (descriptor === null || typeof descriptor !== 'object')
    fail(`${descriptorPath} does not hold a JSON object. Hint: rebuild it with \`npm run build\`.`, 1);
  const version = descriptor.version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(?:-rc\.\d+)?$/.test(version))
    fail(`${descriptorPath} has no "version" MAJOR.MINOR.PATCH (or MAJOR.MINOR.PATCH-rc.N).`, 1);
  const name = `${descriptor.name ?? 'annotated-news'}-${version}`;

  const content = new Map<string, Buffer>();
  content.set('datapackage.json', descriptorBytes);
  for (const resource of descriptor.resources ?? []) {
    for (const path of [resource.path ?? []].flat()) {
      const local = localPath(path);
      if (local === null) continue;
      const file = join(buildDir, local);
      if (!existsSync(file))
        fail(`datapackage.json lists ${path}, but ${file} does not exist. Rebuild with \`npm run build\`.`, 1);
      content.set(local, readBuildFile(file));
    }
  }
  for (const file of ROOT_FILES) {
    const path = join(rootDir, file);
    if (!existsSync(path)) fail(`${path} is missing; every bundle carries ${ROOT_FILES.join(', ')}.`, 1);
    content.set(file, readFileSync(path));
  }
  content.set('README.md', Buffer.from(renderBundleReadme(descriptor, version, name, content), 'utf8'));
  content.set('SHA256SUMS', Buffer.from(renderSha256Sums(content), 'utf8'));

  const files = new Map<string, Buffer>();
  for (const [path, bytes] of content) files.set(`${name}/${path}`, bytes);
  return { name, version, files };
}

/** `sha256sum -c SHA256SUMS` checks the bundle after unpacking. Sorted by path. */
export function renderSha256Sums(files: ReadonlyMap<string, Uint8Array>): string {
  return [...files.keys()]
    .sort()
    .map((path) => `${sha256(files.get(path)!)}  ${path}\n`)
    .join('');
}

function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** A resource's row: its file, or the folder its files share and how many (a resource with several paths). */
function pathCell(r: Resource): string {
  const paths = [r.path ?? []].flat();
  if (paths.length === 1) return `\`${paths[0]}\``;
  let folder = paths[0]?.slice(0, paths[0].lastIndexOf('/') + 1) ?? '';
  while (!paths.every((p) => p.startsWith(folder)))
    folder = folder.slice(0, folder.lastIndexOf('/', folder.length - 2) + 1);
  return `${folder ? `\`${folder}\` ` : ''}(${paths.length} files)`;
}

/**
 * How to load the bundle in each tool: run from the unpacked folder. `duckdb` and `sqlite` examples are SQL that
 * tests/release-bundle.test.ts runs against a real bundle.
 */
export const LOADING: ReadonlyArray<{ tool: string; text: string; duckdb?: string; sqlite?: string }> = [
  {
    tool: 'DuckDB',
    text: 'keeps `null` and the empty string apart:',
    duckdb: "SELECT * FROM read_csv('csv/articles.csv', header = true, allow_quoted_nulls = false);",
  },
  {
    tool: 'pandas',
    text:
      '`pd.read_csv("csv/articles.csv", keep_default_na=False, na_values=[""])` (pandas reads both an empty cell ' +
      'and `""` as missing), or load every table with its types from `datapackage.json` with `frictionless`.',
  },
  {
    tool: 'R',
    text: '`frictionless::read_package("datapackage.json")`, or `readr::read_csv("csv/articles.csv", na = "")`.',
  },
  { tool: 'Excel', text: 'Data → From Text/CSV, file origin UTF-8, columns as text.' },
  {
    tool: 'JSON',
    text:
      '`data.json` holds the whole dataset; `jsonl/` one flat record per line, sorted by id, for streaming. ' +
      'In DuckDB:',
    duckdb: "SELECT id, headline.text FROM read_json('jsonl/articles.jsonl', format = 'newline_delimited');",
  },
  {
    tool: 'Parquet',
    text:
      '(typed; null and `""` apart; one file per table, each with its own columns): ' +
      '`pd.read_parquet("parquet/articles.parquet")`, `arrow::read_parquet("parquet/articles.parquet")`, or in DuckDB:',
    duckdb: "SELECT * FROM 'parquet/articles.parquet';",
  },
  {
    tool: 'SQLite',
    text:
      '`sqlite3 annotated-news.sqlite` or `datasette annotated-news.sqlite`: every table with its keys, views with ' +
      'names beside ids (`mentions_with_names`, `quotes_with_names`…), and full-text search:',
    sqlite:
      "SELECT id FROM articles WHERE rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'neodymium');",
  },
  {
    tool: 'Hugging Face `datasets`',
    text:
      '`load_dataset("json", data_files="jsonl/articles.jsonl")`, or this folder as a dataset repository ' +
      "(this README's `configs` name each JSONL and Parquet file).",
  },
];

/** The bundle's README: what is inside, how to load it, the licences, and how to check the files. */
export function renderBundleReadme(
  descriptor: DataPackage,
  version: string,
  name: string,
  files: ReadonlyMap<string, Uint8Array>,
): string {
  const resources = descriptor.resources ?? [];
  const size = (r: Resource) =>
    typeof r.path === 'string' ? (files.get(r.path)?.length ?? r.bytes ?? 0) : (r.bytes ?? 0);
  const row = (r: Resource) => `| ${pathCell(r)} | ${humanBytes(size(r))} | ${cell(r.description ?? '')} |`;
  const loading = LOADING.map(({ tool, text, duckdb, sqlite }) => {
    const code = duckdb ?? sqlite;
    return `- **${tool}**: ${text}${code ? `\n\n  \`\`\`sql\n  ${code}\n  \`\`\`` : ''}`;
  }).join('\n');
  return `${cardFrontMatter(descriptor, generatedNotice(BUNDLE_COMMAND))}
# ${descriptor.title ?? 'annotated-news'} ${version}

${descriptor.description ?? ''}

This archive (\`${name}.tar.gz\`) is the download bundle of version ${version} of the dataset, for people who do not
use npm. It holds every file \`datapackage.json\` describes; the npm package
\`${descriptor.name ?? 'annotated-news'}@${version}\` ships a part of them (a resource it does not ship says so in its
description). It was made with \`${BUNDLE_COMMAND}\` from the dataset at version ${version} (the \`v${version}\`
release tag). Every file carries the version (\`datapackage.json\`'s \`version\`, the JSON files' \`version\`).
\`CHANGELOG.md\` says what changed between versions; the project's README gives the versioning policy (what makes a
major, minor or patch release).

## What is inside

\`datapackage.json\` is a Frictionless Data Package (v2) descriptor: every table's columns, types, descriptions,
primary and foreign keys, and each file's size and SHA-256 hash.

| file | size | contents |
| --- | --- | --- |
${resources.map(row).join('\n')}

CSV files are RFC 4180, UTF-8 without a byte-order mark, CRLF line ends, with a header row. An empty, unquoted
cell is \`null\` (not known); an empty string is written \`""\`. Lists are child tables, never joined in one cell.
Cells are verbatim: none is altered to defuse spreadsheet formulas, so do not open the CSVs in a spreadsheet
directly; import them as text.

## Loading it

Records are sorted by \`id\` in every file (compared by UTF-16 code units, as JavaScript's \`<\` and DuckDB's
\`ORDER BY id\` do for these ASCII ids).

${loading}

## Licences

- \`LICENSE-DATA.md\`: the annotations, curator-written text and registries are CC BY 4.0. **The article text is not
  licensed by the dataset**; each article's \`rights\` field says what is known, and LICENSE-DATA.md what that means
  for reuse.
- \`LICENSE\`: MIT, for the code and the generated schemas.

${DATASHEET}
## Checking the files

\`\`\`sh
sha256sum -c SHA256SUMS
\`\`\`
`;
}

/** The bundle as one deterministic .tar.gz: the same files give the same bytes. */
export function packBundle(bundle: Bundle): Buffer {
  return gzipDeterministic(createTar(bundle.files));
}
