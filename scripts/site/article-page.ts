/**
 * One article's page: its metadata, the verbatim text with every annotation layer highlighted (switchable), the
 * details of each annotation, and the curator's inferences, kept apart from what the text says.
 *
 * Every selector in the annotations is found generically (by the validator's walker, selectorsIn), so a new
 * annotation layer is highlighted without changes here. Overlapping highlights nest: a mention inside a quote is a
 * `<mark>` inside the quote's `<mark>`; when two passages cross without one containing the other, the later one is
 * split into fragments that nest.
 */
import type { CuratorInference, PositionedSelector, PublishedArticle } from '../../types/index.ts';
import { selectorsIn } from '../checks/selectors.ts';
import { esc, groupBy } from './html.ts';
import { DISPLAY_ORDER, layerSpec, type AnyAnnotation, type LayerName } from '../lib/layers.ts';
import type { Registry } from '../lib/registry.ts';

/** One highlighted passage: a selector of an annotation, and the `<mark>` that opens it. */
interface Highlight {
  /** Offsets in code points into the article text. */
  start: number;
  end: number;
  /** JSON pointer of the selector in the article (`/annotations/quotes/0/continuations/1`). */
  pointer: string;
  /** Outer-first rank when two passages cover the same text (a quote holds a mention, not the reverse). */
  rank: number;
  /** The opening tag, `<mark class=… data-…>`. */
  open: string;
}

/** The field names along a JSON pointer, without the list indices (`/time/selector` → `time`, `selector`). */
export const fieldsOf = (pointer: string): string[] =>
  pointer.split('/').filter((key) => key !== '' && !/^\d+$/.test(key));

/** Outer first: earlier end last (longer first), then rank, then pointer (for determinism). */
const outerFirst = (a: Highlight, b: Highlight) =>
  b.end - a.end || a.rank - b.rank || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0);

/**
 * The HTML of one block's text (`blockStart` is its offset in the article text) with its highlights as nested marks.
 */
function highlightBlock(text: string, blockStart: number, highlights: readonly Highlight[]): string {
  const chars = [...text];
  const blockEnd = blockStart + chars.length;
  const inside = highlights.filter((h) => h.start >= blockStart && h.end <= blockEnd && h.end > h.start);
  const boundaries = [...new Set([blockStart, blockEnd, ...inside.flatMap((h) => [h.start, h.end])])].sort(
    (a, b) => a - b,
  );
  const startingAt = groupBy(inside, (h) => h.start);

  const out: string[] = [];
  const open: Highlight[] = [];
  for (let i = 0; i < boundaries.length; i++) {
    const at = boundaries[i]!;
    // Close what ends here; anything opened inside it that goes on is closed too, and reopened below.
    const firstEnding = open.findIndex((h) => h.end === at);
    const reopen: Highlight[] = [];
    if (firstEnding >= 0) {
      while (open.length > firstEnding) {
        const closed = open.pop()!;
        out.push('</mark>');
        if (closed.end > at) reopen.push(closed);
      }
    }
    const opening = [...reopen, ...(startingAt.get(at) ?? [])].sort(outerFirst);
    for (const h of opening) {
      out.push(h.open);
      open.push(h);
    }
    const next = boundaries[i + 1];
    if (next !== undefined) out.push(esc(chars.slice(at - blockStart, next - blockStart).join('')));
  }
  while (open.length > 0) {
    open.pop();
    out.push('</mark>');
  }
  return out.join('');
}

const annotationAnchor = (id: string) => `a-${id}`;

function highlights(
  layers: [LayerName, readonly AnyAnnotation[]][],
  registry: Registry,
  inferred: ReadonlySet<string>,
): Highlight[] {
  return layers.flatMap(([layer, annotations], rank) =>
    annotations.flatMap((annotation, index) => {
      const extra = layerSpec(layer).markClass?.(annotation, registry);
      // Every selector of a published article is positioned (the build gave each its start and end).
      return selectorsIn(annotation, '').map(([below, selector]): Highlight => {
        const pointer = `/annotations/${layer}/${index}${below}`;
        const role =
          fieldsOf(below)
            .filter((key) => key !== 'selector')
            .join('-') || 'passage';
        const classes = ['hl', `layer-${layer}`, `role-${role}`, extra, inferred.has(annotation.id) && 'inferred']
          .filter(Boolean)
          .join(' ');
        const open =
          `<mark class="${esc(classes)}" data-layer="${esc(layer)}" data-ann="${esc(annotation.id)}" ` +
          `data-pointer="${esc(pointer)}" tabindex="0" aria-describedby="${esc(annotationAnchor(annotation.id))}">`;
        const { start, end } = selector as PositionedSelector;
        return { start, end, pointer, rank, open };
      });
    }),
  );
}

/** One entry of the list of curator inferences: what it is about, and the inference. */
function inferenceItem(i: CuratorInference): string {
  const about =
    i.about === 'article' ? 'The article' : `<a href="#${esc(annotationAnchor(i.about))}">${esc(i.about)}</a>`;
  return `<li>${about}: ${inferenceHtml(i)}</li>`;
}

function inferenceHtml(inference: CuratorInference): string {
  return (
    `<div class="inference"><strong>Curator inference, not in the text:</strong> ${esc(inference.field)} = ` +
    `<strong>${esc(inference.value)}</strong> (${esc(inference.confidence)} confidence). ` +
    `${esc(inference.rationale)}</div>`
  );
}

export function articlePage(article: PublishedArticle, registry: Registry): { title: string; main: string } {
  const layers = DISPLAY_ORDER.map((name): [LayerName, readonly AnyAnnotation[]] => [name, article.annotations[name]]);
  const inferencesAbout = groupBy(article.inferences, (inference) => inference.about);
  const marks = highlights(layers, registry, new Set(inferencesAbout.keys()));

  // Each highlight goes to the block it starts in (one pass, by start), so each block looks at its own only.
  let offset = 0;
  const blocks = article.body.map((block) => {
    const start = offset;
    offset += [...block.text].length + 1; // the blocks are joined with one line feed
    return { block, start };
  });
  const perBlock = blocks.map((): Highlight[] => []);
  let b = 0;
  for (const mark of [...marks].sort((x, y) => x.start - y.start)) {
    while (blocks[b + 1] !== undefined && blocks[b + 1]!.start <= mark.start) b++;
    perBlock[b]?.push(mark);
  }
  const text = blocks
    .map(({ block, start }, i) => {
      const tag = block.type === 'subheading' ? 'h3' : 'p';
      const item = block.type === 'listItem' ? ` class="item level-${Math.min(block.level ?? 1, 3)}"` : '';
      return `<${tag}${item}>${highlightBlock(block.text, start, perBlock[i]!)}</${tag}>`;
    })
    .join('\n');

  const shown = layers.filter(([, annotations]) => annotations.length > 0);
  const toggles = shown
    .map(([layer, annotations]) => {
      const view = layerSpec(layer);
      return (
        `<label class="toggle layer-${esc(layer)}"><input type="checkbox" checked ` +
        `data-layer-toggle="${esc(layer)}" aria-describedby="help-${esc(layer)}"> <span class="swatch" ` +
        `aria-hidden="true"></span>${esc(view.heading)} (${annotations.length})</label><span ` +
        `class="visually-hidden" id="help-${esc(layer)}">${esc(view.help)}</span>`
      );
    })
    .join('\n');

  const sections = shown
    .map(([layer, annotations]) => {
      const view = layerSpec(layer);
      const items = annotations.map((annotation) => {
        const passages = selectorsIn(annotation, '')
          .filter(([pointer]) => /^\/(?:selector|continuations\/\d+)$/.test(pointer))
          .map(([, selector]) => `“${esc(selector.exact)}”`)
          .join(' … ');
        const details = view
          .details(annotation, registry)
          .map(([term, html]) => `<dt>${esc(term)}</dt><dd>${html}</dd>`)
          .join('');
        const inferences = (inferencesAbout.get(annotation.id) ?? []).map(inferenceHtml).join('');
        return (
          `<li id="${esc(annotationAnchor(annotation.id))}" class="annotation layer-${esc(layer)}"><p ` +
          `class="passage">${passages}</p><dl>${details}</dl>${inferences}</li>`
        );
      });
      return (
        `<section aria-labelledby="h-${esc(layer)}"><h3 ` +
        `id="h-${esc(layer)}">${esc(view.heading)} (${annotations.length})</h3>\n<ol ` +
        `class="annotations">\n${items.join('\n')}\n</ol></section>`
      );
    })
    .join('\n');

  const articleInferences = article.inferences.filter((i) => i.about === 'article');
  const publisher =
    article.publisher === null ? null : (registry.outlets.get(article.publisher)?.name ?? article.publisher);
  const unknown = '<span class="unknown">unknown</span>';
  const meta: [string, string][] = [
    [
      'Headline',
      article.headline.origin === 'curator' ? 'written by the curator (no original headline is known)' : 'as published',
    ],
    ['Publisher', publisher ? esc(publisher) : unknown],
    [
      'Authors',
      article.authors === null
        ? unknown
        : article.authors.length === 0
          ? 'uncredited'
          : esc(article.authors.map((a) => a.name).join(', ')),
    ],
    ['Published', article.datePublished ? `<time>${esc(article.datePublished)}</time>` : unknown],
    ['Address', article.url ? `<a href="${esc(article.url)}">${esc(article.url)}</a>` : unknown],
    ['Language', esc(article.language)],
    ['Rights', `${esc(article.rights.status)}${article.rights.note ? `. ${esc(article.rights.note)}` : ''}`],
    ['Source', esc(article.provenance.source)],
    ['Data', `<a href="../data/articles/${esc(article.id)}.json">JSON</a>`],
  ];

  const main = `<article class="news">
<h1>${esc(article.headline.text)}${
    article.headline.origin === 'curator' ? ' <span class="badge">curator’s headline</span>' : ''
  }</h1>
<dl class="meta">${meta.map(([term, html]) => `<dt>${esc(term)}</dt><dd>${html}</dd>`).join('')}</dl>
${
  articleInferences.length > 0
    ? `<div class="article-inferences">${articleInferences.map(inferenceHtml).join('')}</div>`
    : ''
}
<fieldset class="layers">
<legend>Annotation layers</legend>
${toggles}
<p class="hint">Each highlighted passage can be focused with the Tab key or hovered for its details; the list \
below the text has them all. <span class="inferred-key">Dashed outline</span>: a curator inference (not in \
the text) is attached.</p>
</fieldset>
<div class="text" lang="${esc(article.language)}">
${text}
</div>
<h2>Annotations</h2>
${sections}
${
  article.inferences.length > 0
    ? `<section aria-labelledby="h-inferences"><h2 id="h-inferences">Curator ` +
      `inferences (${article.inferences.length})</h2><p>What the curator believes but the text does not say.</p>` +
      `<ul class="inferences">${article.inferences.map(inferenceItem).join('')}</ul></section>`
    : ''
}
</article>`;
  return { title: article.headline.text, main };
}
