/**
 * The npm package's entry points, generated as plain text: `index.js` (ESM) and `index.cjs` (CommonJS) share one
 * body; `index.d.ts` and `index.d.cts` carry the types of `types/` (doc comments included) and the API.
 *
 * Importing the package reads `index.json` only: article metadata and the registries. Each article's `body`,
 * `annotations` and `inferences` are read from `articles/<id>.json` the first time one of them is accessed, so
 * importing a large build stays cheap while `articles` keeps every field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedNotice } from '../lib/generated.ts';
import { LAZY_ARTICLE_FIELDS, articlePath } from './json.ts';

const API_NAMES = ['version', 'schemaVersion', 'articles', 'entities', 'outlets', 'redirects', 'getArticle', 'getEntity', 'getOutlet', 'getRedirect', 'articleText'];

/** The runtime shared by both module formats; `readJson(relativePath)` is defined by each format's preamble. */
function runtimeBody(articleKeys: readonly string[]): string {
  return `const index = readJson('./index.json');

const version = index.version;
const schemaVersion = index.schemaVersion;

/** Every article field, in order; the lazy ones are read from the article's own file on first access. */
const ARTICLE_KEYS = ${JSON.stringify(articleKeys)};
const LAZY_KEYS = ${JSON.stringify(LAZY_ARTICLE_FIELDS)};

function setValue(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function loadDetails(article) {
  const details = readJson('./${articlePath("' + article.id + '")}').article;
  for (const key of LAZY_KEYS) setValue(article, key, details[key]);
}

const lazyFields = Object.fromEntries(
  LAZY_KEYS.map((key) => [
    key,
    {
      enumerable: true,
      configurable: true,
      get() {
        loadDetails(this);
        return this[key];
      },
      set(value) {
        setValue(this, key, value);
      },
    },
  ]),
);

function toArticle(summary) {
  const article = {};
  for (const key of ARTICLE_KEYS) {
    if (Object.hasOwn(lazyFields, key)) Object.defineProperty(article, key, lazyFields[key]);
    else article[key] = summary[key];
  }
  return article;
}

const articles = index.articles.map(toArticle);
const entities = index.entities;
const outlets = index.outlets;
const redirects = index.redirects;

function lookup(records) {
  let byId;
  return (id) => (byId ??= new Map(records.map((record) => [record.id, record]))).get(id);
}

const getArticle = lookup(articles);
const getEntity = lookup(entities);
const getOutlet = lookup(outlets);
const getRedirect = lookup(redirects);

function articleText(article) {
  return article.body.map((block) => block.text).join('\\n');
}
`;
}

export function esmEntry(articleKeys: readonly string[]): string {
  return `// ${generatedNotice('npm run build')}
import { readFileSync } from 'node:fs';

const readJson = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

${runtimeBody(articleKeys)}
export { ${API_NAMES.join(', ')} };
`;
}

export function cjsEntry(articleKeys: readonly string[]): string {
  return `// ${generatedNotice('npm run build')}
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const readJson = (path) => JSON.parse(readFileSync(join(__dirname, path), 'utf8'));

${runtimeBody(articleKeys)}
${API_NAMES.map((name) => `exports.${name} = ${name};`).join('\n')}
`;
}

/**
 * The type declarations: every type file that `types/index.ts` re-exports, inlined (imports removed, since all
 * names share one module), then the API. The same text serves ESM (`.d.ts`) and CommonJS (`.d.cts`).
 */
export function declarations(typesDir: string, version: string, schemaVersion: number): string {
  const index = readFileSync(join(typesDir, 'index.ts'), 'utf8');
  const files = [...index.matchAll(/^export type \* from '\.\/([\w-]+)\.ts';$/gm)].map((m) => m[1]!);
  const types = files.map((file) => {
    const source = readFileSync(join(typesDir, `${file}.ts`), 'utf8');
    const inlined = source.replace(/^import type \{[^}]*\} from '\.\/[\w-]+\.ts';\n/gm, '');
    if (/^\s*import\b/m.test(inlined)) throw new Error(`types/${file}.ts has an import the build cannot inline`);
    return `// From types/${file}.ts\n${inlined.trim()}\n`;
  });
  return `// ${generatedNotice('npm run build')}
// The dataset's types (from types/ in the repository) and the package's API.

${types.join('\n')}
// The API --------------------------------------------------------------------------------------------------------

/** The dataset version (semantic versioning). */
export declare const version: ${JSON.stringify(version)};
/** The major version of the JSON Schemas the records follow (\`urn:annotated-news:schema:v${schemaVersion}:article\`). */
export declare const schemaVersion: ${schemaVersion};
/**
 * Every article, sorted by id. Metadata is loaded on import; each article's \`body\`, \`annotations\` and
 * \`inferences\` are read from its own file (\`annotated-news/articles/<id>.json\`) the first time one is accessed.
 */
export declare const articles: readonly PublishedArticle[];
/** The entity registry, sorted by id. */
export declare const entities: readonly Entity[];
/** The outlet registry, sorted by id. */
export declare const outlets: readonly Outlet[];
/** Ids that were renamed or removed, sorted by id. */
export declare const redirects: readonly Redirect[];
/** The article with this id, or \`undefined\` (see \`getRedirect\` for an id that was renamed or removed). */
export declare function getArticle(id: string): PublishedArticle | undefined;
/** The entity with this id, or \`undefined\`. */
export declare function getEntity(id: string): Entity | undefined;
/** The outlet with this id, or \`undefined\`. */
export declare function getOutlet(id: string): Outlet | undefined;
/** What became of a renamed or removed id, or \`undefined\`. */
export declare function getRedirect(id: string): Redirect | undefined;
/** The article text the selectors and offsets refer to: the body blocks joined with a single line feed. */
export declare function articleText(article: Pick<Article, 'body'>): string;
`;
}
