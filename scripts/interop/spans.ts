/**
 * The shared core of the annotation-tool exports and imports (W3C Web Annotation, brat, Label Studio, spaCy): an
 * annotation taken apart into the text spans it points at and the fields that are not spans, and put back together.
 *
 * Spans are found by shape (any object with a string `exact` is a `TextQuoteSelector`), each named by its path in
 * the annotation (`selector`, `continuations/0`, `attribution`, `time/selector`…), so a new annotation kind or a new
 * selector field needs no change here; what each kind means to a tool is in ./layers.ts. Offsets are Unicode code
 * points into the article text (the body blocks joined with `\n`), as in the published `TextPositionSelector`s.
 * Pure functions.
 */
import { createHash } from 'node:crypto';
import type { Annotations, Article, PublishedArticle, TextQuoteSelector } from '../../types/index.ts';
import { articleText, matchSelector } from '../lib/text-quote.ts';

/** An annotation kind: a key of `Annotations` (`mentions`, `quotes`…). */
export type Layer = keyof Annotations;
export type AnyAnnotation = Annotations[Layer][number];

/** One span of an annotation: its role (the selector's path), its selector and its code point offsets. */
export interface Span {
  role: string;
  selector: TextQuoteSelector;
  start: number;
  end: number;
}

/** An annotation taken apart: its kind, id, spans (the main `selector` first) and every other field. */
export interface Decomposed {
  layer: Layer;
  id: string;
  spans: Span[];
  /** The annotation without its id and its selectors (lists that held selectors are left empty). */
  fields: Record<string, unknown>;
}

/** The main span's role: every annotation has a `selector`. */
export const MAIN = 'selector';

/** Whether a value is a `TextQuoteSelector`. */
export function isSelector(value: unknown): value is TextQuoteSelector {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { exact?: unknown }).exact === 'string'
  );
}

/** A selector's context, its `prefix` and `suffix`, leaving out the one that is undefined. */
export const contextOf = ({ prefix, suffix }: { prefix?: string; suffix?: string }) => ({
  ...(prefix === undefined ? {} : { prefix }),
  ...(suffix === undefined ? {} : { suffix }),
});

/** Role patterns (`hedges/#`) numbered in the order given (`hedges/0`, `hedges/1`…); other roles as they are. */
export function numberRoles(roles: readonly string[]): string[] {
  const counters = new Map<string, number>();
  return roles.map((role) => {
    const n = counters.get(role) ?? 0;
    counters.set(role, n + 1);
    return role.replace('#', String(n));
  });
}

/** Converts between UTF-16 indexes and code point offsets of one text. */
export class Offsets {
  readonly #toCodePoint: Uint32Array | null = null;
  readonly #toUtf16: Uint32Array | null = null;
  constructor(readonly text: string) {
    // Without surrogates (most texts), each code point is one UTF-16 unit and no table is needed.
    if (!/[\uD800-\uDFFF]/.test(text)) return;
    const points = [...text];
    const toCodePoint = (this.#toCodePoint = new Uint32Array(text.length + 1));
    const toUtf16 = (this.#toUtf16 = new Uint32Array(points.length + 1));
    let unit = 0;
    points.forEach((point, index) => {
      toUtf16[index] = unit;
      for (let k = 0; k < point.length; k++) toCodePoint[unit + k] = index;
      unit += point.length;
    });
    toCodePoint[text.length] = points.length;
    toUtf16[points.length] = text.length;
  }
  /** The number of code points. */
  get length(): number {
    return this.#toUtf16 ? this.#toUtf16.length - 1 : this.text.length;
  }
  codePoint(utf16: number): number {
    return this.#toCodePoint ? this.#toCodePoint[utf16]! : utf16;
  }
  utf16(codePoint: number): number {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.length)
      throw new RangeError(`offset ${codePoint} is outside the text (0..${this.length})`);
    return this.#toUtf16 ? this.#toUtf16[codePoint]! : codePoint;
  }
  /** The text between two code point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.utf16(start), this.utf16(end));
  }
}

/** Every selector inside a value, with its path (segments joined by `/`). */
function selectorsIn(
  value: unknown,
  path: string[],
  found: Array<{ role: string; selector: TextQuoteSelector }>,
): void {
  if (isSelector(value)) found.push({ role: path.join('/'), selector: value });
  else if (Array.isArray(value)) value.forEach((item, i) => selectorsIn(item, [...path, String(i)], found));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) selectorsIn(v, [...path, k], found);
}

/** The value with every selector removed: object keys dropped, list items dropped (a list of selectors becomes []). */
function withoutSelectors(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !isSelector(item)).map(withoutSelectors);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isSelector(v)) out[k] = withoutSelectors(v);
    return out;
  }
  return value;
}

/**
 * Positions a selector in the text (it must match exactly once, as the validator ensures): `prefix + exact + suffix`
 * occurs exactly where the selector matches, so two `indexOf` calls settle it, however often `exact` repeats.
 */
export function locate(text: string, offsets: Offsets, selector: TextQuoteSelector): { start: number; end: number } {
  const { exact, prefix = '', suffix = '' } = selector;
  const whole = prefix + exact + suffix;
  const first = text.indexOf(whole);
  if (first === -1 || text.indexOf(whole, first + 1) !== -1)
    throw new Error(
      `selector ${JSON.stringify(exact)} matches ${matchSelector(text, selector).length} times, not once`,
    );
  const at = first + prefix.length;
  return { start: offsets.codePoint(at), end: offsets.codePoint(at + exact.length) };
}

/**
 * A span from a selector: a published selector (from `dist/jsonl/`) already carries its code point `start` and
 * `end`, which are taken as they are (and dropped from the selector); any other is located in the text.
 */
function spanOf(role: string, selector: TextQuoteSelector, text: string, offsets: Offsets): Span {
  const { start, end, ...quote } = selector as TextQuoteSelector & { start?: unknown; end?: unknown };
  if (typeof start === 'number' && typeof end === 'number') return { role, selector: quote, start, end };
  return { role, selector: quote, ...locate(text, offsets, quote) };
}

/** Takes one annotation apart. */
export function decompose(layer: Layer, annotation: AnyAnnotation, text: string, offsets: Offsets): Decomposed {
  const { id, ...rest } = annotation as { id: string };
  const found: Array<{ role: string; selector: TextQuoteSelector }> = [];
  selectorsIn(rest, [], found);
  const spans = found.map(({ role, selector }) => spanOf(role, selector, text, offsets));
  spans.sort((a, b) => (a.role === MAIN ? -1 : b.role === MAIN ? 1 : 0));
  return { layer, id, spans, fields: withoutSelectors(rest) as Record<string, unknown> };
}

/** Every annotation of an article (as recorded, or as published with positions), taken apart, layer by layer. */
export function decomposeArticle(article: Pick<Article | PublishedArticle, 'body' | 'annotations'>): {
  text: string;
  offsets: Offsets;
  annotations: Decomposed[];
} {
  const text = articleText(article);
  const offsets = new Offsets(text);
  const annotations: Decomposed[] = [];
  for (const [layer, list] of Object.entries(article.annotations) as Array<[Layer, AnyAnnotation[]]>)
    for (const annotation of list) annotations.push(decompose(layer, annotation, text, offsets));
  return { text, offsets, annotations };
}

/** Path segments that would reach an object's prototype. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Sets `value` at a `/`-separated path, creating objects (or lists, for numeric segments) on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('/');
  if (segments.some((s) => FORBIDDEN.has(s))) throw new Error(`a role cannot name ${JSON.stringify(path)}`);
  let node: Record<string, unknown> | unknown[] = target;
  segments.forEach((segment, i) => {
    const key: string | number = Array.isArray(node) ? Number(segment) : segment;
    if (i === segments.length - 1) {
      (node as Record<string | number, unknown>)[key] = value;
      return;
    }
    let next = (node as Record<string | number, unknown>)[key];
    if (next === null || typeof next !== 'object') {
      next = /^\d+$/.test(segments[i + 1]!) ? [] : {};
      (node as Record<string | number, unknown>)[key] = next;
    }
    node = next as Record<string, unknown> | unknown[];
  });
}

/** Puts an annotation back together from its id, fields and spans (the inverse of `decompose`). */
export function assemble(
  id: string,
  fields: Record<string, unknown>,
  spans: ReadonlyArray<Pick<Span, 'role' | 'selector'>>,
): AnyAnnotation {
  const annotation: Record<string, unknown> = { id, ...structuredClone(fields) };
  const ordered = [...spans].sort((a, b) => a.role.localeCompare(b.role, 'en', { numeric: true }));
  for (const span of ordered) setPath(annotation, span.role, { ...span.selector });
  return annotation as unknown as AnyAnnotation;
}

/** JSON with every object's keys sorted, so equal values give equal text whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** A value with the derived `start`/`end` of published selectors left out. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value === null || typeof value !== 'object') return value;
  const selector = isSelector(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    if (!(selector && (k === 'start' || k === 'end'))) out[k] = withoutPositions(v);
  return out;
}

/**
 * The version of an article's text and annotations: 16 hex digits of a SHA-256 over both, whatever the key order,
 * and the same for the record and its published form (positions left out). The exports write it beside each
 * annotation; an import compares it with the record's, to tell an edit in the tool from a change to the record.
 * Linear: nothing is searched for.
 */
export function recordVersion(article: Pick<Article | PublishedArticle, 'body' | 'annotations'>): string {
  return createHash('sha256')
    .update(stableJson([articleText(article), withoutPositions(article.annotations)]))
    .digest('hex')
    .slice(0, 16);
}

/** Each body block's span in the article text, in code points (the blocks are joined with `\n`). */
export function blockSpans(
  body: Article['body'],
  offsets: Offsets,
): Array<{ start: number; end: number; block: Article['body'][number] }> {
  let at = 0;
  return body.map((block) => {
    const start = at;
    at += block.text.length + 1;
    return { start: offsets.codePoint(start), end: offsets.codePoint(start + block.text.length), block };
  });
}
