/**
 * The package in a browser, as a front-end developer gets it: the packed tarball installed into a scratch project,
 * a small app bundled by esbuild for `--platform=browser` (with code splitting), run in headless Chromium.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { SEED_ID } from './helpers.ts';
import { tempDir } from './fixtures/publish/support.ts';
import { installConsumer, packRepository } from './package-support.ts';
import { browserUnavailable, collectErrors, launchChromium, serveStatic } from './browser-support.ts';

const APP = `
import { loadIndex, loadArticle, loadEntity, articleText } from 'annotated-news';
import descriptor from 'annotated-news/datapackage.json' with { type: 'json' };
import seedFile from 'annotated-news/articles/${SEED_ID}.json' with { type: 'json' };

// Importing the package loaded nothing: the index and the article come in chunks of their own, on demand.
const loadedBefore = performance.getEntriesByType('resource').map((entry) => entry.name);
const index = await loadIndex();
const article = await loadArticle('${SEED_ID}');
const text = articleText(article);
const mention = article.annotations.mentions[0];
window.result = {
  loadedBefore,
  version: index.version,
  articleCount: index.articles.length,
  entityCount: index.entities.length,
  headline: article.headline.text,
  mentionOk: [...text].slice(mention.selector.start, mention.selector.end).join('') === mention.selector.exact,
  entity: (await loadEntity(mention.entity))?.name ?? null,
  missing: (await loadArticle('no-such-article')) ?? null,
  sameAsSubpath: JSON.stringify(seedFile.article) === JSON.stringify(article),
  descriptor: descriptor.name,
  resources: descriptor.resources.length,
};
`;

const skip = browserUnavailable();
const work = tempDir('package-browser-');
const consumer = join(work, 'consumer');
const out = join(consumer, 'out');
let metafile: Metafile;

before(async () => {
  const { tarball } = packRepository(work);
  installConsumer(consumer, tarball);
  writeFileSync(join(consumer, 'app.js'), APP);
  const result = await build({
    absWorkingDir: consumer,
    entryPoints: ['app.js'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    splitting: true,
    outdir: 'out',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
  });
  metafile = result.metafile;
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><html lang="en"><title>consumer</title><link rel="icon" href="data:,"><script type="module" ' +
      'src="app.js"></script></html>',
  );
});

test('esbuild bundles the browser entry for --platform=browser: no Node.js module, one chunk per JSON file', () => {
  const inputs = Object.keys(metafile.inputs);
  assert.ok(
    inputs.some((path) => path.endsWith('annotated-news/dist/runtime/browser.js')),
    inputs.join('\n'),
  );
  for (const path of inputs) {
    assert.doesNotMatch(
      path,
      /^node:|dist\/runtime\/(node|lazy)\.js$|dist\/cjs\//,
      `${path} is Node.js code in a browser bundle`,
    );
  }
  const app = readFileSync(join(out, 'app.js'), 'utf8');
  assert.doesNotMatch(app, /node:fs|readFileSync/);
  // The article and the index are chunks loaded on demand, not part of the app's own file.
  const chunks = Object.entries(metafile.outputs).filter(([path]) => path.startsWith('out/chunks/'));
  const chunkOf = (input: string) =>
    chunks.find(([, output]) => Object.keys(output.inputs).some((path) => path.endsWith(input)));
  assert.ok(chunkOf('annotated-news/dist/index.json'), 'index.json is not a chunk of its own');
});

test(
  'the bundle runs in headless Chromium: loaders, registries and JSON subpaths',
  { skip: skip ?? false },
  async () => {
    const server = await serveStatic(out);
    const browser = await launchChromium();
    after(async () => {
      await browser.close();
      await server.close();
    });
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.waitForFunction(() => 'result' in globalThis, undefined, { timeout: 20_000 });
    const result = (await page.evaluate(
      () => (globalThis as unknown as { result: Record<string, unknown> }).result,
    )) as Record<string, unknown> & { loadedBefore: string[] };
    assert.deepEqual(errors, []);
    const index = JSON.parse(
      readFileSync(join(consumer, 'node_modules', 'annotated-news', 'dist', 'index.json'), 'utf8'),
    ) as { version: string; articles: unknown[]; entities: unknown[] };
    const before = result.loadedBefore.filter((url) => /chunks\/(index|zelensky)/.test(url));
    assert.deepEqual(before, [], 'the index or an article was loaded before it was asked for');
    assert.deepEqual(
      { ...result, loadedBefore: undefined },
      {
        loadedBefore: undefined,
        version: index.version,
        articleCount: index.articles.length,
        entityCount: index.entities.length,
        headline: result.headline,
        mentionOk: true,
        entity: result.entity,
        missing: null,
        sameAsSubpath: true,
        descriptor: 'annotated-news',
        resources: result.resources,
      },
    );
    assert.equal(typeof result.headline, 'string');
    assert.equal(typeof result.entity, 'string');
    assert.ok((result.resources as number) > 0);
  },
);
