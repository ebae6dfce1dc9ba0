/**
 * The package's Node.js ES module entry (`import 'annotated-news'`). Importing reads `index.json`; article bodies
 * load on first access (see lazy.ts).
 */
import { readFileSync } from 'node:fs';
import { openDataset } from './lazy.js';

const dataset = openDataset((path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')));

export const {
  version,
  schemaVersion,
  articles,
  entities,
  outlets,
  redirects,
  getArticle,
  getEntity,
  getOutlet,
  getRedirect,
  loadIndex,
  loadArticle,
  loadEntity,
  loadOutlet,
  loadRedirect,
} = dataset;
export { articleText, quoteText, QUOTE_SEPARATOR } from './dataset.js';
export type { AsyncDataset } from './dataset.js';
export type * from '../types/index.ts';
