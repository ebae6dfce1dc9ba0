import type { Issue, RecordRule } from '../rule.ts';
import type { TimeExpression } from '../../../types/index.ts';
import { namedByValue, namedInText, resolveRelative, type Named } from '../../lib/timex.ts';
import { isTimeReference } from '../dates.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const SEASONS = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const NAME: { [K in keyof Named]: (n: Named[K][number]) => string } = {
  weekdays: (n) => WEEKDAYS[n - 1]!,
  months: (n) => MONTHS[n - 1]!,
  seasons: (n) => SEASONS[n],
};

/** What the stored time says of weekdays, months and seasons: its value's, or its ends', or its relative's. */
function storedNames(t: TimeExpression): { [K in keyof Named]: Named[K] | null } {
  const said: { [K in keyof Named]: Named[K] | null } = { weekdays: null, months: null, seasons: null };
  for (const value of [t.value, t.beginPoint, t.endPoint]) {
    if (typeof value !== 'string' || isTimeReference(value)) continue;
    const by = namedByValue(value);
    said.weekdays = by.weekdays ? [...(said.weekdays ?? []), ...by.weekdays] : said.weekdays;
    said.months = by.months ? [...(said.months ?? []), ...by.months] : said.months;
    said.seasons = by.seasons ? [...(said.seasons ?? []), ...by.seasons] : said.seasons;
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
  check(context) {
    const issues: Issue[] = [];
    const published = context.record.datePublished;
    context.record.annotations.events.forEach((e, i) => {
      const t = e.time;
      if (!t || typeof t !== 'object') return;
      const at = `/annotations/events/${i}/time`;
      if (t.type === 'instant' && (t.beginPoint !== null || t.endPoint !== null)) {
        issues.push({
          pointer: `${at}/${t.beginPoint !== null ? 'beginPoint' : 'endPoint'}`,
          severity: 'error',
          message: 'an instant has no beginPoint or endPoint',
          hint:
            'Put the date in `value`, or make the type "interval" (“since 2022”: beginPoint "2022", ' +
            'endPoint "PRESENT_REF").',
        });
      }
      if (t.type === 'interval') {
        if (t.value !== null)
          issues.push({
            pointer: `${at}/value`,
            severity: 'error',
            message: 'an interval has no single value',
            hint:
              'Give `beginPoint` and `endPoint` (null for an open end, "PRESENT_REF" for the publication ' +
              'date) and set value to null.',
          });
        if (t.beginPoint === null && t.endPoint === null)
          issues.push({
            pointer: `${at}/beginPoint`,
            severity: 'error',
            message: 'an interval needs a beginPoint or an endPoint',
            hint: 'Give the end the text states; if it states neither, the expression is an instant with a null value.',
          });
      }
      const exact = typeof t.selector?.exact === 'string' ? t.selector.exact : 'the time expression';
      if (t.relative && typeof t.relative === 'object' && t.type === 'instant') {
        const expected = resolveRelative(t.relative, published);
        if (typeof expected !== 'string')
          issues.push({
            pointer: `${at}/relative`,
            severity: 'error',
            message: `the relative time of ${JSON.stringify(exact)} cannot be computed: ${expected.problem}`,
            hint:
              'A named weekday is { "unit": "weekday", "weekday": 1–7, "offset": -1 or 1 }, a season { ' +
              '"unit": "season", "season": "SU", "offset": … }; see docs/annotation-guide.md, section 7.',
          });
        else if (t.value !== expected)
          issues.push({
            pointer: `${at}/value`,
            severity: 'error',
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
                  : `, and keep your date as a curator inference: { "about": "${e.id}", "field": "/time/value", ` +
                    `"value": ${JSON.stringify(t.value)}, … }`) +
              '.',
          });
      }
      const named = namedInText(exact);
      const stored = storedNames(t);
      for (const kind of ['weekdays', 'months', 'seasons'] as const) {
        const words = named[kind] as Array<Named[typeof kind][number]>;
        const says = stored[kind] as typeof words | null;
        const name = NAME[kind] as (n: (typeof words)[number]) => string;
        if (words.length === 0) continue;
        if (says === null && kind === 'weekdays' && t.relative?.unit === 'day')
          issues.push({
            pointer: `${at}/relative`,
            severity: 'warning',
            message:
              `${JSON.stringify(exact)} names ${name(words[0]!)}, but the time is stored as a day ` +
              `counted from the publication day, which does not say it is a ${name(words[0]!)}`,
            hint:
              `Store the weekday: "relative": { "unit": "weekday", "weekday": ${words[0]}, "offset": -1 } ` +
              `for a past ${name(words[0]!)} (1 for a coming one), and the value the times rule then gives.`,
          });
        else if (says !== null && words.some((w) => !says.includes(w)))
          issues.push({
            pointer:
              `${at}/` +
              (t.relative?.weekday !== undefined || t.relative?.season !== undefined
                ? 'relative'
                : t.value !== null
                  ? 'value'
                  : 'beginPoint'),
            severity: 'warning',
            message:
              `${JSON.stringify(exact)} names ${words.map(name).join(' and ')}, but the stored time is ` +
              `${says.map(name).join(' or ')}`,
            hint:
              'Check the value (and relative) against the words: the stored time must be the day, month or ' +
              'season the text names.',
          });
      }
    });
    return issues;
  },
};
