/**
 * The package's Node.js CommonJS entry (`require('annotated-news')`). Requiring reads `index.json`; article bodies
 * load on first access (see lazy.ts). Compiled to CommonJS by the build, where `__dirname` is the module's folder
 * (`dist/cjs/runtime/`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDataset } from './lazy.js';

const dataset = openDataset((path) => JSON.parse(readFileSync(join(__dirname, '..', '..', path), 'utf8')));

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
