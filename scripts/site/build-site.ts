/**
 * Builds the static dataset site from a finished build (`dist/`), never from `data/`: the landing page (the
 * articles, how to load them, the downloads), the data dictionary, one page per article and per entity, paged
 * lists, and the search index. Plain HTML and CSS that read without JavaScript; a small page script (site/client.ts)
 * adds details on hover and focus, and search. Articles are read one at a time from `jsonl/articles.jsonl`; the same
 * build gives byte-identical files. `npm run site` (scripts/site/main.ts) runs it.
 *
 * The pages are a stage of their own (`buildSitePages`), so they alone can be measured at scale
 * (tests/site-scale.test.ts).
 *
 * The search index is split so a search loads little: `search/docs.json` lists the documents (articles and entities:
 * kind, page, title), and `search/terms/<key>.json` maps each word to the documents that hold it, one file per first
 * two letters of the word. A query loads the document list and one term file per query word. The tokenizer is
 * shared with the page script (site/tokens.ts), so both sides cut words the same way.
 */
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
import { referencesOf } from '../lib/references.ts';
import { fail } from '../lib/cli.ts';
import { readLines } from '../lib/lines.ts';
import { articlePath, jsonlPath } from '../publish/formats/json.ts';
import type { CompiledFile } from '../publish/compile.ts';
import { articlePage, fieldsOf } from './article-page.ts';
import { selectorsIn } from '../checks/selectors.ts';
import { dictionaryPage } from './dictionary-page.ts';
import { entityPages, type EntityReference } from './entity-page.ts';
import { esc, groupBy, jsonLdScript, page, pager } from './html.ts';
import { landingPage, type Descriptor, type Download } from './landing-page.ts';
import { LAYERS, type LayerName } from '../lib/layers.ts';
import { shardKey, tokens } from '../../site/tokens.ts';

export const SITE_DIR = 'site';
export const SITE_COMMAND = 'npm run site';
/** Entries per page of the article and entity lists. */
const LIST_PAGE_SIZE = 500;

/** Writes the site's files. */
class SiteWriter {
  files = 0;
  constructor(readonly root: string) {}
  write(path: string, content: string | Buffer): void {
    writeFileSync(this.#place(path), content);
  }
  /** Puts a file of the build into the site without copying its bytes where the file system allows a hard link. */
  link(path: string, from: string): void {
    const absolute = this.#place(path);
    try {
      linkSync(from, absolute);
    } catch (error) {
      if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      copyFileSync(from, absolute);
    }
  }
  #place(path: string): string {
    const absolute = join(this.root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    this.files++;
    return absolute;
  }
}

const stale = (distDir: string, what: string): never =>
  fail(
    `${distDir}/ is not a complete, current build: ${what}.`,
    2,
    `run \`npm run build\` first, then \`${SITE_COMMAND}\`.`,
  );

/** A JSON file of the build, or a located error saying the build is missing or stale. */
function readBuilt<T>(distDir: string, path: string): T {
  let text: string;
  try {
    text = readFileSync(join(distDir, path), 'utf8');
  } catch {
    return stale(distDir, `${path} is missing`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return stale(distDir, `${path} is not JSON`);
  }
}

export interface SiteOptions {
  /** The build (`dist/`). */
  distDir: string;
  /** The repository (for package.json and site/site.css). */
  rootDir: string;
  /** The compiled page script (site/client.ts and what it imports). */
  clientFiles: readonly CompiledFile[];
  /** Where the site goes (`<distDir>/site` by default). */
  siteDir?: string;
}

/** Writes the page at `path` (relative to the site's root), its links relative to where it lies. */
type Emit = (path: string, content: { title: string; main: string }, head?: string) => void;

/** The article, entity, list and search pages and the search index, from `index.json` and `jsonl/articles.jsonl`. */
export function buildSitePages({ distDir, rootDir, siteDir }: Omit<SiteOptions, 'clientFiles'>) {
  const index = readBuilt<PublishedIndex>(distDir, 'index.json');
  const { name, version } = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as Record<string, string>;
  if (version !== index.version) stale(distDir, `it is of version ${index.version}, package.json of ${version}`);
  const dataset = { name: name!, version: index.version };
  const site = new SiteWriter(siteDir ?? join(distDir, SITE_DIR));
  const emit: Emit = (path, { title, main }, head = '') =>
    site.write(path, page({ root: '../'.repeat(path.split('/').length - 1), title, main, dataset, head }));

  const entities = new Map<string, Entity>(index.entities.map((e) => [e.id, e]));
  const outlets = new Map<string, Outlet>(index.outlets.map((o) => [o.id, o]));
  const registry = { entities, outlets };
  /** The search documents (kind, page, title), and each word's documents in increasing order. */
  const docs: [kind: 'article' | 'entity', href: string, title: string][] = [];
  const postings = new Map<string, number[]>();
  const findable = (kind: 'article' | 'entity', href: string, title: string, texts: readonly string[]) => {
    const doc = docs.push([kind, href, title]) - 1;
    for (const word of texts.flatMap(tokens)) {
      const list = postings.get(word);
      if (!list) postings.set(word, [doc]);
      else if (list.at(-1) !== doc) list.push(doc);
    }
  };
  const referenceList: EntityReference[] = [];
  const headlines = new Map<string, string>();

  const articles = join(distDir, jsonlPath('articles'));
  if (!existsSync(articles)) stale(distDir, `${jsonlPath('articles')} is missing`);
  for (const line of readLines(articles)) {
    const article = JSON.parse(line) as PublishedArticle;
    headlines.set(article.id, article.headline.text);
    emit(`articles/${article.id}.html`, articlePage(article, registry));
    const found = annotationReferences(article);
    for (const reference of found) referenceList.push(reference);
    const named = new Set(found.map((reference) => reference.entity));
    // An article is found by its text and by the names and aliases of the entities it refers to.
    const names = [...named].flatMap((id) => [entities.get(id)?.name ?? id, ...(entities.get(id)?.aliases ?? [])]);
    findable('article', `articles/${article.id}.html`, article.headline.text, [
      article.headline.text,
      ...names,
      ...article.body.map((b) => b.text),
    ]);
  }
  if (headlines.size !== index.articles.length)
    stale(distDir, 'jsonl/articles.jsonl and index.json list different articles');
  const references = groupBy(referenceList, (reference) => reference.entity);

  for (const entity of index.entities) {
    for (const [path, content] of entityPages(entity, references.get(entity.id) ?? [], (id) => headlines.get(id) ?? id))
      emit(path, content);
    findable('entity', `entities/${entity.id}.html`, entity.name, [entity.name, ...entity.aliases]);
  }
  site.write('search/docs.json', `${JSON.stringify(docs)}\n`);
  const words = [...postings].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [key, entries] of groupBy(words, ([word]) => shardKey(word)))
    site.write(`search/terms/${key}.json`, `${JSON.stringify(Object.fromEntries(entries))}\n`);

  listPages(
    index.articles.map((a) => {
      const date = a.datePublished ? ` <time>${esc(a.datePublished)}</time>` : '';
      return `<li><a href="articles/${esc(a.id)}.html">${esc(a.headline.text)}</a>${date}</li>`;
    }),
    'Articles',
    emit,
  );
  listPages(
    index.entities.map((e) => {
      const n = references.get(e.id)?.length ?? 0;
      return (
        `<li><a href="entities/${esc(e.id)}.html">${esc(e.name)}</a> <span class="kind">${esc(e.kind)}, ` +
        `${n} annotation${n === 1 ? '' : 's'}</span></li>`
      );
    }),
    'Entities',
    emit,
  );

  emit('search.html', {
    title: 'Search',
    main: `<h1>Search</h1>
<p id="search-status" role="status">Search needs JavaScript. Without it, browse the <a \
href="articles.html">articles</a> and <a href="entities.html">entities</a>.</p>
<ol id="results" class="results"></ol>`,
  });
  return { site, index, emit };
}

/**
 * Builds the whole site from a finished build: the pages (`buildSitePages`), then the downloads (linked into
 * `site/data/`), the dictionary and the landing page.
 */
export function buildSite(options: SiteOptions): { files: number; articles: number; entities: number } {
  const { distDir, rootDir, clientFiles } = options;
  const { site, index, emit } = buildSitePages(options);
  const descriptor = readBuilt<Descriptor>(distDir, 'datapackage.json');
  if (descriptor.version !== index.version)
    stale(distDir, `datapackage.json is of version ${descriptor.version}, index.json of ${index.version}`);
  const downloads = new Map<string, Download>();
  const offer = (path: string, format: string, description: string) => {
    if (downloads.has(path)) return;
    const from = join(distDir, path);
    if (!existsSync(from)) stale(distDir, `datapackage.json lists ${path}, which is missing`);
    site.link(`data/${path}`, from);
    downloads.set(path, { path, format, description, bytes: statSync(from).size });
  };
  offer('datapackage.json', 'json', 'The Frictionless Data Package descriptor: every file below and its tables.');
  offer('SHA256SUMS', 'text', 'The SHA-256 of every file: check them with `sha256sum -c SHA256SUMS`.');
  // Each article's own file is linked below, beside its page; the npm package's code is not a download.
  for (const resource of descriptor.resources)
    for (const path of [resource.path].flat())
      if (!path.startsWith('articles/') && resource.format !== 'js')
        offer(path, resource.format ?? 'file', resource.description ?? '');
  const schemaFiles = readdirSync(join(distDir, 'schemas'))
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
  for (const file of schemaFiles)
    offer(`schemas/${file}`, 'json-schema', `The JSON Schema of the ${file.slice(0, -12)} records.`);
  for (const { id } of index.articles) site.link(`data/${articlePath(id)}`, join(distDir, articlePath(id)));

  emit(
    'dictionary.html',
    dictionaryPage(
      new Map(schemaFiles.map((file) => [file, readBuilt<Record<string, unknown>>(distDir, `schemas/${file}`)])),
    ),
  );
  // The schema.org Dataset description, when the build writes one, goes in the landing page's head for search engines.
  const jsonLd = join(distDir, 'dataset.jsonld');
  emit(
    'index.html',
    landingPage(descriptor, [...downloads.values()], index),
    existsSync(jsonLd) ? jsonLdScript(readFileSync(jsonLd, 'utf8')) : '',
  );

  site.write('assets/site.css', readFileSync(join(rootDir, 'site', 'site.css')));
  for (const file of clientFiles) site.write(`assets/${file.path.replace(/^site\//, '')}`, file.text);
  return { files: site.files, articles: index.articles.length, entities: index.entities.length };
}

/**
 * The entity references of an article's annotations (the fields scripts/lib/references.ts declares), each once
 * per annotation and field: an event naming one participant 100,000 times refers to it once.
 */
function annotationReferences(article: PublishedArticle): EntityReference[] {
  const seen = new Set<string>();
  const out: EntityReference[] = [];
  for (const { collection, id, pointer } of referencesOf('articles', article)) {
    const [, top, layer, at] = pointer.split('/');
    if (collection !== 'entities' || top !== 'annotations' || !(layer! in LAYERS)) continue;
    const annotation = article.annotations[layer as LayerName][Number(at)]!;
    const field = fieldsOf(pointer).slice(2).join('.');
    const key = `${id}\n${annotation.id}\n${field}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const exact = selectorsIn(annotation, '')[0]?.[1].exact ?? '';
    out.push({ entity: id, article: article.id, layer: layer as LayerName, field, annotation: annotation.id, exact });
  }
  return out;
}

/** A list split into pages of `LIST_PAGE_SIZE` entries at the site's root: `articles.html`, `articles-2.html`… */
function listPages(items: readonly string[], title: string, emit: Emit): void {
  const base = title.toLowerCase();
  const pages = Math.max(1, Math.ceil(items.length / LIST_PAGE_SIZE));
  const pathOf = (n: number) => (n === 1 ? `${base}.html` : `${base}-${n}.html`);
  const nav = (n: number) => pager(title, pages, n, pathOf);
  for (let n = 1; n <= pages; n++) {
    const slice = items.slice((n - 1) * LIST_PAGE_SIZE, n * LIST_PAGE_SIZE);
    emit(pathOf(n), {
      title: pages > 1 ? `${title} (page ${n} of ${pages})` : title,
      main:
        `<h1>${esc(title)} <span class="version">${items.length}</span></h1>\n${nav(n)}\n<ul ` +
        `class="list">\n${slice.join('\n')}\n</ul>\n${nav(n)}`,
    });
  }
}
