/**
 * The pages of an entity: what the registry says of it, and every annotation that refers to it across the articles
 * (a mention, a quote's source, a figure's assertion, an event…), each linked to the passage on the article's page.
 * The references are listed in pages of `REFERENCES_PER_PAGE`: `entities/<id>.html`, then `entities/<id>/2.html`…
 */
import type { Entity } from '../../types/index.ts';
import { esc, groupBy, pager } from './html.ts';
import { LAYERS, type LayerName } from '../lib/layers.ts';

/** An annotation that refers to an entity. */
export interface EntityReference {
  entity: string;
  article: string;
  layer: LayerName;
  /** The annotation field that holds the entity id (`entity`, `source.entity`, `participants`…). */
  field: string;
  annotation: string;
  /** The annotation's first passage. */
  exact: string;
}

export const REFERENCES_PER_PAGE = 500;

/** Each page's path (relative to the site's root) and content; linear in the number of references. */
export function entityPages(
  entity: Entity,
  references: readonly EntityReference[],
  headline: (article: string) => string,
): [path: string, content: { title: string; main: string }][] {
  const pages = Math.max(1, Math.ceil(references.length / REFERENCES_PER_PAGE));
  const pathOf = (n: number) => (n === 1 ? `entities/${entity.id}.html` : `entities/${entity.id}/${n}.html`);
  const facts: [string, string][] = [
    ['Kind', esc(entity.kind)],
    ...(entity.aliases.length > 0 ? [['Also called', esc(entity.aliases.join(', '))] as [string, string]] : []),
    ...entity.roles.map((role): [string, string] => [
      'Role',
      `${esc(role.title)}${
        role.start
          ? ` (from <time>${esc(role.start)}</time>${role.end ? ` to <time>${esc(role.end)}</time>` : ''})`
          : ''
      }`,
    ]),
    ...Object.entries(entity.identifiers).map(([key, value]): [string, string] => [key, esc(String(value))]),
  ];
  const articles = new Set(references.map((r) => r.article)).size;
  const result: [string, { title: string; main: string }][] = [];
  for (let n = 1; n <= pages; n++) {
    const root = n === 1 ? '../' : '../../';
    const slice = references.slice((n - 1) * REFERENCES_PER_PAGE, n * REFERENCES_PER_PAGE);
    const groups = [...groupBy(slice, (r) => r.article)].map(([article, refs]) => {
      const href = `${root}articles/${esc(article)}.html`;
      const items = refs.map((r) => {
        const as = r.field === 'entity' ? '' : `, as ${esc(r.field)}`;
        return (
          `<li><a href="${href}#a-${esc(r.annotation)}">“${esc(r.exact)}”</a> <span class="kind">` +
          `${esc(LAYERS[r.layer].heading.toLowerCase())}${as}</span></li>`
        );
      });
      return `<li><a href="${href}">${esc(headline(article))}</a><ul>${items.join('')}</ul></li>`;
    });
    const nav = pager(`References to ${entity.name}`, pages, n, (i) => root + pathOf(i));
    result.push([
      pathOf(n),
      {
        title: pages > 1 ? `${entity.name} (page ${n} of ${pages})` : entity.name,
        main: `<h1>${esc(entity.name)} <span class="kind">${esc(entity.kind)}</span></h1>
<dl class="meta">${facts.map(([term, html]) => `<dt>${esc(term)}</dt><dd>${html}</dd>`).join('')}</dl>
<h2>In the articles (${references.length} annotation${references.length === 1 ? '' : 's'} in ${articles} \
article${articles === 1 ? '' : 's'})</h2>
${nav}${
          groups.length > 0
            ? `<ol class="mentions">\n${groups.join('\n')}\n</ol>`
            : '<p>No article refers to this entity.</p>'
        }${nav}`,
      },
    ]);
  }
  return result;
}
