/**
 * One page per entity: what the registry says of it, and every annotation that refers to it across the articles
 * (a mention, a quote's speaker, a figure's source, an event…), each linked to the passage on the article's page.
 */
import type { Entity } from '../../types/index.ts';
import { esc } from './html.ts';
import { layerView } from './layers.ts';

/** An annotation that refers to an entity. */
export interface EntityReference {
  article: string;
  layer: string;
  /** The annotation field that holds the entity id (`entity`, `speaker`, `standsFor`…). */
  field: string;
  annotation: string;
  /** The annotation's first passage. */
  exact: string;
}

export function entityPage(
  entity: Entity,
  references: readonly EntityReference[],
  headline: (article: string) => string,
): { title: string; main: string } {
  const byArticle = new Map<string, EntityReference[]>();
  for (const ref of references) byArticle.set(ref.article, [...(byArticle.get(ref.article) ?? []), ref]);
  const articles = [...byArticle].map(([article, refs]) => {
    const items = refs
      .map(
        (r) =>
          `<li><a href="../articles/${esc(article)}.html#a-${esc(r.annotation)}">“${esc(r.exact)}”</a> <span class="kind">${esc(layerView(r.layer).label.toLowerCase())}${r.field === 'entity' ? '' : `, as ${esc(r.field)}`}</span></li>`,
      )
      .join('');
    return `<li><a href="../articles/${esc(article)}.html">${esc(headline(article))}</a><ul>${items}</ul></li>`;
  });
  const facts: [string, string][] = [
    ['Kind', esc(entity.kind)],
    ...(entity.aliases.length > 0 ? [['Also called', esc(entity.aliases.join(', '))] as [string, string]] : []),
    ...entity.roles.map((role): [string, string] => [
      'Role',
      `${esc(role.title)}${role.start ? ` (from <time>${esc(role.start)}</time>${role.end ? ` to <time>${esc(role.end)}</time>` : ''})` : ''}`,
    ]),
    ...Object.entries(entity.identifiers).map(([key, value]): [string, string] => [key, esc(String(value))]),
  ];
  const main = `<h1>${esc(entity.name)} <span class="kind">${esc(entity.kind)}</span></h1>
<dl class="meta">${facts.map(([term, html]) => `<dt>${esc(term)}</dt><dd>${html}</dd>`).join('')}</dl>
<h2>In the articles (${references.length} annotation${references.length === 1 ? '' : 's'} in ${byArticle.size} article${byArticle.size === 1 ? '' : 's'})</h2>
${articles.length > 0 ? `<ol class="mentions">\n${articles.join('\n')}\n</ol>` : '<p>No article refers to this entity.</p>'}`;
  return { title: entity.name, main };
}
