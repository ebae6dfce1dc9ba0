/**
 * Highlights annotations in an article's text. Every positioned selector in `annotations` is found generically
 * (any object with `exact`, `start` and `end`), so a new annotation layer is highlighted without changes here.
 * Overlapping highlights nest: a mention inside a quote is a `<mark>` inside the quote's `<mark>`; when two
 * passages cross without one containing the other, the later one is split into fragments that nest.
 */
import type { Block, PositionedSelector } from '../../types/index.ts';
import { pointerSegment } from '../lib/json-source.ts';
import { esc, groupBy } from './html.ts';

/** One highlighted passage: a selector of an annotation, with the attributes its `<mark>` carries. */
export interface Highlight {
  /** Offsets in code points into the article text. */
  start: number;
  end: number;
  /** JSON pointer of the selector in the article (`/annotations/quotes/0/continuations/1`). */
  pointer: string;
  /** Outer-first rank when two passages cover the same text (a quote holds a mention, not the reverse). */
  rank: number;
  /** The `<mark>`'s attributes. */
  attributes: Record<string, string>;
}

const isSelector = (value: unknown): value is PositionedSelector =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PositionedSelector).exact === 'string' &&
  typeof (value as PositionedSelector).start === 'number' &&
  typeof (value as PositionedSelector).end === 'number';

/**
 * Every positioned selector inside `value`, with its JSON pointer and its path below `value` (e.g. `time/selector`).
 */
export function findSelectors(
  value: unknown,
  pointer: string,
  path: string[] = [],
): { selector: PositionedSelector; pointer: string; path: string[] }[] {
  if (isSelector(value)) return [{ selector: value, pointer, path }];
  if (Array.isArray(value)) return value.flatMap((item, i) => findSelectors(item, `${pointer}/${i}`, path));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      findSelectors(item, `${pointer}/${pointerSegment(key)}`, [...path, key]),
    );
  }
  return [];
}

const openTag = (h: Highlight) =>
  `<mark${Object.entries(h.attributes)
    .map(([name, value]) => ` ${name}="${esc(value)}"`)
    .join('')}>`;

/** Outer first: earlier end last (longer first), then rank, then pointer (for determinism). */
const outerFirst = (a: Highlight, b: Highlight) =>
  b.end - a.end || a.rank - b.rank || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0);

/**
 * The HTML of one block's text (`blockStart` is its offset in the article text) with its highlights as nested marks.
 */
export function highlightBlock(text: string, blockStart: number, highlights: readonly Highlight[]): string {
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
      out.push(openTag(h));
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

/** Each block with its offset in the article text (blocks are joined with one line feed). */
export function blockOffsets(body: readonly Block[]): { block: Block; start: number }[] {
  let start = 0;
  return body.map((block) => {
    const entry = { block, start };
    start += [...block.text].length + 1;
    return entry;
  });
}
