/**
 * An article's text, every TextQuoteSelector in a record and where each matches, and the passage of a text closest
 * to one that is not found.
 */
import type { Article, TextQuoteSelector } from '../../types/index.ts';
import { articleText, occurrences, occurrencesOfAll } from '../lib/text-quote.ts';

const texts = new WeakMap<object, string>();

/**
 * An article's text (scripts/lib/text-quote.ts `articleText`), built once per record however many checks ask: the
 * grounding and coverage rules and the runner's duplicate summary all need it, and it is the size of the whole body.
 */
export function textOf(article: Pick<Article, 'body'>): string {
  let text = texts.get(article);
  if (text === undefined) texts.set(article, (text = articleText(article)));
  return text;
}

/** Every selector inside `value` (any object with a string `exact`), with its JSON pointer. */
export function selectorsIn(value: unknown, pointer: string, out: Array<[string, TextQuoteSelector]> = []): typeof out {
  if (Array.isArray(value)) value.forEach((v, i) => selectorsIn(v, `${pointer}/${i}`, out));
  else if (value !== null && typeof value === 'object') {
    if (typeof (value as TextQuoteSelector).exact === 'string') out.push([pointer, value as TextQuoteSelector]);
    else for (const [k, v] of Object.entries(value)) selectorsIn(v, `${pointer}/${k}`, out);
  }
  return out;
}

/**
 * From this many distinct `exact`s, one pass over the text finds them all. Below it, a scan each is faster (a scan
 * runs at memory speed, the one pass at a map look-up per character: about a thousand times slower; an article of
 * 4,000 characters with 126 distinct selectors takes 0.1 ms by scans, 1.6 ms by the pass); above it, the pass keeps
 * the cost linear (20,000 distinct words in one article were 20,000 scans of the whole text).
 */
const BATCH_FROM = 1000;

/**
 * Where selectors match in one text, in time linear in the text and the selectors: `exact`'s occurrences are found
 * once per distinct `exact` (given many distinct ones, all in one pass: `occurrencesOfAll`), and for each prefix and
 * suffix length in use, its occurrences are indexed by the text around them, so a selector is answered by one look-up
 * instead of a scan of every occurrence (which made 20,000 mentions of one word, each with its own prefix, cost 400
 * million comparisons). Building an index costs one scan of the occurrences, what a single selector cost before.
 */
export class SelectorIndex {
  private readonly occurrencesOf: Map<string, number[]>;
  private readonly byContext = new Map<string, Map<string, number[]>>();

  /** `exacts`: those of the selectors to be matched; from BATCH_FROM distinct ones, found in one pass. */
  constructor(
    readonly text: string,
    exacts: Iterable<string> = [],
  ) {
    const distinct = new Set(exacts);
    this.occurrencesOf = distinct.size >= BATCH_FROM ? occurrencesOfAll(text, distinct) : new Map<string, number[]>();
  }

  /** The start indexes of `exact` in the text, ascending (shared: do not modify). */
  occurrences(exact: string): number[] {
    let at = this.occurrencesOf.get(exact);
    if (at === undefined) this.occurrencesOf.set(exact, (at = occurrences(this.text, exact)));
    return at;
  }

  /** Where the selector matches, ascending, as `matchSelector` finds it (shared: do not modify). */
  match(selector: TextQuoteSelector): number[] {
    const { exact, prefix = '', suffix = '' } = selector;
    const at = this.occurrences(exact);
    if (prefix.length === 0 && suffix.length === 0) return at;
    const key = `${prefix.length}:${suffix.length}:${exact}`;
    let index = this.byContext.get(key);
    if (index === undefined) {
      index = new Map();
      const { text } = this;
      for (const i of at) {
        const end = i + exact.length;
        if (i < prefix.length || end + suffix.length > text.length) continue;
        // Fixed lengths: the prefix and suffix joined are a key without a separator.
        const context = text.slice(i - prefix.length, i) + text.slice(end, end + suffix.length);
        const list = index.get(context);
        if (list === undefined) index.set(context, [i]);
        else list.push(i);
      }
      this.byContext.set(key, index);
    }
    return index.get(prefix + suffix) ?? [];
  }
}

/** Character bigrams of a string, lowercased, as a multiset keyed by the two UTF-16 units packed in a number. */
function bigrams(s: string): Map<number, number> {
  const grams = new Map<number, number>();
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length - 1; i++) {
    const g = lower.charCodeAt(i) * 65536 + lower.charCodeAt(i + 1);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice similarity of two bigram multisets (0..1). */
function dice(a: Map<number, number>, b: Map<number, number>, sizeA: number, sizeB: number): number {
  if (sizeA + sizeB === 0) return 0;
  let shared = 0;
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

/** Work budget for the fallback scan (window starts × window length), so a broken corpus still validates fast. */
const SCAN_BUDGET = 200_000;
/** At most this many anchored candidates are scored. */
const MAX_CANDIDATES = 200;
/** Only this much of `exact` is compared: a hint needs a passage's start, and the cost grows with the length. */
export const MAX_HINT_EXACT = 256;
/** At most this many words (then 4-character pieces) of `exact` are looked up in the text, one scan each. */
const MAX_ANCHORS = 24;

/**
 * The passage of `text` most like `exact`, scored by bigram similarity, or null when nothing is even remotely
 * similar. Candidates are windows anchored where one of `exact`'s words occurs in the text (case-insensitively);
 * when no word occurs, windows at every word start are tried, within a work budget. Only run when a selector is not
 * found.
 *
 * The cost is bounded whatever the input: only the first MAX_HINT_EXACT characters of `exact` are compared (then
 * `capped` is true, and the hint says so), at most MAX_ANCHORS look-ups scan the text, and at most MAX_CANDIDATES
 * windows are scored: O(|text| × MAX_ANCHORS + MAX_CANDIDATES × MAX_HINT_EXACT).
 */
export function closestPassage(
  text: string,
  fullExact: string,
): { passage: string; similarity: number; capped: boolean } | null {
  if (fullExact.length === 0 || text.length === 0) return null;
  const capped = fullExact.length > MAX_HINT_EXACT;
  const exact = capped ? fullExact.slice(0, MAX_HINT_EXACT) : fullExact;
  const lowerText = text.toLowerCase();
  const lowerExact = exact.toLowerCase();
  const starts = new Set<number>();
  let lookups = 0;
  const anchor = (piece: string, offset: number) => {
    if (++lookups > MAX_ANCHORS) return;
    for (
      let at = lowerText.indexOf(piece);
      at !== -1 && starts.size < MAX_CANDIDATES;
      at = lowerText.indexOf(piece, at + 1)
    ) {
      if (at - offset >= 0) starts.add(at - offset);
      starts.add(at); // the piece may have moved within the passage
    }
  };
  // Whole words first; then, for typos inside every word, 4-character pieces of the text.
  for (const m of lowerExact.matchAll(/[\p{L}\p{N}]{3,}/gu)) {
    if (lookups >= MAX_ANCHORS) break;
    anchor(m[0], m.index);
  }
  if (starts.size === 0) {
    lookups = 0;
    for (let i = 0; i + 4 <= lowerExact.length && starts.size < MAX_CANDIDATES && lookups < MAX_ANCHORS; i += 2)
      anchor(lowerExact.slice(i, i + 4), i);
  }
  if (starts.size === 0 && text.length * exact.length <= SCAN_BUDGET) {
    for (let start = 0; start < text.length; start++)
      if (start === 0 || /[\s“"‘'(«—–-]/.test(text[start - 1]!)) starts.add(start);
  }
  const target = bigrams(exact);
  const targetSize = Math.max(0, exact.length - 1);
  let best: { passage: string; similarity: number; capped: boolean } | null = null;
  for (const start of starts) {
    const lineEnd = text.indexOf('\n', start);
    const limit = lineEnd === -1 ? text.length : lineEnd;
    let end = Math.min(limit, start + exact.length);
    // Finish the last word, so the hint reads as text (“Ukraine”, not “Ukrain”).
    while (end < limit && end < start + exact.length + 20 && /[\p{L}\p{N}]/u.test(text[end]!)) end++;
    const passage = text.slice(start, end);
    const score = dice(target, bigrams(passage), targetSize, Math.max(0, passage.length - 1));
    if (!best || score > best.similarity) best = { passage, similarity: score, capped };
  }
  return best && best.similarity >= 0.3 ? best : null;
}
