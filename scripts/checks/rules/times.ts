import type { RecordRule } from '../rule.ts';
import type { Season, TimeExpression } from '../../../types/index.ts';
import { isTimeReference, nameOf, namedByValue, namedInText, resolveRelative, type Named } from '../../lib/timex.ts';
import { error, issues, warning } from './kit.ts';

type Names = Array<number | Season>;
const KINDS = ['weekdays', 'months', 'seasons'] as const;

/** What the stored time says of weekdays, months and seasons: its value's, or its ends', or its relative's. */
function storedNames(t: TimeExpression): Record<keyof Named, Names | null> {
  const said: Record<keyof Named, Names | null> = { weekdays: null, months: null, seasons: null };
  for (const value of [t.value, t.beginPoint, t.endPoint]) {
    if (typeof value !== 'string' || isTimeReference(value)) continue;
    const by = namedByValue(value);
    for (const kind of KINDS) if (by[kind]) said[kind] = [...(said[kind] ?? []), ...by[kind]];
  }
  if (t.relative?.weekday !== undefined) said.weekdays = [t.relative.weekday];
  if (t.relative?.season !== undefined) said.seasons = [t.relative.season];
  return said;
}

export const times: RecordRule<'article'> = {
  name: 'times',
  scope: 'article',
  description:
    'Time expressions are consistent (TIMEX3 style): an instant has a value or none but no beginPoint or ' +
    'endPoint, an interval has one of them but no value, a relative expression has the value its relative ' +
    'gives from the publication date (X where unknown), and the stored time is the weekday, month or season ' +
    'its words name (a warning).',
  check: issues(function* ({ record: { datePublished: published, annotations } }) {
    for (const [i, { id, time: t }] of annotations.events.entries()) {
      if (!t) continue;
      const at = (field: string) => `/annotations/events/${i}/time/${field}`;
      if (t.type === 'instant' && (t.beginPoint !== null || t.endPoint !== null))
        yield error(at(t.beginPoint !== null ? 'beginPoint' : 'endPoint'), {
          message: 'an instant has no beginPoint or endPoint',
          hint:
            'Put the date in `value`, or make the type "interval" (“since 2022”: beginPoint "2022", ' +
            'endPoint "PRESENT_REF").',
        });
      if (t.type === 'interval' && t.value !== null)
        yield error(at('value'), {
          message: 'an interval has no single value',
          hint:
            'Give `beginPoint` and `endPoint` (null for an open end, "PRESENT_REF" for the publication ' +
            'date) and set value to null.',
        });
      if (t.type === 'interval' && t.beginPoint === null && t.endPoint === null)
        yield error(at('beginPoint'), {
          message: 'an interval needs a beginPoint or an endPoint',
          hint: 'Give the end the text states; if it states neither, the expression is an instant with a null value.',
        });
      const exact = typeof t.selector?.exact === 'string' ? t.selector.exact : 'the time expression';
      const expected = t.relative && t.type === 'instant' ? resolveRelative(t.relative, published) : null;
      if (expected !== null && typeof expected !== 'string')
        yield error(at('relative'), {
          message: `the relative time of ${JSON.stringify(exact)} cannot be computed: ${expected.problem}`,
          hint:
            'A named weekday is { "unit": "weekday", "weekday": 1–7, "offset": -1 or 1 }, a season { ' +
            '"unit": "season", "season": "SU", "offset": … }; see docs/annotation-guide.md, section 7.',
        });
      else if (expected !== null && t.value !== expected)
        yield error(at('value'), {
          message:
            `${JSON.stringify(exact)} counted from the publication date (${published ?? 'unknown'}) ` +
            `has the TIMEX3 value "${expected}", not ${t.value === null ? 'null' : JSON.stringify(t.value)}`,
          hint:
            `Set "value": "${expected}"` +
            (!expected.includes('X')
              ? ''
              : t.value === null
                ? ': X marks what the unknown publication date leaves open; a date you infer goes in a curator ' +
                  'inference on /time/value'
                : `, and keep your date as a curator inference: { "about": "${id}", "field": "/time/value", ` +
                  `"value": ${JSON.stringify(t.value)}, … }`) +
            '.',
        });
      const named = namedInText(exact);
      const stored = storedNames(t);
      const storedIn =
        t.relative?.weekday !== undefined || t.relative?.season !== undefined
          ? 'relative'
          : t.value !== null
            ? 'value'
            : 'beginPoint';
      for (const kind of KINDS) {
        const [words, says] = [named[kind] as Names, stored[kind]];
        const name = (n: number | Season) => nameOf(kind, n);
        if (words.length > 0 && says === null && kind === 'weekdays' && t.relative?.unit === 'day')
          yield warning(at('relative'), {
            message:
              `${JSON.stringify(exact)} names ${name(words[0]!)}, but the time is stored as a day ` +
              `counted from the publication day, which does not say it is a ${name(words[0]!)}`,
            hint:
              `Store the weekday: "relative": { "unit": "weekday", "weekday": ${words[0]}, "offset": -1 } ` +
              `for a past ${name(words[0]!)} (1 for a coming one), and the value the times rule then gives.`,
          });
        else if (says !== null && words.some((w) => !says.includes(w)))
          yield warning(at(storedIn), {
            message:
              `${JSON.stringify(exact)} names ${words.map(name).join(' and ')}, but the stored time is ` +
              `${says.map(name).join(' or ')}`,
            hint:
              'Check the value (and relative) against the words: the stored time must be the day, month or ' +
              'season the text names.',
          });
      }
    }
  }),
};
