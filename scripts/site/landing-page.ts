/**
 * The landing page: the latest articles first, then how to load the data (snippets that tests/site-snippets.test.ts
 * runs against the built files), the downloads (from datapackage.json; their hashes are in SHA256SUMS), the licences
 * and how to cite.
 */
import type { ArticleSummary, PublishedIndex } from '../../types/index.ts';
import { codeSpans, esc, formatBytes } from './html.ts';

/** A file offered for download, as the site serves it (under `data/`, the same path as in `dist/`). */
export interface Download {
  path: string;
  format: string;
  description: string;
  bytes: number;
}

/** What the site reads of datapackage.json. */
export interface Descriptor {
  name: string;
  title?: string;
  description?: string;
  version: string;
  homepage?: string;
  licenses?: { name?: string; path?: string; title?: string }[];
  resources: { name: string; path: string | string[]; format?: string; description?: string }[];
}

/** Articles the landing page lists (the newest); the rest are on the articles pages. */
const LATEST = 20;

/**
 * How to load the data, each snippet run from the site's `data/` folder by a test. `needs` are the files it reads:
 * a snippet whose files the build does not offer is left out.
 */
export const SNIPPETS: { tool: string; lang: 'python' | 'sql'; needs: string[]; code: string }[] = [
  {
    tool: 'Python',
    lang: 'python',
    needs: ['jsonl/articles.jsonl'],
    code: `import json

with open("jsonl/articles.jsonl", encoding="utf-8") as lines:
    articles = [json.loads(line) for line in lines]
for article in articles[:5]:
    print(article["id"], article["headline"]["text"])
print(len(articles), "articles")`,
  },
  {
    tool: 'pandas',
    lang: 'python',
    needs: ['jsonl/articles.jsonl', 'csv/mentions.csv'],
    code: `import pandas as pd

articles = pd.read_json("jsonl/articles.jsonl", lines=True)
mentions = pd.read_csv("csv/mentions.csv", keep_default_na=False, na_values=[""])
print(mentions.groupby("entity").size().sort_values(ascending=False).head())
print(len(articles), "articles")`,
  },
  {
    tool: 'DuckDB',
    lang: 'sql',
    needs: ['csv/articles.csv', 'csv/mentions.csv'],
    code: `SELECT id, headline_text, date_published FROM 'csv/articles.csv' ORDER BY id;
SELECT entity, count(*) AS mentions FROM 'csv/mentions.csv' GROUP BY entity ORDER BY mentions DESC, entity LIMIT 10;`,
  },
];

/** Newest first; articles without a date last; then by id. */
const newestFirst = (a: ArticleSummary, b: ArticleSummary) =>
  (b.datePublished ?? '').localeCompare(a.datePublished ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** An IPTC genre qcode as words: `genre:Press_Release` → `press release`. */
const genreLabel = (article: ArticleSummary): string =>
  article.genre
    ?.replace(/^genre:/, '')
    .replace(/_/g, ' ')
    .toLowerCase() ?? '';

export function landingPage(
  facts: Descriptor,
  downloads: readonly Download[],
  index: PublishedIndex,
): { title: string; main: string } {
  const title = facts.title ?? facts.name;
  const outlets = new Map(index.outlets.map((o) => [o.id, o.name]));
  const latest = [...index.articles]
    .sort(newestFirst)
    .slice(0, LATEST)
    .map((a) => {
      const about = [
        a.datePublished ? `<time>${esc(a.datePublished)}</time>` : '',
        a.publisher ? esc(outlets.get(a.publisher) ?? a.publisher) : '',
        esc(genreLabel(a)),
      ].filter((part) => part !== '');
      const kinds = about.length > 0 ? ` <span class="kind">${about.join(' · ')}</span>` : '';
      return `<li><a href="articles/${esc(a.id)}.html">${esc(a.headline.text)}</a>${kinds}</li>`;
    });
  const offered = new Set(downloads.map((d) => d.path));
  const snippets = SNIPPETS.filter((s) => s.needs.every((path) => offered.has(path)))
    .map((s) => `<h3>${esc(s.tool)}</h3>\n<pre><code data-lang="${s.lang}">${esc(s.code)}</code></pre>`)
    .join('\n');
  const files = downloads
    .map(
      (d) =>
        `<li><a href="data/${esc(d.path)}" download data-bytes="${d.bytes}">${esc(d.path)}</a> <span ` +
        `class="kind">${esc(d.format)}, ${esc(formatBytes(d.bytes))}</span> ${codeSpans(esc(d.description))}</li>`,
    )
    .join('\n');
  const licences = (facts.licenses ?? [])
    .map(
      (l) =>
        `<li>${
          l.path ? `<a href="${esc(l.path)}">${esc(l.name ?? l.path)}</a>` : esc(l.name ?? '')
        }${l.title ? `: ${esc(l.title)}` : ''}</li>`,
    )
    .join('\n');
  const cite =
    `annotated-news contributors. ${title} (version ${facts.version}) [Data ` +
    `set].${facts.homepage ? ` ${facts.homepage}` : ''}`;
  const n = index.articles.length;

  const main = `<h1>${esc(title)} <span class="version">version ${esc(facts.version)}</span></h1>
<p class="lead">${esc(facts.description ?? '')}</p>

<h2 id="articles">${n < LATEST ? 'The articles' : 'The latest articles'}</h2>
<ul class="list">
${latest.join('\n')}
</ul>
<p>All <a href="articles.html">${n} article${n === 1 ? '' : 's'}</a> and <a \
href="entities.html">${index.entities.length} entities</a>; every field is described in the <a \
href="dictionary.html">data dictionary</a>. Each annotation is anchored in the article’s own text; what the \
text does not say is marked unknown, or shown as a curator inference apart from the text.</p>

<h2 id="load">Load it</h2>
<p>Download the files below into one folder, then, from that folder:</p>
${snippets}

<h2 id="downloads">Downloads</h2>
<p><a href="data/datapackage.json">datapackage.json</a> describes every file and table (Frictionless Data \
Package). <a href="data/SHA256SUMS">SHA256SUMS</a> holds every file’s SHA-256: check a download with \
<code>sha256sum -c SHA256SUMS --ignore-missing</code>.</p>
<details><summary>All ${downloads.length} files</summary>
<ul class="downloads">
${files}
</ul>
</details>

<h2 id="licences">Licences</h2>
<ul>
${licences}
<li>Code (types, scripts, schemas, the npm package): MIT.</li>
<li>Article text is not the dataset’s to license: each article’s <code>rights</code> says what is known of it.</li>
</ul>

<h2 id="cite">How to cite</h2>
<p>${esc(cite)} Cite the version you used: the files of one version never change.</p>`;
  return { title, main };
}
