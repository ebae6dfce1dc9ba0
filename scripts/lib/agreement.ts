/**
 * Inter-annotator agreement between two annotations of the same article text, layer by layer (mentions, quotes,
 * figures, cited sources, events, times, claims): span F1, exact and overlapping, and Cohen's kappa on each label over
 * the spans both annotators marked (matched by overlap), with every disagreement listed. Pure: no I/O.
 *
 * Definitions (as in the MUC/CoNLL span scores and Cohen 1960):
 * - exact match: the same start and end; overlap match: the spans share at least one character. Spans are paired one
 *   to one, greedily, the largest overlap first (ties: earlier start in A, then in B).
 * - F1 = 2·m / (|A| + |B|), where m is the number of pairs: symmetric, so neither annotator is the reference.
 * - kappa = (pₒ − pₑ) / (1 − pₑ), pₒ the share of matched pairs with the same label, pₑ = Σₖ p_A(k)·p_B(k) from each
 *   annotator's own label distribution over those pairs; `null` when pₑ = 1 (one label only: kappa is undefined).
 */
import type { Article, TextQuoteSelector } from '../../types/index.ts';
import { articleText, codePointOffset, matchSelector } from './text-quote.ts';

/** One annotated span (offsets in Unicode code points, as the published `start`/`end`) and its labels. */
export interface Span {
  id: string;
  start: number;
  end: number;
  text: string;
  labels: Record<string, string>;
}

export interface LabelAgreement {
  label: string;
  /** Matched pairs with this label compared. */
  pairs: number;
  /** Share of those pairs with the same value. */
  observed: number | null;
  kappa: number | null;
}

export interface Disagreement {
  kind: 'only-a' | 'only-b' | 'boundary' | 'label';
  a: Span | null;
  b: Span | null;
  /** For `label`: the label that differs. */
  label?: string;
}

export interface LayerAgreement {
  layer: string;
  a: number;
  b: number;
  exact: { matches: number; f1: number | null };
  overlap: { matches: number; f1: number | null };
  labels: LabelAgreement[];
  disagreements: Disagreement[];
}

/** F1 of m pairs between sets of sizes a and b; `null` when both are empty. */
export const f1 = (m: number, a: number, b: number): number | null => (a + b === 0 ? null : (2 * m) / (a + b));

/** Cohen's kappa of two label sequences of equal length; `null` when it is undefined (no pairs, or pₑ = 1). */
export function cohenKappa(a: readonly string[], b: readonly string[]): number | null {
  if (a.length !== b.length) throw new Error('cohenKappa: sequences of different lengths');
  const n = a.length;
  if (n === 0) return null;
  const po = a.filter((x, i) => x === b[i]).length / n;
  const count = (xs: readonly string[]) =>
    xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  let pe = 0;
  for (const [k, v] of ca) pe += (v / n) * ((cb.get(k) ?? 0) / n);
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

/** Pairs spans one to one: exact (same start and end) or by overlap, the largest overlap first. */
export function pairSpans(a: readonly Span[], b: readonly Span[], exact: boolean): [Span, Span][] {
  const candidates: { i: number; j: number; overlap: number }[] = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      if (exact ? x.start === y.start && x.end === y.end : overlap > 0) candidates.push({ i, j, overlap });
    }),
  );
  candidates.sort((p, q) => q.overlap - p.overlap || a[p.i]!.start - a[q.i]!.start || b[p.j]!.start - b[q.j]!.start);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [Span, Span][] = [];
  for (const { i, j } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.push([a[i]!, b[j]!]);
  }
  return pairs.sort(([x], [y]) => x.start - y.start || x.end - y.end);
}

/** Compares one layer. */
export function compareLayer(layer: string, a: readonly Span[], b: readonly Span[]): LayerAgreement {
  const exactPairs = pairSpans(a, b, true);
  const pairs = pairSpans(a, b, false);
  const names = [...new Set([...a, ...b].flatMap((s) => Object.keys(s.labels)))].sort();
  const labels = names.map((label): LabelAgreement => {
    const la = pairs.map(([x]) => x.labels[label] ?? '');
    const lb = pairs.map(([, y]) => y.labels[label] ?? '');
    const same = la.filter((x, i) => x === lb[i]).length;
    return {
      label,
      pairs: pairs.length,
      observed: pairs.length ? same / pairs.length : null,
      kappa: cohenKappa(la, lb),
    };
  });
  const pairedA = new Set(pairs.map(([x]) => x));
  const pairedB = new Set(pairs.map(([, y]) => y));
  const disagreements: Disagreement[] = [];
  for (const [x, y] of pairs) {
    if (x.start !== y.start || x.end !== y.end) disagreements.push({ kind: 'boundary', a: x, b: y });
    for (const label of names)
      if ((x.labels[label] ?? '') !== (y.labels[label] ?? '')) disagreements.push({ kind: 'label', a: x, b: y, label });
  }
  for (const x of a) if (!pairedA.has(x)) disagreements.push({ kind: 'only-a', a: x, b: null });
  for (const y of b) if (!pairedB.has(y)) disagreements.push({ kind: 'only-b', a: null, b: y });
  const at = (d: Disagreement) => (d.a ?? d.b)!.start;
  disagreements.sort((p, q) => at(p) - at(q));
  return {
    layer,
    a: a.length,
    b: b.length,
    exact: { matches: exactPairs.length, f1: f1(exactPairs.length, a.length, b.length) },
    overlap: { matches: pairs.length, f1: f1(pairs.length, a.length, b.length) },
    labels,
    disagreements,
  };
}

/** A source or claimant as one label: its kind and whom it names (`entity:donald-trump`, `group:united-states`). */
const sourceLabel = (s: { kind: string; entity: string | null; affiliation: string | null; outlets?: string[] }) =>
  [s.kind, s.entity ?? s.outlets?.join('+') ?? s.affiliation].filter((x) => x !== null && x !== undefined).join(':');

/** The spans of each layer of an article, located in its text; a selector that does not match throws. */
export function layers(article: Article): Map<string, Span[]> {
  const text = articleText(article);
  const span = (id: string, selector: TextQuoteSelector, labels: Record<string, string>): Span => {
    const found = matchSelector(text, selector);
    if (found.length !== 1)
      throw new Error(
        `annotation "${id}": its selector "${selector.exact}" ` +
          `${found.length === 0 ? 'is not in the text' : 'matches more than once'}`,
      );
    const at = found[0]!;
    const start = codePointOffset(text, at);
    return { id, start, end: codePointOffset(text, at + selector.exact.length), text: selector.exact, labels };
  };
  const { mentions, quotes, figures, citedSources, events, claims } = article.annotations;
  return new Map([
    ['mentions', mentions.map((m) => span(m.id, m.selector, { entity: m.entity, form: m.form }))],
    [
      'quotes',
      quotes.map((q) =>
        span(q.id, q.selector, {
          source: sourceLabel(q.source),
          kind: q.kind,
          attribution: q.attribution ?? 'assertion',
        }),
      ),
    ],
    [
      'figures',
      figures.map((f) =>
        span(f.id, f.selector, { value: String(f.value), unit: f.unit, currency: f.currency ?? 'none' }),
      ),
    ],
    ['citedSources', citedSources.map((c) => span(c.id, c.selector, { outlet: c.outlet }))],
    [
      'events',
      events.map((e) =>
        span(e.id, e.selector, {
          entity: e.entity ?? 'none',
          setting: e.setting ?? 'none',
          place: e.place ?? 'none',
          participants: [...e.participants].sort().join(' ') || 'none',
        }),
      ),
    ],
    [
      'times',
      events.flatMap((e) =>
        e.time ? [span(`${e.id}/time`, e.time.selector, { type: e.time.type, value: e.time.value ?? 'none' })] : [],
      ),
    ],
    [
      'claims',
      claims.map((c) => span(c.id, c.selector, { claimant: sourceLabel(c.claimant), checkable: String(c.checkable) })),
    ],
  ]);
}

/**
 * Where two article texts first differ, as block and character (1-based, in A's blocks), or `null` when they are the
 * same text. Only the text counts: the blocks' types do not move any offset.
 */
export function firstDifference(a: Article, b: Article): { block: number; character: number } | null {
  const x = articleText(a);
  const y = articleText(b);
  if (x === y) return null;
  let k = 0;
  while (k < x.length && x[k] === y[k]) k++;
  const before = x.slice(0, k).split('\n');
  return { block: before.length, character: before.at(-1)!.length + 1 };
}
