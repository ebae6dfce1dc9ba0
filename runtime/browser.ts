/**
 * The package's entry for browsers and bundlers (the `browser` export condition). Nothing is read when it is
 * imported and it needs no Node.js module: each function loads what it needs with a dynamic `import()` of the
 * package's own JSON files (`index.json`, `articles/<id>.json`), which bundlers split into chunks of their own
 * (esbuild with `--splitting`, Vite, webpack, Rollup) and browsers load natively.
 */
import type { PublishedArticleFile, PublishedIndex } from '../types/index.ts';
import { lookup, type AsyncDataset } from './dataset.js';

/** The index and a lookup by id over each of its lists. */
const lookups = (index: PublishedIndex) => ({
  index,
  article: lookup(index.articles),
  entity: lookup(index.entities),
  outlet: lookup(index.outlets),
  redirect: lookup(index.redirects),
});

let loaded: Promise<ReturnType<typeof lookups>> | undefined;

function loadLookups(): Promise<ReturnType<typeof lookups>> {
  loaded ??= import(
    // eslint-disable-next-line @typescript-eslint/ban-ts-comment -- ../index.json exists in some builds only
    // @ts-ignore -- index.json is written beside this module's folder by the build; it is not a source file.
    '../index.json',
    { with: { type: 'json' } }
  ).then((module: { default: PublishedIndex }) => lookups(module.default));
  return loaded;
}

export const loadIndex: AsyncDataset['loadIndex'] = async () => (await loadLookups()).index;

export const loadArticle: AsyncDataset['loadArticle'] = async (id) => {
  const summary = (await loadLookups()).article(id);
  if (!summary) return undefined;
  const module = (await import(`../articles/${summary.id}.json`, { with: { type: 'json' } })) as {
    default: PublishedArticleFile;
  };
  return module.default.article;
};

export const loadEntity: AsyncDataset['loadEntity'] = async (id) => (await loadLookups()).entity(id);
export const loadOutlet: AsyncDataset['loadOutlet'] = async (id) => (await loadLookups()).outlet(id);
export const loadRedirect: AsyncDataset['loadRedirect'] = async (id) => (await loadLookups()).redirect(id);

export { articleText, quoteText, QUOTE_SEPARATOR } from './dataset.js';
export type { AsyncDataset } from './dataset.js';
export type * from '../types/index.ts';
