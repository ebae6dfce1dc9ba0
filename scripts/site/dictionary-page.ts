/** The data dictionary page: every collection and field, from the published JSON Schemas. */
import { dictionaryRows } from '../lib/data-dictionary.ts';
import { codeSpans, esc } from './html.ts';

export function dictionaryPage(schemas: ReadonlyMap<string, Record<string, unknown>>): { title: string; main: string } {
  const sections = [...schemas].map(([file, schema]) => {
    const rows = dictionaryRows(schema)
      .map(
        (row) =>
          `<tr><th scope="row"><code>${esc(row.path)}</code></th><td>${codeSpans(esc(row.type))}</td>` +
          `<td>${row.required ? 'yes' : 'no'}</td><td>${codeSpans(esc(row.description))}</td></tr>`,
      )
      .join('\n');
    const id = file.replace('.schema.json', '');
    const table = `<table class="dictionary"><caption>Fields of ${esc(String(schema.title))}</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th><th \
scope="col">Description</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
    return `<section aria-labelledby="${esc(id)}"><h2 id="${esc(id)}">${esc(String(schema.title))}</h2>
<p>${codeSpans(esc(typeof schema.description === 'string' ? schema.description : ''))}</p>
<p>Schema: <a href="data/schemas/${esc(file)}"><code>${esc(file)}</code></a> \
(<code>${esc(String(schema.$id))}</code>).</p>
<div class="table-wrap" role="region" aria-label="${esc(`Fields of ${String(schema.title)}`)}" tabindex="0">
${table}
</div></section>`;
  });
  const main = `<h1>Data dictionary</h1>
<p>Every field of every collection, generated from the JSON Schemas (themselves generated from the TypeScript \
types). A path such as <code>annotations.mentions[].entity</code> names a field inside each item of a list. \
“Required” means the key must be present; its value may still be <code>null</code> where the type allows it \
(<code>null</code> means “not known”).</p>
<nav aria-label="Collections"><ul>${[...schemas]
    .map(
      ([file, schema]) =>
        `<li><a href="#${esc(file.replace('.schema.json', ''))}">${esc(String(schema.title))}</a></li>`,
    )
    .join('')}</ul></nav>
${sections.join('\n')}`;
  return { title: 'Data dictionary', main };
}
