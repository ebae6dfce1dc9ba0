/**
 * Derived offsets: every `TextQuoteSelector` of an article gets `start` and `end` in Unicode code points into the
 * article text (W3C Web Annotation `TextPositionSelector`). Pure functions.
 */
import type { Article, TextQuoteSelector, PositionedSelector, PublishedArticle } from '../../types/index.ts';
import { articleText } from '../lib/text-quote.ts';
import { SelectorIndex, selectorsIn } from '../checks/selectors.ts';
import { trace } from '../lib/trace.ts';

/** The unit statement every JSON file with offsets carries (see `OffsetUnit` in types/published.ts). */
export const OFFSET_UNIT =
  // eslint-disable-next-line max-len -- one literal: its type is the published files' `offsets` literal type
  'Unicode code points into the article text (the body blocks joined with a single line feed); start inclusive, end exclusive (W3C Web Annotation TextPositionSelector)';

/** Converts UTF-16 indexes of `text` into code point offsets; the identity when the text has no surrogate pairs. */
export function codePointIndexer(text: string): (utf16Index: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (index) => index;
  const offsets = new Uint32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    offsets[i] = count;
    // A surrogate pair is one code point (its low surrogate maps to it too); a lone surrogate counts on its own.
    if (text.codePointAt(i)! > 0xffff) offsets[++i] = count;
  }
  offsets[text.length] = count;
  return (index) => offsets[index]!;
}

/**
 * Positions one selector; throws when it is not found exactly once (the validator rules that out). `index` is the
 * article text's SelectorIndex (the validator's), so an article's selectors cost time linear in its text and their
 * number, however many share an `exact`.
 */
export function positionSelector(
  index: SelectorIndex,
  toCodePoint: (utf16Index: number) => number,
  selector: TextQuoteSelector,
): PositionedSelector {
  trace?.(`search ${JSON.stringify(selector.exact)}`);
  const found = index.match(selector);
  if (found.length !== 1)
    throw new Error(`selector ${JSON.stringify(selector.exact)} matches ${found.length} times, not once`);
  return { ...selector, start: toCodePoint(found[0]!), end: toCodePoint(found[0]! + selector.exact.length) };
}

/** The article with every selector in its annotations positioned (a copy; key order is kept). */
export function positionArticle(article: Article): PublishedArticle {
  const text = articleText(article);
  const annotations = structuredClone(article.annotations);
  const selectors = selectorsIn(annotations, '').map(([, selector]) => selector);
  const index = new SelectorIndex(
    text,
    selectors.map((selector) => selector.exact),
  );
  const toCodePoint = codePointIndexer(text);
  for (const selector of selectors) Object.assign(selector, positionSelector(index, toCodePoint, selector));
  return { ...article, annotations: annotations as PublishedArticle['annotations'] };
}

/**
 * The record with its top-level keys in the schema's order, so the output does not depend on how a file is laid out.
 */
export function orderKeys<T extends object>(record: T, keys: readonly string[]): T {
  const source = record as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of keys) if (key in source) ordered[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in ordered)) ordered[key] = source[key];
  return ordered as T;
}
