/**
 * The Node.js dataset: importing reads `index.json` only (article metadata and the registries). Each article's
 * `body`, `annotations` and `inferences` are read from `articles/<id>.json` the first time one of them is accessed,
 * so importing a large build stays cheap while `articles` keeps every field.
 */
import type {
  ArticleSummary,
  Entity,
  Outlet,
  PublishedArticle,
  PublishedArticleFile,
  PublishedIndex,
  Redirect,
} from '../types/index.ts';
import { ARTICLE_FIELDS, lookup, type AsyncDataset } from './dataset.js';

/** Reads and parses a JSON file of the package, given its path relative to the package's `dist/` folder. */
export type ReadJson = (path: string) => unknown;

export interface NodeDataset extends AsyncDataset {
  version: string;
  schemaVersion: number;
  articles: readonly PublishedArticle[];
  entities: readonly Entity[];
  outlets: readonly Outlet[];
  redirects: readonly Redirect[];
  getArticle(this: void, id: string): PublishedArticle | undefined;
  getEntity(this: void, id: string): Entity | undefined;
  getOutlet(this: void, id: string): Outlet | undefined;
  getRedirect(this: void, id: string): Redirect | undefined;
}

const FIELDS = Object.entries(ARTICLE_FIELDS) as [keyof PublishedArticle, boolean][];
const LAZY_FIELDS = FIELDS.flatMap(([field, lazy]) => (lazy ? [field] : []));

/** `read()`'s value as a promise, as an async function gives it: a thrown error becomes a rejection. */
const settle = <T>(read: () => T): Promise<T> => new Promise((resolve) => resolve(read()));

function setValue(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function openDataset(readJson: ReadJson): NodeDataset {
  const index = readJson('index.json') as PublishedIndex;

  function loadDetails(article: ArticleSummary): void {
    const details = (readJson(`articles/${article.id}.json`) as PublishedArticleFile).article;
    for (const field of LAZY_FIELDS) setValue(article, field, details[field]);
  }

  // One accessor per lazy field, shared by every article: the first read loads all three from the article's file.
  const accessors = new Map(
    LAZY_FIELDS.map((field): [string, PropertyDescriptor] => [
      field,
      {
        enumerable: true,
        configurable: true,
        get(this: ArticleSummary) {
          loadDetails(this);
          return (this as Record<string, unknown>)[field];
        },
        set(this: ArticleSummary, value: unknown) {
          setValue(this, field, value);
        },
      },
    ]),
  );

  function toArticle(summary: ArticleSummary): PublishedArticle {
    const article: Record<string, unknown> = {};
    // Optional fields (`genre`) absent from the summary stay absent.
    for (const [field, lazy] of FIELDS) {
      if (lazy) Object.defineProperty(article, field, accessors.get(field)!);
      else if (field in summary) article[field] = summary[field as keyof ArticleSummary];
    }
    return article as PublishedArticle;
  }

  const articles = index.articles.map(toArticle);
  const getArticle = lookup(articles);
  const getEntity = lookup(index.entities);
  const getOutlet = lookup(index.outlets);
  const getRedirect = lookup(index.redirects);
  return {
    version: index.version,
    schemaVersion: index.schemaVersion,
    articles,
    entities: index.entities,
    outlets: index.outlets,
    redirects: index.redirects,
    getArticle,
    getEntity,
    getOutlet,
    getRedirect,
    loadIndex: () => settle(() => index),
    loadArticle: (id) => settle(() => getArticle(id)),
    loadEntity: (id) => settle(() => getEntity(id)),
    loadOutlet: (id) => settle(() => getOutlet(id)),
    loadRedirect: (id) => settle(() => getRedirect(id)),
  };
}
