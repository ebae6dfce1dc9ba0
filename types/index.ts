/**
 * The dataset's types: the single source of truth. `npm run schemas` generates `schemas/*.schema.json` and
 * `docs/data-dictionary.md` from them.
 */
export type * from './common.ts';
export type * from './annotations.ts';
export type * from './article.ts';
export type * from './registries.ts';
export type * from './published.ts';
