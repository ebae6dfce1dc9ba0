/**
 * `npm run bundle` (options: USAGE): the download bundle for people who do not use npm, one archive per version:
 * `release/annotated-news-<version>.tar.gz` (git-ignored), with a `.sha256` file beside it. The archive is
 * deterministic: the same data, licences and changelog give byte-identical archives.
 *
 * It holds every resource the built `datapackage.json` describes (so every format of
 * scripts/publish/formats/index.ts: the JSON, JSONL and CSV files, Parquet, SQLite, the annotation exports, the
 * metadata), the descriptor itself, a README written for the bundle, the licences, the changelog and a SHA256SUMS
 * file of the bundle's own files, under one folder `annotated-news-<version>/`.
 *
 * The README is also a Hugging Face dataset card: YAML front matter (licence, language, tags, and `configs` that
 * point at the JSONL and Parquet files, so `load_dataset` and the dataset viewer find them) and the sections of a
 * datasheet (Gebru et al., "Datasheets for Datasets"): motivation, composition, collection and annotation process,
 * uses, distribution, maintenance.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, relative, resolve, sep } from 'node:path';
import { dump } from 'js-yaml';
import { commandLine, fail, runMain } from './lib/cli.ts';
import { generatedNotice, writeAtomic } from './lib/generated.ts';
import { REPO_ROOT, checkTarget, prepareFilesFolder } from './lib/output-target.ts';
import { fsProblem, readRegularFile } from './lib/regular-file.ts';
import { createTar, gzipDeterministic } from './release/tar.ts';

const USAGE = `usage: npm run bundle -- [--from DIR] [--out DIR] [--data DIR]

Builds --data (default data) into a temporary folder (validating it), or takes the build in --from, and packs it.
  --out DIR   where the archive goes (default release); never the data, the sources or a filesystem root`;

/** The build, as `npm run build` starts it. */
const BUILD = [join(import.meta.dirname, 'compiled.mjs'), 'build'];

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
function collectBundle(buildDir: string, rootDir: string): { name: string; files: Map<string, Buffer> } {
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
  content.set('README.md', Buffer.from(renderBundleReadme(descriptor, version, name), 'utf8'));
  // `sha256sum -c SHA256SUMS` checks the bundle after unpacking.
  const sums = [...content.keys()].sort().map((path) => {
    return `${createHash('sha256').update(content.get(path)!).digest('hex')}  ${path}\n`;
  });
  content.set('SHA256SUMS', Buffer.from(sums.join(''), 'utf8'));
  return { name, files: new Map([...content].map(([path, bytes]) => [`${name}/${path}`, bytes])) };
}

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
function resourceRow(r: Resource): string {
  const paths = [r.path ?? []].flat();
  let where = `\`${paths[0]}\``;
  if (paths.length !== 1) {
    let folder = paths[0]?.slice(0, paths[0].lastIndexOf('/') + 1) ?? '';
    while (!paths.every((p) => p.startsWith(folder)))
      folder = folder.slice(0, folder.lastIndexOf('/', folder.length - 2) + 1);
    where = `${folder ? `\`${folder}\` ` : ''}(${paths.length} files)`;
  }
  const contents = (r.description ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  return `| ${where} | ${humanBytes(r.bytes ?? 0)} | ${contents} |`;
}

/**
 * The bundle's README, from the template bundle-readme.md: what is inside, how to load it (run from the unpacked
 * folder; tests/release-bundle.test.ts runs each SQL example against a real bundle), the licences, the datasheet,
 * and how to check the files.
 */
function renderBundleReadme(descriptor: DataPackage, version: string, name: string): string {
  const values: Record<string, string> = {
    card: cardFrontMatter(descriptor),
    title: descriptor.title ?? 'annotated-news',
    description: descriptor.description ?? '',
    version,
    name,
    package: descriptor.name ?? 'annotated-news',
    resources: (descriptor.resources ?? []).map(resourceRow).join('\n'),
  };
  const template = readFileSync(join(import.meta.dirname, 'release', 'bundle-readme.md'), 'utf8');
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key]!);
}

runMain(() => {
  const options = {
    from: { type: 'string' },
    out: { type: 'string', default: 'release' },
    data: { type: 'string', default: 'data' },
  } as const;
  const { values } = commandLine(USAGE, options, false);
  const root = process.cwd();
  // Checked before anything is built or written, so a refused --out or --from costs nothing and writes nothing.
  const target = {
    what: 'the bundle',
    option: '--out',
    dataDirs: [values.data],
    roots: [...new Set([root, REPO_ROOT])],
  };
  checkTarget(values.out, target);
  const from = values.from === undefined ? null : resolve(values.from);
  if (from !== null && !existsSync(join(from, 'datapackage.json'))) {
    const how = 'Run `npm run build` first, or let `npm run bundle` build into a temporary folder.';
    fail(`${from} has no datapackage.json. ${how}`, 1);
  }
  const temporary = from === null ? mkdtempSync(join(tmpdir(), 'annotated-news-bundle-')) : null;
  try {
    const buildDir = from ?? join(temporary!, 'dist');
    if (temporary) {
      const build = spawnSync(process.execPath, [...BUILD, '--data', values.data, '--out', buildDir], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (build.status !== 0) fail(`the build failed (see above); no bundle was written.`, 1);
    }
    const bundle = collectBundle(buildDir, root);
    const archive = gzipDeterministic(createTar(bundle.files));
    const file = join(prepareFilesFolder(values.out, target), `${bundle.name}.tar.gz`);
    const digest = createHash('sha256').update(archive).digest('hex');
    writeAtomic(file, archive);
    writeAtomic(`${file}.sha256`, `${digest}  ${bundle.name}.tar.gz\n`);
    const shown = relative(process.cwd(), file) || file;
    console.log(`Wrote ${shown} (${archive.length} bytes, ${bundle.files.size} files; sha256 ${digest}).`);
    return 0;
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
});
