// Measures what importing the built npm package costs: run as `node import-probe.mjs ENTRY_FILE ARTICLE_ID`.
// Plain JavaScript, not TypeScript, so no loader hook sits between Node.js and the package being timed.
// Prints one JSON object on stdout.
import { pathToFileURL } from 'node:url';

const [entry, articleId] = process.argv.slice(2);
const mb = (bytes) => Math.round((bytes / 1e6) * 10) / 10;

let started = performance.now();
const { articles, getArticle } = await import(pathToFileURL(entry).href);
const importMs = performance.now() - started;
const afterImport = process.memoryUsage();

started = performance.now();
const body = await getArticle?.(articleId)?.body;
const bodyMs = performance.now() - started;

console.log(
  JSON.stringify({
    importMs,
    bodyMs,
    lookup: typeof getArticle === 'function' ? 'getArticle' : null,
    articleCount: Array.isArray(articles) ? articles.length : null,
    bodyBlocks: Array.isArray(body) ? body.length : null,
    heapAfterImportMB: mb(afterImport.heapUsed),
    rssAfterImportMB: mb(afterImport.rss),
    heapAfterBodyMB: mb(process.memoryUsage().heapUsed),
    rssAfterBodyMB: mb(process.memoryUsage().rss),
  }),
);
