/**
 * The dataset site (dist/site, made by `npm run build`; here a shared build of data/) in headless Chromium, served from a loopback HTTP server:
 * every page loads without a console error; every annotation of the seed article is highlighted over exactly its
 * text; every download matches the size and SHA-256 the table gives; search finds the seed by a word of its text;
 * axe-core finds no serious or critical accessibility violation; and it reads without JavaScript, works with the
 * keyboard and fits a phone. Screenshots go to test-output/site/ (git-ignored); UPDATE_SCREENSHOTS=1 also refreshes
 * the one in docs/ that the README shows.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import type { PublishedArticleFile } from '../types/index.ts';
import { findSelectors } from '../scripts/site/highlight.ts';
import { ROOT, SEED_ID, sharedBuild } from './helpers.ts';
import { browserUnavailable, collectErrors, launchChromium, serveStatic } from './browser-support.ts';

/** The site of a build of data/ (shared: the tests only read it), so the tests need no prior `npm run build`. */
let SITE = '';
const OUTPUT = join(ROOT, 'test-output', 'site');
const SEED_PAGE = `articles/${SEED_ID}.html`;
const skip = browserUnavailable() ?? false;

let browser: Awaited<ReturnType<typeof launchChromium>>;
let server: Awaited<ReturnType<typeof serveStatic>>;

before(async () => {
  if (skip) return;
  SITE = join(sharedBuild(join(ROOT, 'data')), 'site');
  assert.ok(existsSync(join(SITE, 'index.html')), `${SITE} has no index.html`);
  mkdirSync(OUTPUT, { recursive: true });
  server = await serveStatic(SITE);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith('.html') && !relative(SITE, entry.parentPath).startsWith('data'),
    )
    .map((entry) => relative(SITE, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Opens a page and returns it with the console errors, failed requests and requests seen from then on. */
async function open(path: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(server.url + path, { waitUntil: 'load' });
  return { page, errors, requests };
}

test(
  'every page loads with no console error and no failed request, and fits a phone-width screen',
  { skip },
  async () => {
    const pages = htmlPages(SITE);
    assert.ok(
      pages.includes('index.html') && pages.includes(SEED_PAGE) && pages.includes('dictionary.html'),
      pages.join(', '),
    );
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    const errors = collectErrors(page);
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    for (const path of pages) {
      await page.goto(server.url + path, { waitUntil: 'load' });
      assert.deepEqual(errors, [], `on ${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a 360px screen`);
    }
    await page.close();
  },
);

test(
  'every annotation of the seed article is highlighted over exactly its text, nested, without JavaScript too',
  { skip },
  async () => {
    const { article } = JSON.parse(
      readFileSync(join(SITE, '..', 'articles', `${SEED_ID}.json`), 'utf8'),
    ) as PublishedArticleFile;
    const expected = findSelectors(article.annotations, '/annotations').map(({ selector, pointer }) => ({
      pointer,
      start: selector.start,
      exact: selector.exact,
    }));
    assert.ok(expected.length > 0);
    const page = await browser.context.newPage();
    await page.route('**/assets/client.js', (route) => route.abort()); // no page script: what a reader without JavaScript gets
    await page.goto(server.url + SEED_PAGE);
    // For each selector: the text of its marks in document order, and where the first one starts in the article text.
    const found = await page.evaluate(() => {
      const blocks = Array.from(document.querySelectorAll('.text > p, .text > h3'));
      const result: Record<string, { text: string; start: number }> = {};
      let blockStart = 0;
      for (const block of blocks) {
        for (const mark of Array.from(block.querySelectorAll<HTMLElement>('mark[data-pointer]'))) {
          const pointer = mark.dataset.pointer!;
          const range = document.createRange();
          range.setStart(block, 0);
          range.setEndBefore(mark);
          const entry = (result[pointer] ??= { text: '', start: blockStart + [...range.toString()].length });
          entry.text += mark.textContent;
        }
        blockStart += [...(block.textContent ?? '')].length + 1;
      }
      return result;
    });
    for (const { pointer, start, exact } of expected) {
      assert.ok(found[pointer], `${pointer} (“${exact}”) is not highlighted`);
      assert.equal(found[pointer].text, exact, pointer);
      assert.equal(found[pointer].start, start, `${pointer} starts elsewhere`);
    }
    assert.deepEqual(
      Object.keys(found).sort(),
      expected.map((e) => e.pointer).sort(),
      'a highlight that is not an annotation',
    );
    // A mention inside a quote is a mark inside the quote's mark.
    const nested = await page.locator('mark.layer-quotes mark.layer-mentions').count();
    const mentionInQuote = article.annotations.quotes.some((q) =>
      article.annotations.mentions.some(
        (m) => m.selector.start >= q.selector.start && m.selector.end <= q.selector.end,
      ),
    );
    if (mentionInQuote) assert.ok(nested > 0, 'no mention nests inside a quote');
    // The details of every annotation are on the page without JavaScript.
    for (const layer of Object.values(article.annotations))
      for (const a of layer) assert.equal(await page.locator(`li#a-${a.id}`).count(), 1, a.id);
    await page.close();
  },
);

test('layers switch off and on, details show on keyboard focus and on hover', { skip }, async () => {
  const { page, errors } = await open(SEED_PAGE);
  const quote = page.locator('mark.layer-quotes').first();
  const background = () => quote.evaluate((el) => getComputedStyle(el).backgroundColor);
  const on = await background();
  await page.focus('input[data-layer-toggle="quotes"]');
  await page.keyboard.press('Space');
  assert.equal(await background(), 'rgba(0, 0, 0, 0)', 'the quotes layer did not switch off');
  await page.keyboard.press('Space');
  assert.equal(await background(), on);

  const figure = page.locator('mark.layer-figures').first();
  const id = await figure.getAttribute('data-ann');
  await figure.focus();
  const tip = page.locator('#tip');
  assert.ok(await tip.isVisible(), 'no details on focus');
  assert.match((await tip.textContent()) ?? '', /Value/);
  await page.keyboard.press('Escape');
  assert.equal(await tip.isVisible(), false);
  await page.locator('mark.layer-events').first().hover();
  assert.ok(await tip.isVisible(), 'no details on hover');
  assert.ok(id);
  // The first Tab reaches the skip link.
  await page.goto(server.url + SEED_PAGE);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
  assert.deepEqual(errors, []);
  await page.close();
});

test('each download link resolves to a file with the size and SHA-256 the table gives', { skip }, async () => {
  const { page, errors } = await open('index.html');
  const rows = await page.$$eval('table.downloads tbody tr', (trs) =>
    trs.map((tr) => ({
      href: (tr.querySelector('a') as HTMLAnchorElement).href,
      bytes: Number((tr.querySelector('[data-bytes]') as HTMLElement).dataset.bytes),
      sha256: tr.querySelector('code.hash')?.textContent ?? '',
    })),
  );
  const descriptor = JSON.parse(readFileSync(join(SITE, '..', 'datapackage.json'), 'utf8')) as {
    resources: { path: string }[];
  };
  assert.ok(rows.length > descriptor.resources.length, 'the table lists fewer files than datapackage.json');
  for (const { path } of descriptor.resources)
    assert.ok(
      rows.some((r) => r.href.endsWith(`/data/${path}`)),
      `${path} is not offered`,
    );
  for (const row of rows) {
    const response = await fetch(row.href);
    assert.equal(response.status, 200, row.href);
    const body = Buffer.from(await response.arrayBuffer());
    assert.equal(body.length, row.bytes, row.href);
    assert.equal(createHash('sha256').update(body).digest('hex'), row.sha256, row.href);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('search finds the seed article by “neodymium”, loading the index only when searching', { skip }, async () => {
  const { page, errors, requests } = await open(SEED_PAGE);
  assert.deepEqual(
    requests.filter((url) => url.includes('/search/')),
    [],
    'the search index loaded before a search',
  );
  await page.fill('#q', 'neodymium');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#results li');
  assert.match(page.url(), /search\.html\?q=neodymium$/);
  const links = await page.$$eval('#results a', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
  assert.ok(links.includes(`../${SEED_PAGE}`) || links.includes(SEED_PAGE), links.join(', '));
  assert.ok(
    links.some((href) => href?.endsWith('entities/neodymium.html')),
    'the entity is found too',
  );
  assert.ok(
    requests.some((url) => url.includes('/search/terms/')),
    'no term file was loaded',
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test(
  'axe-core finds no serious or critical violation (landing, article, entity, dictionary, search results)',
  { skip },
  async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const firstEntity = htmlPages(SITE).find((p) => p.startsWith('entities/') && p !== 'entities/index.html')!;
    for (const path of ['index.html', SEED_PAGE, firstEntity, 'dictionary.html', 'search.html?q=neodymium']) {
      const { page } = await open(path);
      await page.addScriptTag({ content: axe });
      const violations = (
        await page.evaluate(() =>
          (
            globalThis as unknown as {
              axe: {
                run(
                  context: unknown,
                  options: unknown,
                ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
              };
            }
          ).axe.run(document, { resultTypes: ['violations'] }),
        )
      ).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        violations.map(
          (v) =>
            `${v.impact} ${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join('; ')}`,
        ),
        [],
        path,
      );
      await page.close();
    }
  },
);

test('screenshots of the landing page and the seed article at desktop and phone widths', { skip }, async () => {
  const page = await browser.context.newPage();
  for (const [width, height, name] of [
    [1280, 900, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const [path, file] of [
      ['index.html', 'landing'],
      [SEED_PAGE, 'article'],
    ] as const) {
      await page.goto(server.url + path);
      const shot = join(OUTPUT, `${file}-${name}.png`);
      await page.screenshot({ path: shot });
      assert.ok(readFileSync(shot).length > 1000);
    }
  }
  // The README's picture: the article text with a figure's details shown, as a keyboard user sees it.
  await page.setViewportSize({ width: 1100, height: 820 });
  await page.goto(server.url + SEED_PAGE);
  await page.evaluate(() => document.querySelector('fieldset.layers')?.scrollIntoView());
  await page.locator('mark.layer-figures.role-passage.inferred').first().focus();
  const shot = join(OUTPUT, 'article-focus.png');
  await page.screenshot({ path: shot });
  if (process.env.UPDATE_SCREENSHOTS) copyFileSync(shot, join(ROOT, 'docs', 'site-article.png'));
  await page.close();
});
