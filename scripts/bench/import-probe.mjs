// Measures what importing the built npm package costs: run as `node import-probe.mjs ENTRY_FILE ARTICLE_ID`.
// Plain JavaScript, not TypeScript, so no loader hook sits between Node.js and the package being timed.
// Prints one JSON object on stdout.
import { pathToFileURL } from 'node:url';

const [entry, articleId] = process.argv.slice(2);
const mb = (bytes) => Math.round((bytes / 1e6) * 10) / 10;
const snapshot = () => {
  const usage = process.memoryUsage();
  return { heapUsedMB: mb(usage.heapUsed), rssMB: mb(usage.rss) };
};

const before = snapshot();
let started = performance.now();
const mod = await import(pathToFileURL(entry).href);
const importMs = performance.now() - started;
const afterImport = snapshot();

const articles = mod.articles ?? mod.default?.articles;
const lookup = ['getArticle', 'articleById', 'findArticle'].find((name) => typeof mod[name] === 'function');
started = performance.now();
let article;
if (lookup) article = await mod[lookup](articleId);
else if (articles instanceof Map) article = articles.get(articleId);
else if (Array.isArray(articles)) article = articles.find((a) => a.id === articleId);
const body = article ? await article.body : undefined;
const bodyMs = performance.now() - started;
const afterBody = snapshot();

console.log(
  JSON.stringify({
    importMs,
    bodyMs,
    lookup: lookup ?? (Array.isArray(articles) ? 'articles.find' : articles instanceof Map ? 'articles.get' : null),
    articleCount: Array.isArray(articles) ? articles.length : articles instanceof Map ? articles.size : null,
    bodyBlocks: Array.isArray(body) ? body.length : null,
    exports: Object.keys(mod).sort(),
    before,
    afterImport,
    afterBody,
  }),
);
