/**
 * Builds the static dataset site into `<dist>/site/` from a build in `<dist>/`: the landing page with the downloads,
 * the data dictionary, one page per article and per entity, paged lists, and the search index. Plain HTML and CSS
 * that read without JavaScript; a small page script (site/client.ts, compiled by tsc) adds details on hover and
 * focus, and search. Articles are read one at a time; the same build gives byte-identical files.
 *
 * In two stages, so the pages are made while the build still writes its tables and exports: `buildSitePages` needs
 * only `index.json` and the articles' JSON Lines; `finishSite` needs the finished build (its downloads, described
 * in datapackage.json).
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { Entity, Outlet, PublishedArticle, PublishedIndex } from '../../types/index.ts';
import { readLines } from '../lib/lines.ts';
import { articlePath, jsonlPath } from '../publish/json.ts';
import type { CompiledFile } from '../publish/compile.ts';
import { articlePage, articleLayers } from './article-page.ts';
import { dictionaryPage } from './dictionary-page.ts';
import { entityPage, type EntityReference } from './entity-page.ts';
import { findSelectors } from './highlight.ts';
import { esc, jsonLdScript, page } from './html.ts';
import { landingPage, type Download } from './landing-page.ts';
import type { Registry } from './layers.ts';
import { SearchIndex } from './search-index.ts';

export const SITE_DIR = 'site';
/** Entries per page of the article and entity lists. */
const LIST_PAGE_SIZE = 500;

interface Resource {
  path: string;
  format?: string;
  description?: string;
  hash?: string;
}
interface Descriptor {
  name: string;
  title?: string;
  description?: string;
  version: string;
  homepage?: string;
  licenses?: { name?: string; path?: string; title?: string }[];
  resources: Resource[];
}

/** Writes the site's files, creating each folder once. */
class SiteWriter {
  readonly #dirs = new Set<string>();
  files = 0;
  constructor(readonly root: string) {}
  write(path: string, content: string | Buffer): void {
    writeFileSync(this.#place(path), content);
    this.files++;
  }
  /**
   * Puts a file of the build into the site without copying its bytes: a hard link (the build and its site are one
   * folder, so one file system), or a copy where the file system refuses links.
   */
  link(path: string, from: string): void {
    const absolute = this.#place(path);
    try {
      linkSync(from, absolute);
    } catch (error) {
      if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      copyFileSync(from, absolute);
    }
    this.files++;
  }
  #place(path: string): string {
    const absolute = join(this.root, path);
    const dir = dirname(absolute);
    if (!this.#dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#dirs.add(dir);
    }
    return absolute;
  }
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

export interface SiteOptions {
  /** The build (`dist/`). */
  distDir: string;
  /** The repository (for package.json and site/site.css). */
  rootDir: string;
  /** The compiled page script (site/client.ts and what it imports). */
  clientFiles: readonly CompiledFile[];
}

type Emit = (path: string, root: string, content: { title: string; main: string }, head?: string) => void;

/** The site's pages so far, for `finishSite`. */
export interface SitePages {
  site: SiteWriter;
  index: PublishedIndex;
  /** The dataset the pages name: package.json's name and the build's version. */
  dataset: { name: string; version: string };
  emit: Emit;
}

/** Builds the whole site from a finished build. */
export function buildSite(options: SiteOptions): { files: number; articles: number; entities: number } {
  return finishSite(buildSitePages(options), options);
}

/**
 * The article, entity, list and search pages and the search index, from `index.json` and `jsonl/articles.jsonl`:
 * the build has written both once its records are out, before its tables and exports.
 */
export function buildSitePages({ distDir, rootDir }: Pick<SiteOptions, 'distDir' | 'rootDir'>): SitePages {
  const site = new SiteWriter(join(distDir, SITE_DIR));
  const index = readJson<PublishedIndex>(join(distDir, 'index.json'));
  const dataset = { name: readJson<{ name: string }>(join(rootDir, 'package.json')).name, version: index.version };
  const emit: Emit = (path, root, { title, main }, head = '') =>
    site.write(path, page({ root, title, main, dataset, head }));

  const entities = new Map<string, Entity>(index.entities.map((e) => [e.id, e]));
  const outlets = new Map<string, Outlet>(index.outlets.map((o) => [o.id, o]));
  const registry: Registry & { outletName(id: string | null): string | null } = {
    entity: (id) => entities.get(id),
    outlet: (id) => outlets.get(id),
    entityHref: (id) => `../entities/${id}.html`,
    outletName: (id) => (id === null ? null : (outlets.get(id)?.name ?? id)),
  };
  const search = new SearchIndex();
  const references = new Map<string, EntityReference[]>();
  const headlines = new Map<string, string>();

  for (const line of readLines(join(distDir, jsonlPath('articles')))) {
    const article = JSON.parse(line) as PublishedArticle;
    headlines.set(article.id, article.headline.text);
    emit(`articles/${article.id}.html`, '../', articlePage(article, registry));
    const named = new Set<string>();
    for (const [layer, annotations] of articleLayers(article)) {
      for (const annotation of annotations) {
        const exact = findSelectors(annotation, '')[0]?.selector.exact ?? '';
        for (const { field, id } of entityIds(annotation, entities)) {
          named.add(id);
          const list = references.get(id) ?? [];
          list.push({ article: article.id, layer, field, annotation: annotation.id, exact });
          references.set(id, list);
        }
      }
    }
    const names = [...named].flatMap((id) => [entities.get(id)!.name, ...entities.get(id)!.aliases]);
    search.add({ kind: 'article', href: `articles/${article.id}.html`, title: article.headline.text }, [
      article.headline.text,
      ...names,
      ...article.body.map((b) => b.text),
    ]);
  }

  for (const entity of index.entities) {
    emit(
      `entities/${entity.id}.html`,
      '../',
      entityPage(entity, references.get(entity.id) ?? [], (id) => headlines.get(id) ?? id),
    );
    search.add({ kind: 'entity', href: `entities/${entity.id}.html`, title: entity.name }, [
      entity.name,
      ...entity.aliases,
    ]);
  }
  for (const [path, text] of search.files()) site.write(path, text);
  if (search.docs.length !== index.articles.length + index.entities.length)
    throw new Error('jsonl/articles.jsonl and index.json list different articles');

  listPages(
    index.articles.map(
      (a) =>
        `<li><a href="${esc(a.id)}.html">${esc(a.headline.text)}</a>${a.datePublished ? ` <time>${esc(a.datePublished)}</time>` : ''}</li>`,
    ),
    'Articles',
    (n) => (n === 1 ? 'articles/index.html' : `articles/page-${n}.html`),
    emit,
  );
  const kindCount = (e: Entity) => references.get(e.id)?.length ?? 0;
  listPages(
    index.entities.map(
      (e) =>
        `<li><a href="${esc(e.id)}.html">${esc(e.name)}</a> <span class="kind">${esc(e.kind)}, ${kindCount(e)} annotation${kindCount(e) === 1 ? '' : 's'}</span></li>`,
    ),
    'Entities',
    (n) => (n === 1 ? 'entities/index.html' : `entities/page-${n}.html`),
    emit,
  );

  emit('search.html', '', {
    title: 'Search',
    main: `<h1>Search</h1>
<p id="search-status" role="status">Search needs JavaScript. Without it, browse the <a href="articles/index.html">articles</a> and <a href="entities/index.html">entities</a>.</p>
<ol id="results" class="results"></ol>`,
  });
  return { site, index, dataset, emit };
}

/**
 * The rest, once the build is finished: the downloads (linked into `site/data/`), the data dictionary, the landing
 * page and the assets.
 */
export function finishSite(
  { site, index, dataset, emit }: SitePages,
  { distDir, rootDir, clientFiles }: SiteOptions,
): { files: number; articles: number; entities: number } {
  const descriptor = readJson<Descriptor>(join(distDir, 'datapackage.json'));
  if (descriptor.name !== dataset.name || descriptor.version !== dataset.version) {
    throw new Error('datapackage.json and index.json describe different datasets');
  }
  // Downloads: each file is linked into the site, with its size and SHA-256 (from datapackage.json when it lists the
  // file, whose hash the build took while writing it; read and hashed here otherwise).
  const copy = (path: string): void => site.link(`data/${path}`, join(distDir, path));
  const downloads: Download[] = [];
  const offer = (path: string, format: string, description: string, listed?: string) => {
    copy(path);
    const bytes = statSync(join(distDir, path)).size;
    const hash = listed?.startsWith('sha256:')
      ? listed.slice('sha256:'.length)
      : sha256(readFileSync(join(distDir, path)));
    downloads.push({ path, format, description, bytes, sha256: hash });
  };
  offer(
    'datapackage.json',
    'json',
    'The Frictionless Data Package v2 descriptor: every file below, its size and hash, and a Table Schema for each table.',
  );
  for (const resource of descriptor.resources)
    offer(resource.path, resource.format ?? 'file', resource.description ?? '', resource.hash);
  const schemaFiles = readdirSync(join(distDir, 'schemas'))
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
  for (const file of schemaFiles)
    offer(`schemas/${file}`, 'json-schema', `The JSON Schema of the ${file.replace('.schema.json', '')} records.`);
  for (const { id } of index.articles) copy(articlePath(id));

  const schemas = new Map(
    schemaFiles.map((file) => [file, readJson<Record<string, unknown>>(join(distDir, 'schemas', file))]),
  );
  emit('dictionary.html', '', dictionaryPage(schemas));
  // The schema.org Dataset description, when the build writes one, goes in the landing page's head for search engines.
  const jsonLd = join(distDir, 'dataset.jsonld');
  const head = existsSync(jsonLd) ? jsonLdScript(readFileSync(jsonLd, 'utf8')) : '';
  emit(
    'index.html',
    '',
    landingPage({
      name: descriptor.name,
      title: descriptor.title ?? descriptor.name,
      description: descriptor.description ?? '',
      version: descriptor.version,
      homepage: descriptor.homepage,
      licenses: descriptor.licenses ?? [],
      downloads,
      counts: { articles: index.articles.length, entities: index.entities.length, outlets: index.outlets.length },
    }),
    head,
  );

  site.write('assets/site.css', readFileSync(join(rootDir, 'site', 'site.css')));
  for (const file of clientFiles) site.write(`assets/${file.path.replace(/^site\//, '')}`, file.text);
  return { files: site.files, articles: index.articles.length, entities: index.entities.length };
}

/**
 * The entity ids an annotation refers to, wherever they are in it (`entity`, `source.entity`, `participants[1]`),
 * each with its field path; selectors and the annotation's own id are skipped.
 */
function entityIds(value: unknown, entities: ReadonlyMap<string, Entity>, path = ''): { field: string; id: string }[] {
  if (typeof value === 'string')
    return path !== 'id' && entities.has(value) ? [{ field: path.replace(/\[\d+\]$/, ''), id: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => entityIds(item, entities, `${path}[${i}]`));
  if (value === null || typeof value !== 'object' || 'exact' in value) return [];
  return Object.entries(value).flatMap(([key, item]) => entityIds(item, entities, path ? `${path}.${key}` : key));
}

/** A list split into pages of `LIST_PAGE_SIZE` entries, with links between the pages. */
function listPages(
  items: readonly string[],
  title: string,
  pathOf: (n: number) => string,
  emit: (path: string, root: string, content: { title: string; main: string }) => void,
): void {
  const pages = Math.max(1, Math.ceil(items.length / LIST_PAGE_SIZE));
  const link = (n: number) => pathOf(n).replace(/^.*\//, '');
  for (let n = 1; n <= pages; n++) {
    const nav =
      pages > 1
        ? `<nav class="pager" aria-label="${esc(title)} pages">${Array.from({ length: pages }, (_, i) => i + 1)
            .map((i) => (i === n ? `<span aria-current="page">${i}</span>` : `<a href="${link(i)}">${i}</a>`))
            .join(' ')}</nav>`
        : '';
    const slice = items.slice((n - 1) * LIST_PAGE_SIZE, n * LIST_PAGE_SIZE);
    emit(pathOf(n), '../', {
      title: pages > 1 ? `${title} (page ${n} of ${pages})` : title,
      main: `<h1>${esc(title)} <span class="version">${items.length}</span></h1>\n${nav}\n<ul class="list">\n${slice.join('\n')}\n</ul>\n${nav}`,
    });
  }
}
