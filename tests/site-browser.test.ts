/**
 * The dataset site (`npm run site` on a shared build of data/, into a temporary folder) in headless Chromium, served
 * from a loopback HTTP server: every page loads without a console error (so without a Content-Security-Policy
 * violation); every annotation of the seed article is highlighted over exactly its text, and every layer switches
 * off; times show what they denote; every download has the size the page gives and passes SHA256SUMS; search finds
 * the seed by a word of its text and shows the passage; injected markup cannot run; the dictionary fits a desktop
 * screen; axe-core finds no serious or critical accessibility violation; and it reads without JavaScript, works with
 * the keyboard and fits a phone. Screenshots go to test-output/site/ (git-ignored); UPDATE_SCREENSHOTS=1 also
 * refreshes the one in docs/ that the README shows.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import type { PositionedSelector, PublishedArticleFile, PublishedIndex } from '../types/index.ts';
import { selectorsIn } from '../scripts/checks/selectors.ts';
import { SNIPPETS } from '../scripts/site/landing-page.ts';
import { ROOT, SEED_ID, sharedBuild } from './helpers.ts';
import { browserUnavailable, collectErrors, launchChromium, serveStatic, siteOf } from './browser-support.ts';

/** The site of a shared build of data/, so the tests need no prior `npm run build`. */
let SITE = '';
let DIST = '';
const OUTPUT = join(ROOT, 'test-output', 'site');
const SEED_PAGE = `articles/${SEED_ID}.html`;
const skip = browserUnavailable() ?? false;

let browser: Awaited<ReturnType<typeof launchChromium>>;
let server: Awaited<ReturnType<typeof serveStatic>>;

before(async () => {
  if (skip) return;
  DIST = sharedBuild(join(ROOT, 'data'));
  SITE = siteOf(DIST);
  assert.ok(existsSync(join(SITE, 'index.html')), `${SITE} has no index.html`);
  mkdirSync(OUTPUT, { recursive: true });
  server = await serveStatic(SITE);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (SITE) rmSync(dirname(SITE), { recursive: true, force: true });
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
  'every page loads with no console error and no failed request, has the strict CSP, and fits a phone-width screen',
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
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp ?? '', /script-src 'self';/, `${path} has no strict Content-Security-Policy`);
      assert.doesNotMatch(csp ?? '', /unsafe-/, path);
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
      readFileSync(join(DIST, 'articles', `${SEED_ID}.json`), 'utf8'),
    ) as PublishedArticleFile;
    const expected = selectorsIn(article.annotations, '/annotations').map(([pointer, selector]) => ({
      pointer,
      start: (selector as PositionedSelector).start,
      exact: selector.exact,
    }));
    assert.ok(expected.length > 0);
    const page = await browser.context.newPage();
    // no page script: what a reader without JavaScript gets
    await page.route('**/assets/client.js', (route) => route.abort());
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

test('every layer switches off and on; details show on keyboard focus and on hover', { skip }, async () => {
  const { page, errors } = await open(SEED_PAGE);
  const layers = await page.$$eval('input[data-layer-toggle]', (inputs) =>
    inputs.map((i) => (i as HTMLElement).dataset.layerToggle!),
  );
  assert.ok(layers.includes('quotes') && layers.includes('claims'), layers.join(', '));
  // A mark's own look (its descendants' aside); a layer switched off leaves none.
  const looks = (layer: string) =>
    page.$$eval(`mark.layer-${layer}`, (marks) =>
      marks.map((m) => {
        const style = getComputedStyle(m);
        return `${style.backgroundColor} ${style.borderBottomWidth} ${style.outlineStyle}`;
      }),
    );
  for (const layer of layers) {
    const on = await looks(layer);
    assert.ok(on.length > 0, `no ${layer} marks`);
    await page.focus(`input[data-layer-toggle="${layer}"]`);
    await page.keyboard.press('Space');
    for (const look of await looks(layer))
      assert.equal(look, 'rgba(0, 0, 0, 0) 0px none', `the ${layer} layer did not switch off`);
    await page.keyboard.press('Space');
    assert.deepEqual(await looks(layer), on, `the ${layer} layer did not switch back on`);
  }

  const figure = page.locator('mark.layer-figures').first();
  await figure.focus();
  const tip = page.locator('#tip');
  assert.ok(await tip.isVisible(), 'no details on focus');
  assert.match((await tip.textContent()) ?? '', /Value/);
  await page.keyboard.press('Escape');
  assert.equal(await tip.isVisible(), false);
  await page.locator('mark.layer-events').first().hover();
  assert.ok(await tip.isVisible(), 'no details on hover');
  // The first Tab reaches the skip link.
  await page.goto(server.url + SEED_PAGE);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
  assert.deepEqual(errors, []);
  await page.close();
});

test(
  'each time of the seed article shows what it denotes: an instant its value, an interval its ends',
  { skip },
  async () => {
    const { article } = JSON.parse(
      readFileSync(join(DIST, 'articles', `${SEED_ID}.json`), 'utf8'),
    ) as PublishedArticleFile;
    const timed = article.annotations.events.filter((e) => e.time !== null);
    assert.ok(
      timed.some((e) => e.time?.type === 'interval' && e.time.beginPoint !== null),
      'the seed has no interval with a start',
    );
    const { page, errors } = await open(SEED_PAGE);
    for (const event of timed) {
      const time = event.time!;
      // The "When" of the event's details, as the reader sees it (the details on the page, and in the tooltip).
      const when = await page.$eval(`li[id="a-${event.id}"]`, (li) => {
        const dt = Array.from(li.querySelectorAll('dt')).find((d) => d.textContent === 'When');
        return dt?.nextElementSibling?.textContent ?? '';
      });
      assert.ok(when.includes(time.selector.exact), `${event.id}: ${when}`);
      const beside = when.replace(time.selector.exact, ''); // what the reader is told besides the quoted words
      const points = time.type === 'interval' ? [time.beginPoint, time.endPoint] : [time.value];
      for (const point of points) {
        if (point === null) continue;
        assert.ok(
          beside.includes(point === 'PRESENT_REF' ? 'the publication date' : point),
          `${event.id} does not show ${point}: ${when}`,
        );
      }
      if (points.some((p) => p !== null)) assert.doesNotMatch(when, /not stated/, event.id);
    }
    assert.deepEqual(errors, []);
    await page.close();
  },
);

test('the downloads derive from datapackage.json, have the sizes shown, and pass SHA256SUMS', { skip }, async () => {
  const { page, errors } = await open('index.html');
  const links = await page.$$eval('a[download]', (as) =>
    as.map((a) => ({ href: (a as HTMLAnchorElement).href, bytes: Number((a as HTMLElement).dataset.bytes) })),
  );
  const descriptor = JSON.parse(readFileSync(join(DIST, 'datapackage.json'), 'utf8')) as {
    resources: { path: string | string[]; format: string }[];
  };
  // Every file of every resource, but each article's own file (linked from its page) and the npm package's code.
  const files = descriptor.resources.filter((r) => r.format !== 'js').flatMap((r) => r.path);
  for (const path of ['datapackage.json', 'SHA256SUMS', ...files.filter((p) => !p.startsWith('articles/'))])
    assert.ok(
      links.some((l) => l.href.endsWith(`/data/${path}`)),
      `${path} is not offered`,
    );
  for (const link of links) {
    const response = await fetch(link.href);
    assert.equal(response.status, 200, link.href);
    assert.equal((await response.arrayBuffer()).byteLength, link.bytes, link.href);
  }
  assert.equal(await page.locator('code.hash').count(), 0, 'hashes belong in SHA256SUMS, not on the page');
  const check = spawnSync('sha256sum', ['--check', '--ignore-missing', '--quiet', 'SHA256SUMS'], {
    cwd: join(SITE, 'data'),
    encoding: 'utf8',
  });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the landing page leads with the articles: headline, date and publisher, linked', { skip }, async () => {
  const { page, errors } = await open('index.html');
  await page.setViewportSize({ width: 1280, height: 900 });
  const headings = await page.$$eval('main h2', (hs) => hs.map((h) => h.id));
  assert.equal(headings[0], 'articles', headings.join(', '));
  const index = JSON.parse(readFileSync(join(DIST, 'index.json'), 'utf8')) as PublishedIndex;
  const listed = await page.$$eval('#articles + ul a', (as) => as.map((a) => a.getAttribute('href')));
  for (const article of index.articles.slice(0, 20)) {
    if (index.articles.length <= 20) assert.ok(listed.includes(`articles/${article.id}.html`), article.id);
    if (article.datePublished && listed.includes(`articles/${article.id}.html`))
      assert.match(
        await page.locator(`#articles + ul li:has(a[href="articles/${article.id}.html"])`).innerText(),
        new RegExp(article.datePublished),
      );
  }
  // The "Load it" snippets are those tests/site-snippets.test.ts runs.
  const shown = await page.$$eval('#load ~ pre code[data-lang]', (codes) => codes.map((c) => c.textContent));
  assert.deepEqual(
    shown,
    SNIPPETS.map((s) => s.code),
  );
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 6000, `the landing page is ${height}px tall`);
  assert.deepEqual(errors, []);
  await page.close();
});

test(
  'search finds the seed article by “neodymium” and shows the passage, loading the index only then',
  { skip },
  async () => {
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
    const snippet = page.locator(`#results li:has(a[href$="${SEED_PAGE}"]) .snippet`);
    await snippet.waitFor();
    assert.match(await snippet.locator('mark').innerText(), /^neodymium/i);
    assert.ok((await snippet.innerText()).length > 40, 'the passage has no context');
    assert.ok(
      requests.some((url) => url.includes('/search/terms/')),
      'no term file was loaded',
    );
    assert.deepEqual(errors, []);
    await page.close();
  },
);

test(
  'markup injected as if escaping failed cannot run: no inline script, handler, javascript: URL or foreign script',
  { skip },
  async () => {
    // A copy of the seed page with hostile markup in its text, in the site (so the page's own script and CSS load).
    const html = readFileSync(join(SITE, SEED_PAGE), 'utf8');
    const payload = [
      `<script>document.title = 'pwned-inline'</script>`,
      `<img src="x" onerror="document.title = 'pwned-onerror'">`,
      `<svg onload="document.title = 'pwned-svg'"></svg>`,
      `<script src="data:text/javascript,document.title='pwned-data'"></script>`,
      `<iframe srcdoc="<script>parent.document.title='pwned-frame'</script>"></iframe>`,
      `<a id="js" href="javascript:document.title='pwned-link'">x</a>`,
      `<div id="styled" style="color: rgb(255, 0, 0)">styled</div>`,
    ].join('\n');
    const injected = 'articles/injected.html';
    writeFileSync(join(SITE, injected), html.replace('<main id="main">', `<main id="main">\n${payload}`));
    try {
      const { page } = await open(injected);
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (d: string) => violations.push(d));
      await page.evaluate(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { reportViolation(d: string): void }).reportViolation(e.violatedDirective),
        ),
      );
      await page.click('#js').catch(() => undefined);
      await page.waitForTimeout(300);
      const title = await page.title();
      assert.doesNotMatch(title, /pwned/, 'injected markup ran');
      assert.equal(
        await page.$eval('#styled', (el) => getComputedStyle(el).color),
        'rgb(26, 26, 26)',
        'an inline style applied',
      );
      // The page's own script still runs: it makes the hover card (#tip) and fills it for a focused annotation (which
      // card shows depends on how the data's annotations nest, so only that one shows is asserted).
      await page.locator('mark.layer-figures').first().focus();
      assert.ok(((await page.locator('#tip').textContent()) ?? '').trim().length > 0, 'the page script did not run');
      await page.close();
    } finally {
      rmSync(join(SITE, injected));
    }
  },
);

test(
  'the data dictionary fits a 1280 px screen: every column, the description too, without scrolling sideways',
  { skip },
  async () => {
    const { page, errors } = await open('dictionary.html');
    await page.setViewportSize({ width: 1280, height: 900 });
    const overflow = await page.$$eval('.table-wrap', (wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth));
    assert.ok(
      overflow.length > 0 && overflow.every((o) => o <= 0),
      `tables scroll sideways by ${overflow.join(', ')}px`,
    );
    const right = await page.$$eval('table.dictionary th:last-child', (ths) =>
      Math.max(...ths.map((th) => th.getBoundingClientRect().right)),
    );
    assert.ok(right <= 1280, `the Description column ends at ${right}px`);
    assert.deepEqual(errors, []);
    await page.close();
  },
);

test(
  'axe-core finds no serious or critical violation (landing, article, entity, dictionary, search results)',
  { skip },
  async () => {
    // Served by the site itself: the pages' Content-Security-Policy refuses inline and foreign scripts.
    copyFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), join(SITE, 'assets', 'axe.min.js'));
    const firstEntity = htmlPages(SITE).find((p) => p.startsWith('entities/'))!;
    for (const path of ['index.html', SEED_PAGE, firstEntity, 'dictionary.html', 'search.html?q=neodymium']) {
      const { page } = await open(path);
      await page.addScriptTag({ url: `${server.url}assets/axe.min.js` });
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
