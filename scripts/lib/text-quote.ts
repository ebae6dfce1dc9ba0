/**
 * Matching W3C Web Annotation `TextQuoteSelector`s against an article's text. Pure functions, shared by the
 * validator (grounding rule), the publisher (derived offsets) and the tools that write selectors.
 */
import type { TextQuoteSelector } from '../../types/index.ts';

/** The text selectors are matched against (the body blocks joined with single line feeds): the npm package's own. */
export { articleText } from '../../runtime/dataset.ts';

/** Every UTF-16 index at which `needle` starts in `haystack` (overlapping occurrences included), up to `limit`. */
export function occurrences(haystack: string, needle: string, limit = Infinity): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < limit; at = haystack.indexOf(needle, at + 1))
    found.push(at);
  return found;
}

/**
 * Every occurrence of each needle in `haystack` (UTF-16 start indexes, ascending, overlapping ones included), by one
 * pass of an Aho–Corasick automaton: time linear in the text, the needles' total length and the occurrences, however
 * many needles there are (`occurrences` scans the whole text for each, so 20,000 distinct needles cost 20,000 scans).
 */
export function occurrencesOfAll(haystack: string, needles: Iterable<string>): Map<string, number[]> {
  const list = [...new Set(needles)].filter((needle) => needle.length > 0);
  const found = new Map(list.map((needle) => [needle, [] as number[]]));
  // State 0 is the root; the edges that read a UTF-16 unit, by the unit, then by the state they leave.
  const edges = new Map<number, Map<number, number>>();
  const step = (state: number, code: number) => edges.get(code)?.get(state);
  const parent = [0];
  const unit = [0];
  const depth = [0];
  const ends = [-1]; // the needle that ends at a state, or -1
  list.forEach((needle, id) => {
    let state = 0;
    for (let i = 0; i < needle.length; i++) {
      const code = needle.charCodeAt(i);
      let next = step(state, code);
      if (next === undefined) {
        next = parent.length;
        let from = edges.get(code);
        if (from === undefined) edges.set(code, (from = new Map<number, number>()));
        from.set(state, next);
        parent.push(state);
        unit.push(code);
        depth.push(i + 1);
        ends.push(-1);
      }
      state = next;
    }
    ends[state] = id;
  });
  // Failure links in breadth-first order (states sorted by depth), and output links: the nearest state on the
  // failure chain where a needle ends (0 when none).
  const fail = new Array<number>(parent.length).fill(0);
  const output = new Array<number>(parent.length).fill(0);
  const byDepth: number[][] = [];
  depth.forEach((d, state) => (byDepth[d] ??= []).push(state));
  for (const state of byDepth.flat()) {
    if (depth[state]! <= 1) continue;
    let f = fail[parent[state]!]!;
    while (f !== 0 && step(f, unit[state]!) === undefined) f = fail[f]!;
    fail[state] = step(f, unit[state]!) ?? 0;
    output[state] = ends[fail[state]]! >= 0 ? fail[state] : output[fail[state]]!;
  }
  let state = 0;
  for (let i = 0; i < haystack.length; i++) {
    const from = edges.get(haystack.charCodeAt(i));
    let next = from?.get(state);
    // No needle reads this unit: back to the root at once; otherwise down the failure chain.
    if (from !== undefined) while (next === undefined && state !== 0) next = from.get((state = fail[state]!));
    state = next ?? 0;
    for (let s = ends[state]! >= 0 ? state : output[state]!; s !== 0; s = output[s]!) {
      const needle = list[ends[s]!]!;
      found.get(needle)!.push(i + 1 - needle.length);
    }
  }
  return found;
}

/** Whether the selector's `prefix` and `suffix` surround the occurrence of its `exact` at UTF-16 index `at`. */
const inContext = (text: string, at: number, { exact, prefix = '', suffix = '' }: TextQuoteSelector) =>
  at >= prefix.length && text.startsWith(prefix, at - prefix.length) && text.startsWith(suffix, at + exact.length);

/**
 * The UTF-16 start indexes where the selector matches: `exact` occurs there, preceded by `prefix` and followed by
 * `suffix` when those are given. One element means the selector is grounded and unambiguous.
 */
export const matchSelector = (text: string, selector: TextQuoteSelector): number[] =>
  occurrences(text, selector.exact).filter((at) => inContext(text, at, selector));

/** A letter, digit or combining mark: what a word is made of (Unicode, not ASCII). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** The code point that ends just before UTF-16 index `at` (a surrogate pair is one code point). */
function before(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  return at >= 2 && low >= 0xdc00 && low <= 0xdfff ? text.slice(at - 2, at) : text.slice(at - 1, at);
}

/** Whether UTF-16 index `at` is a word boundary: it does not fall between two word characters. */
export function isWordBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  return !(WORD_CHAR.test(before(text, at)) && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at)!)));
}

/**
 * Whether `text.slice(start, end)` starts and ends at word boundaries (letters, digits and combining marks of any
 * script make words), so "he" is not found inside "the".
 */
export function isWholeWord(text: string, start: number, end: number): boolean {
  return isWordBoundary(text, start) && isWordBoundary(text, end);
}

/** The span widened to the nearest word boundaries on both sides: the whole words it touches. */
export function widenToWords(text: string, start: number, end: number): [number, number] {
  while (!isWordBoundary(text, start)) start--;
  while (!isWordBoundary(text, end)) end++;
  return [start, end];
}

/** Converts a UTF-16 index into a count of Unicode code points (the unit W3C Web Annotation offsets use). */
export function codePointOffset(text: string, utf16Index: number): number {
  let count = 0;
  // A surrogate pair that ends before the index is one code point; a lone or split surrogate counts on its own.
  for (let i = 0; i < utf16Index; i += text.codePointAt(i)! > 0xffff && i + 1 < utf16Index ? 2 : 1) count++;
  return count;
}

/** Default work budget of `minimalSelector`: occurrence tests across all the context widths it tries. */
export const MINIMAL_SELECTOR_BUDGET = 2_000_000;
/** The most context `minimalSelector` adds on either side (a selector needing more is no help to a reader). */
export const MAX_CONTEXT = 500;
/** How far a context is extended to finish a word. */
const MAX_WORD = 64;

/**
 * The shortest selector that picks out `text.slice(start, end)` alone: no prefix or suffix when `exact` is unique,
 * otherwise the fewest whole words of context (tried on each side, then both) that settle it. The occurrences of
 * `exact` are found once; each width tests them all, and the total work is bounded by `budget` (occurrence tests):
 * past it the function throws as when no selector exists, so a hint never costs more than a moment.
 */
export function minimalSelector(
  text: string,
  start: number,
  end: number,
  budget = MINIMAL_SELECTOR_BUDGET,
  /** The occurrences of `text.slice(start, end)`, when the caller already has them. */
  found = occurrences(text, text.slice(start, end), budget + 1),
): TextQuoteSelector {
  const exact = text.slice(start, end);
  let work = found.length;
  if (work > budget)
    throw new Error(`No selector can single out ${JSON.stringify(exact)} at ${start} within the work budget`);
  const unique = (selector: TextQuoteSelector) => {
    work += found.length;
    let count = 0;
    for (const at of found) if (inContext(text, at, selector) && ++count > 1) return false;
    return count === 1;
  };
  if (found.length === 1) return { exact };
  // Context stays within the block, because selectors may not contain a line feed.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndIndex = text.indexOf('\n', end);
  const lineEnd = lineEndIndex === -1 ? text.length : lineEndIndex;
  for (let width = 1; width <= Math.min(lineEnd - lineStart, MAX_CONTEXT) && work <= budget; width++) {
    const prefix = text.slice(Math.max(lineStart, wordStart(text, start - width)), start);
    const suffix = text.slice(end, Math.min(lineEnd, wordEnd(text, end + width)));
    const candidates: TextQuoteSelector[] = [];
    if (prefix) candidates.push({ exact, prefix });
    if (suffix) candidates.push({ exact, suffix });
    if (prefix && suffix) candidates.push({ exact, prefix, suffix });
    const chosen = candidates.find(unique);
    if (chosen) return chosen;
  }
  throw new Error(
    `No selector can single out ${JSON.stringify(exact)} at ${start}${work > budget ? ' within the work budget' : ''}`,
  );
}

/** The index where the word containing `index` starts (context is cut at word boundaries, so it reads well). */
function wordStart(text: string, index: number): number {
  let at = Math.max(0, index);
  const stop = Math.max(0, at - MAX_WORD);
  while (at > stop && !/\s/.test(text[at - 1]!)) at--;
  return at;
}

/** The index where the word containing `index - 1` ends. */
function wordEnd(text: string, index: number): number {
  let at = Math.min(text.length, index);
  const stop = Math.min(text.length, at + MAX_WORD);
  while (at < stop && !/\s/.test(text[at]!)) at++;
  return at;
}
