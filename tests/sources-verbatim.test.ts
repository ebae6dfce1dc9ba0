/**
 * Every vendored source text (tests/vendor/wh-briefings/, see its README) is in data/articles/ verbatim: the article
 * whose `url` is the file's `source_url` has exactly the body `npm run new -- --from` makes of the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertMarkdown } from '../scripts/lib/source-text.ts';
import type { Article } from '../types/index.ts';

const ROOT = join(import.meta.dirname, '..');
const SOURCES = join(ROOT, 'tests', 'vendor', 'wh-briefings');
const articles = readdirSync(join(ROOT, 'data', 'articles'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(ROOT, 'data', 'articles', name), 'utf8')) as Article);

for (const file of readdirSync(SOURCES).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
  test(`${file}: its article's body is the source text, verbatim`, () => {
    const source = convertMarkdown(readFileSync(join(SOURCES, file), 'utf8'));
    const url = source.frontMatter.source_url;
    assert.ok(url, `${file} has no source_url in its front matter`);
    const article = articles.find((a) => a.url === url);
    assert.ok(article, `no article in data/articles/ has the url ${url}`);
    assert.deepEqual(article.body, source.body);
    assert.equal(article.rights.status, 'public-domain');
  });
}
