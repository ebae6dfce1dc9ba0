/**
 * The download bundle: one archive per version for people who do not use npm. It holds every resource the built
 * `datapackage.json` describes (so every format of scripts/publish/formats/index.ts: the JSON, JSONL and CSV files,
 * Parquet, SQLite, the annotation exports, the metadata), the descriptor itself, a README written for the bundle,
 * the licences, the changelog and a SHA256SUMS file of the bundle's own files, under one folder
 * `annotated-news-<version>/`.
 *
 * The README is also a Hugging Face dataset card: YAML front matter (licence, language, tags, and `configs` that
 * point at the JSONL and Parquet files, so `load_dataset` and the dataset viewer find them) and the sections of a
 * datasheet (Gebru et al., "Datasheets for Datasets"): motivation, composition, collection and annotation process,
 * uses, distribution, maintenance.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { dump } from 'js-yaml';
import { fail } from '../lib/cli.ts';
import { fsProblem, readRegularFile } from '../lib/regular-file.ts';
import { generatedNotice } from '../lib/generated.ts';
import { createTar, gzipDeterministic } from './tar.ts';

/** Files from the repository root that every bundle carries. */
const ROOT_FILES = ['LICENSE', 'LICENSE-DATA.md', 'CHANGELOG.md'] as const;

/** A resource of the built datapackage.json, as far as the bundle reads it. */
interface Resource {
  name?: string;
  path?: string | string[];
  description?: string;
  bytes?: number;
  format?: string;
}

interface DataPackage {
  name?: string;
  title?: string;
  version?: string;
  description?: string;
  keywords?: string[];
  resources?: Resource[];
}

/** Exits with a user error unless `buildDir` is a build folder (`npm run build`'s output). */
export function requireBuild(buildDir: string): void {
  if (!existsSync(join(buildDir, 'datapackage.json'))) {
    fail(
      `${buildDir} has no datapackage.json. Run \`npm run build\` first, or let \`npm run bundle\` build ` +
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

/**
 * The bundle of a build folder (`npm run build`'s output) and the repository root: its name
 * (`annotated-news-0.1.0`, the archive's folder and file name) and its files, by path inside the archive.
 */
export function collectBundle(buildDir: string, rootDir: string): { name: string; files: Map<string, Buffer> } {
  requireBuild(buildDir);
  const descriptorPath = join(buildDir, 'datapackage.json');
  const descriptorBytes = readBuildFile(descriptorPath);
  let descriptor: DataPackage;
  try {
    descriptor = JSON.parse(descriptorBytes.toString('utf8')) as DataPackage;
  } catch (error) {
    const why = (error as Error).message;
    return fail(`${descriptorPath} is not valid JSON (${why}). Hint: rebuild it with \`npm run build\`.`, 1);
  }
  if (descriptor === null || typeof descriptor !== 'object')
    fail(`${descriptorPath} does not hold a JSON object. Hint: rebuild it with \`npm run build\`.`, 1);
  const version = descriptor.version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(?:-rc\.\d+)?$/.test(version))
    fail(`${descriptorPath} has no "version" MAJOR.MINOR.PATCH (or MAJOR.MINOR.PATCH-rc.N).`, 1);
  const name = `${descriptor.name ?? 'annotated-news'}-${version}`;

  const content = new Map<string, Buffer>([['datapackage.json', descriptorBytes]]);
  for (const path of (descriptor.resources ?? []).flatMap((resource) => [resource.path ?? []].flat())) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) continue; // a URL: nothing to copy
    const local = normalize(path).split(sep).join('/');
    if (local.startsWith('../') || local === '..' || local.startsWith('/'))
      fail(`datapackage.json names a resource outside the build folder: ${path}`, 1);
    const file = join(buildDir, local);
    if (!existsSync(file))
      fail(`datapackage.json lists ${path}, but ${file} does not exist. Rebuild with \`npm run build\`.`, 1);
    content.set(local, readBuildFile(file));
  }
  for (const file of ROOT_FILES) {
    const path = join(rootDir, file);
    if (!existsSync(path)) fail(`${path} is missing; every bundle carries ${ROOT_FILES.join(', ')}.`, 1);
    content.set(file, readFileSync(path));
  }
  content.set('README.md', Buffer.from(renderBundleReadme(descriptor, version, name, content), 'utf8'));
  // `sha256sum -c SHA256SUMS` checks the bundle after unpacking.
  const sums = [...content.keys()].sort().map((path) => {
    return `${createHash('sha256').update(content.get(path)!).digest('hex')}  ${path}\n`;
  });
  content.set('SHA256SUMS', Buffer.from(sums.join(''), 'utf8'));
  return { name, files: new Map([...content].map(([path, bytes]) => [`${name}/${path}`, bytes])) };
}

/** The bundle as one deterministic .tar.gz: the same files give the same bytes. */
export const packBundle = (files: ReadonlyMap<string, Uint8Array>) => gzipDeterministic(createTar(files));

/**
 * The card's front matter: one config per JSONL collection (the articles first, the default) and one per Parquet
 * table (`table_<name>`), each a single `train` split; a resource with several files (shards) is one config whose
 * `path` lists them.
 */
function cardFrontMatter(descriptor: DataPackage): string {
  const resources = descriptor.resources ?? [];
  const config = (name: string, r: Resource, isDefault: boolean) => {
    const paths = [r.path ?? []].flat();
    const data_files = [{ split: 'train', path: paths.length === 1 ? paths[0] : paths }];
    return { config_name: name, ...(isDefault ? { default: true } : {}), data_files };
  };
  const stem = (r: Resource) =>
    ([r.path ?? []].flat()[0] ?? '').replace(/^(?:jsonl|parquet)\//, '').replace(/\.(?:jsonl|parquet)$/, '');
  const card = {
    license: 'other',
    license_name: 'cc-by-4.0-annotations-unlicensed-article-text',
    license_link: 'LICENSE-DATA.md',
    language: ['en'],
    pretty_name: 'Annotated news',
    task_categories: ['token-classification', 'text-classification'],
    tags: descriptor.keywords ?? [],
    configs: [
      ...resources
        .filter((r) => r.format === 'jsonl' && r.name?.endsWith('-jsonl'))
        .map((r) => config(stem(r), r, stem(r) === 'articles')),
      ...resources.filter((r) => r.format === 'parquet').map((r) => config(`table_${stem(r)}`, r, false)),
    ],
  };
  return `---\n# ${generatedNotice('npm run bundle')}\n${dump(card, { lineWidth: -1 })}---\n`;
}

function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A resource's row: its file, or the folder its files share and how many (a resource with several paths). */
function resourceRow(r: Resource, files: ReadonlyMap<string, Uint8Array>): string {
  const paths = [r.path ?? []].flat();
  let where = `\`${paths[0]}\``;
  if (paths.length !== 1) {
    let folder = paths[0]?.slice(0, paths[0].lastIndexOf('/') + 1) ?? '';
    while (!paths.every((p) => p.startsWith(folder)))
      folder = folder.slice(0, folder.lastIndexOf('/', folder.length - 2) + 1);
    where = `${folder ? `\`${folder}\` ` : ''}(${paths.length} files)`;
  }
  const size = typeof r.path === 'string' ? (files.get(r.path)?.length ?? r.bytes ?? 0) : (r.bytes ?? 0);
  const contents = (r.description ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  return `| ${where} | ${humanBytes(size)} | ${contents} |`;
}

/**
 * The bundle's README: what is inside, how to load it (run from the unpacked folder; tests/release-bundle.test.ts
 * runs each SQL example against a real bundle), the licences, the datasheet, and how to check the files. A `\` at
 * the end of a line joins it to the next.
 */
function renderBundleReadme(
  descriptor: DataPackage,
  version: string,
  name: string,
  files: ReadonlyMap<string, Uint8Array>,
): string {
  const packageName = descriptor.name ?? 'annotated-news';
  return `${cardFrontMatter(descriptor)}
# ${descriptor.title ?? 'annotated-news'} ${version}

${descriptor.description ?? ''}

This archive (\`${name}.tar.gz\`) is the download bundle of version ${version} of the dataset, for people who do not
use npm. It holds every file \`datapackage.json\` describes; the npm package
\`${packageName}@${version}\` ships a part of them (a resource it does not ship says so in its
description). It was made with \`npm run bundle\` from the dataset at version ${version} (the \`v${version}\`
release tag). Every file carries the version (\`datapackage.json\`'s \`version\`, the JSON files' \`version\`).
\`CHANGELOG.md\` says what changed between versions; the project's README gives the versioning policy (what makes a
major, minor or patch release).

## What is inside

\`datapackage.json\` is a Frictionless Data Package (v2) descriptor: every table's columns, types, descriptions,
primary and foreign keys, and each file's size and SHA-256 hash.

| file | size | contents |
| --- | --- | --- |
${(descriptor.resources ?? []).map((r) => resourceRow(r, files)).join('\n')}

CSV files are RFC 4180, UTF-8 without a byte-order mark, CRLF line ends, with a header row. An empty, unquoted
cell is \`null\` (not known); an empty string is written \`""\`. Lists are child tables, never joined in one cell.
Cells are verbatim: none is altered to defuse spreadsheet formulas, so do not open the CSVs in a spreadsheet
directly; import them as text.

## Loading it

Records are sorted by \`id\` in every file (compared by UTF-16 code units, as JavaScript's \`<\` and DuckDB's
\`ORDER BY id\` do for these ASCII ids).

- **DuckDB**: keeps \`null\` and the empty string apart:

  \`\`\`sql
  SELECT * FROM read_csv('csv/articles.csv', header = true, allow_quoted_nulls = false);
  \`\`\`
- **pandas**: \`pd.read_csv("csv/articles.csv", keep_default_na=False, na_values=[""])\` (pandas reads both an \
empty cell and \`""\` as missing), or load every table with its types from \`datapackage.json\` with \`frictionless\`.
- **R**: \`frictionless::read_package("datapackage.json")\`, or \`readr::read_csv("csv/articles.csv", na = "")\`.
- **Excel**: Data → From Text/CSV, file origin UTF-8, columns as text.
- **JSON**: \`data.json\` holds the whole dataset; \`jsonl/\` one flat record per line, sorted by id, for \
streaming. In DuckDB:

  \`\`\`sql
  SELECT id, headline.text FROM read_json('jsonl/articles.jsonl', format = 'newline_delimited');
  \`\`\`
- **Parquet**: (typed; null and \`""\` apart; one file per table, each with its own columns): \
\`pd.read_parquet("parquet/articles.parquet")\`, \`arrow::read_parquet("parquet/articles.parquet")\`, or in DuckDB:

  \`\`\`sql
  SELECT * FROM 'parquet/articles.parquet';
  \`\`\`
- **SQLite**: \`sqlite3 annotated-news.sqlite\` or \`datasette annotated-news.sqlite\`: every table with its keys, \
views with names beside ids (\`mentions_with_names\`, \`quotes_with_names\`…), and full-text search:

  \`\`\`sql
  SELECT id FROM articles WHERE rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'neodymium');
  \`\`\`
- **Hugging Face \`datasets\`**: \`load_dataset("json", data_files="jsonl/articles.jsonl")\`, or this folder as a \
dataset repository (this README's \`configs\` name each JSONL and Parquet file).

## Licences

- \`LICENSE-DATA.md\`: the annotations, curator-written text and registries are CC BY 4.0. **The article text is not
  licensed by the dataset**; each article's \`rights\` field says what is known, and LICENSE-DATA.md what that means
  for reuse.
- \`LICENSE\`: MIT, for the code and the generated schemas.

## Datasheet

### Motivation

A small, carefully checked corpus for work on news: who is quoted and how, which entities, figures, sources and
events an article mentions, and when. Every annotation points into the article's own text, and a check proves each
one is found there exactly once, so the data can be trusted item by item.

### Composition

News articles, each with its full text (verbatim, block by block), metadata (headline, outlet, authors, dates,
language, provenance, rights) and annotations: entity mentions, quotes (direct, partial, paraphrased; speaker,
attribution, hedges), figures (value, unit, currency), cited sources and events with their time expressions. Curator
inferences (what the text does not say) are kept apart, flagged, with a confidence and a rationale. Registries of
entities and outlets, and redirects for renamed or removed records, complete it. Offsets count Unicode code points
into the article text (the body blocks joined with a line feed).

### Collection and annotation process

Curators choose articles and copy their text verbatim from the source each record names (\`provenance\`). They
annotate by hand in one JSON file per article; \`npm run validate\` checks every file against the JSON Schemas and
every annotation against the text (each W3C TextQuoteSelector must match exactly once). Nothing is inferred silently:
unknown values are \`null\`, and a curator's belief is an inference, not a fact.

### Uses

Information extraction, quote attribution, entity linking and temporal grounding: training, evaluation and
teaching. Not suited to estimating anything about news in general: the corpus is small and chosen, not sampled.

### Distribution

The annotations, registries and curator-written text are CC BY 4.0. **The article text is not licensed by the
dataset**: see each article's \`rights\` and LICENSE-DATA.md.

### Maintenance

Changes arrive by pull request and are checked in CI. Every release has a semantic version and a changelog entry;
a removed or renamed record leaves a redirect behind. Cite the version you used (CITATION.cff in the repository).

## Checking the files

\`\`\`sh
sha256sum -c SHA256SUMS
\`\`\`
`;
}
