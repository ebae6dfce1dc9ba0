import type { Issue, RecordRule } from '../rule.ts';
import { textOf } from '../article-text.ts';
import { registeredNamesIn } from '../names.ts';
import { minimalSelector } from '../../lib/text-quote.ts';
import { SelectorIndex } from '../selectors.ts';
import type { TextQuoteSelector } from '../../../types/index.ts';

/** Where a selector lies in the text (UTF-16 offsets): its first match, or null when it has none. */
function span(index: SelectorIndex, selector: TextQuoteSelector): [number, number] | null {
  if (typeof selector?.exact !== 'string') return null;
  const [at] = index.match(selector);
  return at === undefined ? null : [at, at + selector.exact.length];
}

/**
 * Whether a passage overlaps a covered span, by binary search: `starts` ascending, `reach[k]` the furthest end of
 * the spans up to k. Linear scans of every span for every name were quadratic in the mentions of an article.
 */
function overlaps(starts: number[], reach: number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = starts.length;
  // The number of spans that start before `end`.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && reach[lo - 1]! > start;
}

/** At most this many warnings per article: a long list says the same as the first few. */
const MAX_PER_ARTICLE = 20;

export const coverage: RecordRule<'article', 'registry'> = {
  name: 'coverage',
  scope: 'article',
  needs: ['registry'],
  description:
    'A registered name, alias or demonym (or an outlet’s name) that occurs in an article’s text is covered by a ' +
    'mention or cited source; otherwise a warning gives its position and a selector to paste.',
  check(context) {
    const article = context.record;
    const text = textOf(article);
    const anchored = [...article.annotations.mentions, ...article.annotations.citedSources];
    const index = new SelectorIndex(
      text,
      anchored.flatMap((a) => (typeof a.selector?.exact === 'string' ? [a.selector.exact] : [])),
    );
    const covered: Array<[number, number]> = [];
    for (const a of anchored) {
      const s = span(index, a.selector);
      if (s) covered.push(s);
    }
    covered.sort((a, b) => a[0] - b[0]);
    const starts = covered.map(([s]) => s);
    const reach: number[] = [];
    for (const [, e] of covered) reach.push(Math.max(e, reach.at(-1) ?? -1));
    const blockStarts: number[] = [];
    let offset = 0;
    for (const block of article.body) {
      blockStarts.push(offset);
      offset += block.text.length + 1;
    }
    const issues: Issue[] = [];
    let count = 0;
    for (const o of registeredNamesIn(text, context.registry)) {
      if (overlaps(starts, reach, o.start, o.end)) continue;
      if (++count > MAX_PER_ARTICLE) continue;
      let block = blockStarts.length - 1;
      while (block > 0 && blockStarts[block]! > o.start) block--;
      const exact = text.slice(o.start, o.end);
      let selector: TextQuoteSelector;
      try {
        selector = minimalSelector(text, o.start, o.end);
      } catch {
        selector = { exact };
      }
      const [first] = o.phrases;
      const snippet =
        first!.collection === 'outlets'
          ? { id: `cs-${first!.id}`, selector, outlet: first!.id }
          : {
              id: `m-${first!.id}-N`,
              selector,
              entity: first!.id,
              form: first!.what === 'demonym' ? 'demonym' : 'name',
            };
      const whose = o.phrases
        .map((p) => `${p.what} of ${p.collection === 'outlets' ? 'outlet' : 'entity'} "${p.id}"`)
        .join('; ');
      issues.push({
        pointer: `/body/${block}/text`,
        severity: 'warning',
        message:
          `"${exact}" (${whose}) occurs at character ${o.start - blockStarts[block]!} of body block ` +
          `${block} with no ${first!.collection === 'outlets' ? 'cited source or mention' : 'mention'}`,
        hint:
          `If it refers to ${o.phrases.length > 1 ? 'one of them' : 'it'}, add to ` +
          `annotations.${first!.collection === 'outlets' ? 'citedSources' : 'mentions'}: ` +
          `${JSON.stringify(snippet)} (number the id). If it names something else, this warning can stay.`,
      });
    }
    if (count > MAX_PER_ARTICLE) {
      issues.push({
        pointer: '/annotations/mentions',
        severity: 'warning',
        message: `${count - MAX_PER_ARTICLE} more registered names occur without a mention`,
        hint: 'Annotate the names listed first, then validate again.',
      });
    }
    return issues;
  },
};
