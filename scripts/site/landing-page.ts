/**
 * The landing page: what the dataset is, its version, licences and how to cite it, and every download with its
 * size and SHA-256, and how to load each format in pandas, R, DuckDB, SQLite and Excel.
 */
import { codeSpans, esc, formatBytes, scrollTable } from './html.ts';

/** A file offered for download, as the site serves it. */
export interface Download {
  /** Path relative to the site's `data/` folder (the same as in the build's `dist/`). */
  path: string;
  format: string;
  description: string;
  bytes: number;
  sha256: string;
}

export interface LandingFacts {
  name: string;
  title: string;
  description: string;
  version: string;
  homepage: string | undefined;
  licenses: { name?: string; path?: string; title?: string }[];
  downloads: Download[];
  counts: { articles: number; entities: number; outlets: number };
}

/** How to read one format in each tool, given the file's name; formats without a recipe get none. */
const RECIPES: Record<string, (file: string, table: string) => [tool: string, code: string][]> = {
  csv: (file, table) => [
    ['pandas', `import pandas as pd\n${table} = pd.read_csv("${file}", keep_default_na=False, na_values=[""])`],
    ['R', `library(readr)\n${table} <- read_csv("${file}", na = "")`],
    ['DuckDB', `SELECT * FROM read_csv('${file}');`],
    ['SQLite', `sqlite3 news.db '.import --csv ${file} ${table}'`],
    [
      'Excel',
      'Data → From Text/CSV, File Origin “65001: Unicode (UTF-8)”, then Load (opening the file directly may treat cells that begin with = + - @ as formulas).',
    ],
  ],
  parquet: (file, table) => [
    ['pandas', `import pandas as pd\n${table} = pd.read_parquet("${file}")`],
    ['R', `library(arrow)\n${table} <- read_parquet("${file}")`],
    ['DuckDB', `SELECT * FROM read_parquet('${file}');`],
  ],
  sqlite: (file) => [
    [
      'pandas',
      `import sqlite3, pandas as pd\ndb = sqlite3.connect("${file}")\narticles = pd.read_sql("SELECT * FROM articles", db)`,
    ],
    ['R', `library(DBI)\ndb <- dbConnect(RSQLite::SQLite(), "${file}")\narticles <- dbReadTable(db, "articles")`],
    ['DuckDB', `ATTACH '${file}' AS news (TYPE sqlite);\nSELECT * FROM news.articles;`],
    ['SQLite', `sqlite3 ${file} 'SELECT id, headline_text FROM articles'`],
  ],
  json: (file) => [
    ['pandas', `import json, pandas as pd\narticles = pd.json_normalize(json.load(open("${file}"))["articles"])`],
    ['R', `library(jsonlite)\ndata <- fromJSON("${file}")`],
    ['DuckDB', `SELECT unnest(articles, max_depth := 2) FROM read_json('${file}');`],
  ],
  ndjson: (file) => [
    ['pandas', `import pandas as pd\nrecords = pd.json_normalize(pd.read_json("${file}", lines=True)["record"])`],
    ['R', `library(jsonlite)\nrecords <- stream_in(file("${file}"))$record`],
    ['DuckDB', `SELECT record.* FROM read_ndjson('${file}');`],
  ],
  jsonl: (file, table) => [
    ['pandas', `import pandas as pd\n${table} = pd.read_json("${file}", lines=True)`],
    ['R', `library(jsonlite)\n${table} <- stream_in(file("${file}"))`],
    ['DuckDB', `SELECT * FROM read_json('${file}', format = 'newline_delimited');`],
  ],
};

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const tableName = (path: string) =>
  baseName(path)
    .replace(/\..*$/, '')
    .replace(/[^A-Za-z0-9_]/g, '_');

export function landingPage(facts: LandingFacts): { title: string; main: string } {
  const rows = facts.downloads.map(
    (d) =>
      `<tr><td><a href="data/${esc(d.path)}" download>${esc(d.path)}</a></td><td>${esc(d.format)}</td><td class="num" data-bytes="${d.bytes}">${esc(formatBytes(d.bytes))}</td><td><code class="hash">${esc(d.sha256)}</code></td><td>${codeSpans(esc(d.description))}</td></tr>`,
  );
  const table = `<table class="downloads">
<caption>Every file of version ${esc(facts.version)}: format, size and SHA-256</caption>
<thead><tr><th scope="col">File</th><th scope="col">Format</th><th scope="col">Size</th><th scope="col">SHA-256</th><th scope="col">What it holds</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;

  // One recipe per format present, shown with the format's first file.
  const formats = [...new Set(facts.downloads.map((d) => d.format))].filter((format) => RECIPES[format]);
  const recipes = formats
    .map((format) => {
      const example =
        facts.downloads.find((d) => d.format === format && /articles/.test(d.path)) ??
        facts.downloads.find((d) => d.format === format)!;
      const file = baseName(example.path);
      const steps = RECIPES[format]!(file, tableName(example.path))
        .map(([tool, code]) => `<dt>${esc(tool)}</dt><dd><pre><code>${esc(code)}</code></pre></dd>`)
        .join('\n');
      return `<section aria-labelledby="load-${esc(format)}"><h3 id="load-${esc(format)}">${esc(format.toUpperCase())} (for example <code>${esc(file)}</code>)</h3>\n<dl class="recipes">\n${steps}\n</dl></section>`;
    })
    .join('\n');

  const citeText = `annotated-news contributors. ${facts.title} (version ${facts.version}) [Data set].${facts.homepage ? ` ${facts.homepage}` : ''}`;
  const bibtex = `@misc{annotated_news_${facts.version.replace(/\./g, '_')},
  author = {{annotated-news contributors}},
  title = {${facts.title}},
  version = {${facts.version}},
  howpublished = {Data set${facts.homepage ? `, \\url{${facts.homepage}}` : ''}},
  note = {Annotations CC BY 4.0}
}`;

  const licences = facts.licenses
    .map(
      (l) =>
        `<li>${l.path ? `<a href="${esc(l.path)}">${esc(l.name ?? l.path)}</a>` : esc(l.name ?? '')}${l.title ? `: ${esc(l.title)}` : ''}</li>`,
    )
    .join('\n');

  const main = `<h1>${esc(facts.title)} <span class="version">version ${esc(facts.version)}</span></h1>
<p class="lead">${esc(facts.description)}</p>
<p>${facts.counts.articles} article${facts.counts.articles === 1 ? '' : 's'}, ${facts.counts.entities} entities, ${facts.counts.outlets} outlets.
Read them: <a href="articles/index.html">articles</a>, <a href="entities/index.html">entities</a>; every field is described in the <a href="dictionary.html">data dictionary</a>.</p>
<p>Each annotation is anchored in the article’s own text; what the text does not say is marked unknown or shown as a curator inference, apart from the text.</p>

<h2 id="downloads">Downloads</h2>
<p>Check a file with <code>sha256sum</code> (Linux), <code>shasum -a 256</code> (macOS) or <code>Get-FileHash</code> (PowerShell). <a href="data/datapackage.json">datapackage.json</a> describes every table and column (Frictionless Data Package v2).</p>
${scrollTable('Downloads', table)}

<h2 id="load">How to load the data</h2>
${recipes}

<h2 id="licences">Licences</h2>
<ul>
${licences}
<li>Code (types, scripts, schemas, the npm package): MIT.</li>
<li>Article text is not the dataset’s to license: each article’s <code>rights</code> says what is known of it.</li>
</ul>

<h2 id="cite">How to cite</h2>
<p>${esc(citeText)}</p>
<pre><code>${esc(bibtex)}</code></pre>
<p>Cite the version you used: the files of one version never change.</p>`;
  return { title: facts.title, main };
}
