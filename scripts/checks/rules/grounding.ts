import type { RecordRule } from '../rule.ts';
import { isWholeWord, minimalSelector, widenToWords } from '../../lib/text-quote.ts';
import { MAX_HINT_EXACT, SelectorIndex, closestPassage, selectorsIn, textOf } from '../selectors.ts';
import { trace } from '../../lib/trace.ts';
import { error, issues } from './kit.ts';

/** Longest passage quoted back in a message. */
const MAX_QUOTED = 80;

const quoted = (s: string): string => JSON.stringify(s.length > MAX_QUOTED ? `${s.slice(0, MAX_QUOTED)}…` : s);

/**
 * The shortest selector for one occurrence, as JSON followed by the words it selects (its context widened to whole
 * words), or null when none can single it out within its budget.
 */
function suggestion(text: string, at: number, length: number, found?: number[]): string | null {
  try {
    const selector = minimalSelector(text, at, at + length, undefined, found);
    const { prefix = '', suffix = '' } = selector;
    const [from, to] = widenToWords(text, at - prefix.length, at + length + suffix.length);
    return `${JSON.stringify(selector)} (selects ${quoted(text.slice(from, to))})`;
  } catch {
    return null;
  }
}

/** Suggestions for the whole-word occurrences among `found` (at most three), joined for a hint. */
function suggestions(text: string, found: number[], length: number, all: number[]): string {
  return found
    .filter((at) => isWholeWord(text, at, at + length))
    .slice(0, 3)
    .flatMap((at) => suggestion(text, at, length, all) ?? [])
    .join(' or ');
}

/** The hint for a passage that starts or ends inside a word: select the whole word(s). */
function widenHint(text: string, at: number, length: number, all: number[]): string {
  const elsewhere = suggestions(text, all, length, all);
  if (elsewhere) return `Select a whole-word occurrence instead, e.g. ${elsewhere}.`;
  const [from, to] = widenToWords(text, at, at + length);
  const whole = suggestion(text, from, to - from);
  return `Select whole words: widen "exact" to ${quoted(text.slice(from, to))}${whole ? `, e.g. ${whole}` : ''}.`;
}

export const grounding: RecordRule<'article'> = {
  name: 'grounding',
  scope: 'article',
  description:
    'Every TextQuoteSelector in the annotations (selectors, continuations, attributions, hedges, event times) ' +
    'occurs in the article text exactly once; prefix/suffix settle repeats.',
  check: issues(function* ({ record, file }) {
    const text = textOf(record);
    // Many selectors share their exact text (“Ukraine” with different prefixes): the index finds each one's
    // occurrences once, and each selector's among them by one look-up.
    const selectors = selectorsIn(record.annotations, '/annotations');
    const exacts = selectors.map(([, { exact }]) => exact);
    const index = new SelectorIndex(text, exacts);
    for (const [pointer, selector] of selectors) {
      const { exact } = selector;
      const at = index.occurrences(exact);
      const found = index.match(selector);
      trace?.(`ground ${file}#${pointer}`);
      // Without its prefix and suffix, the selector matches wherever `exact` occurs.
      const bare = selector.prefix !== undefined || selector.suffix !== undefined ? at : [];
      if (found.length === 1) {
        if (isWholeWord(text, found[0]!, found[0]! + exact.length)) continue;
        const [from, to] = widenToWords(text, found[0]!, found[0]! + exact.length);
        yield error(pointer, {
          message:
            `${quoted(exact)} is selected inside a word: it starts or ends within ` + quoted(text.slice(from, to)),
          hint: widenHint(text, found[0]!, exact.length, at),
        });
      } else if (found.length > 1) {
        const fixes = suggestions(text, found, exact.length, at);
        yield error(pointer, {
          message: `${quoted(exact)} occurs ${found.length} times in the text, so the selector is ambiguous`,
          hint: fixes
            ? `Add a prefix and/or suffix to pick one whole-word occurrence, e.g. ${fixes}.`
            : widenHint(text, found[0]!, exact.length, at),
        });
      } else if (bare.length > 0)
        yield error(pointer, {
          message: `${quoted(exact)} is in the text, but not with this prefix/suffix`,
          hint:
            bare.length === 1 && !isWholeWord(text, bare[0]!, bare[0]! + exact.length)
              ? widenHint(text, bare[0]!, exact.length, at)
              : `Copy prefix and suffix verbatim from the text around it` +
                (bare.length === 1
                  ? ', or drop them: the passage occurs once'
                  : `; e.g. ${suggestions(text, bare, exact.length, at) || 'a longer prefix'}`) +
                '.',
        });
      else {
        const closest = closestPassage(text, exact);
        yield error(`${pointer}/exact`, {
          message: `${quoted(exact)} is not in the article text`,
          hint: closest
            ? `Closest passage in the text` +
              (closest.capped ? ` (comparing only the first ${MAX_HINT_EXACT} characters of "exact")` : '') +
              `: ${quoted(closest.passage)}. Copy the text verbatim (typographic quotes and apostrophes included).`
            : 'Copy the text verbatim from the body (typographic quotes and apostrophes included), within one ' +
              'paragraph.',
        });
      }
    }
  }),
};
