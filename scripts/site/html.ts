/** Helpers for the dataset site: escaping, the frame every page shares, paging and grouping. */
import { generatedNotice } from '../lib/generated.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML content and attribute values. */
export const esc = (text: string | number): string => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Inline Markdown code spans (`x`) in already escaped text, as `<code>`. */
export const codeSpans = (escaped: string): string => escaped.replace(/`([^`]+)`/g, '<code>$1</code>');

/** A page of the site. `root` is the relative path from the page to the site's root (`''` or `'../'`). */
export interface PageSpec {
  root: string;
  title: string;
  /** The page's `<main>` content. */
  main: string;
  /** The dataset's name and version, shown in the footer. */
  dataset: { name: string; version: string };
  /** Extra markup for `<head>` (the landing page's schema.org description). */
  head?: string;
}

/**
 * The pages' Content-Security-Policy: only the site's own style sheet, page script, search index and data; no inline
 * script or style, no `eval`, no plugins, no `<base>`, forms only to the site itself. A `<meta>` (GitHub Pages sets
 * no headers), so `frame-ancestors` and reporting are not available.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri " +
  "'none'; form-action 'self'";

/** A whole HTML document. */
export function page({ root, title, main, dataset, head = '' }: PageSpec): string {
  return `<!doctype html>
<!-- ${esc(generatedNotice('npm run site'))} -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · ${esc(dataset.name)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}assets/site.css">
<script type="module" src="${root}assets/client.js"></script>
${head}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<nav aria-label="Site">
<a class="brand" href="${root}index.html">${esc(dataset.name)}</a>
<a href="${root}articles.html">Articles</a>
<a href="${root}entities.html">Entities</a>
<a href="${root}dictionary.html">Data dictionary</a>
</nav>
<form class="search" role="search" action="${root}search.html" method="get">
<label for="q">Search</label>
<input id="q" name="q" type="search" placeholder="headline, entity, text" data-root="${root}">
<button type="submit">Search</button>
</form>
</header>
<main id="main">
${main}
</main>
<footer class="site">
<p>${esc(dataset.name)} ${esc(dataset.version)}. Annotations CC BY 4.0; code MIT; article text belongs to its \
rights holders (see each article).</p>
</footer>
</body>
</html>
`;
}

/** JSON-LD for a page's head (`<` escaped, so the text cannot close the script element). */
export const jsonLdScript = (json: string): string =>
  `<script type="application/ld+json">${json.trim().replace(/</g, '\\u003c')}</script>\n`;

/**
 * Links between the pages of a paged list (`''` for one page): the first, previous, current, next and last pages,
 * so each page's links stay few however long the list.
 */
export function pager(label: string, pages: number, current: number, href: (n: number) => string): string {
  if (pages <= 1) return '';
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages);
  const links = shown.map((n, i) => {
    const gap = i > 0 && n - shown[i - 1]! > 1 ? '<span>…</span> ' : '';
    return gap + (n === current ? `<span aria-current="page">${n}</span>` : `<a href="${esc(href(n))}">${n}</a>`);
  });
  return `<nav class="pager" aria-label="${esc(label)}: pages">${links.join(' ')}</nav>\n`;
}

/** Items grouped by key, the keys in the order first met, each group in the items' order (Node 21's Map.groupBy). */
export function groupBy<K, T>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Human-readable byte count (1,234 B, 12.3 kB, 4.5 MB). */
export function formatBytes(bytes: number): string {
  const unit = bytes < 1000 ? 0 : Math.min(3, Math.floor(Math.log10(bytes) / 3));
  return unit === 0 ? `${bytes} B` : `${(bytes / 1000 ** unit).toFixed(1)} ${['', 'kB', 'MB', 'GB'][unit]}`;
}
