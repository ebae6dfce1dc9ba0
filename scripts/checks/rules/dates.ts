import type { Issue, RecordRule } from '../rule.ts';
import { compareDates, nowAsDate, parsePartialDate, parseTimeValue, type ParsedDate } from '../dates.ts';

/**
 * A day-precision date may be “today” somewhere on Earth (UTC+14) while UTC is still on the day before: dates are
 * compared against now plus this margin.
 */
const TIME_ZONE_MARGIN_MS = 14 * 60 * 60 * 1000;

export const dates: RecordRule<'record'> = {
  name: 'dates',
  scope: 'record',
  description:
    'Dates are real calendar dates, not in the future; dateModified is not before datePublished and a role does ' +
    'not end before it starts (compared at the precision they share).',
  check(context) {
    const issues: Issue[] = [];
    const now = nowAsDate(new Date(context.now.getTime() + TIME_ZONE_MARGIN_MS));
    /** Parses and checks one date; returns it when real. */
    const check = (
      value: string | null | undefined,
      pointer: string,
      label: string,
      parse: typeof parseTimeValue = parsePartialDate,
    ): ParsedDate | null => {
      if (typeof value !== 'string') return null;
      const parsed = parse(value);
      if (parsed === null) return null;
      if ('invalid' in parsed) {
        issues.push({
          pointer,
          severity: 'error',
          message: `${label} "${value}" is not a real date: ${parsed.invalid}`,
          hint:
            'Write the date the source gives, at the precision it gives (2025, 2025-02, 2025-02-14; for ' +
            'event times also an ISO week, 2025-W07).',
        });
        return null;
      }
      if (compareDates(parsed, now) > 0) {
        issues.push({
          pointer,
          severity: 'error',
          message: `${label} "${value}" is in the future`,
          hint: 'Check the year and the month/day order; dates are ISO 8601 (YYYY-MM-DD).',
        });
      }
      return parsed;
    };
    const order = (
      earlier: ParsedDate | null,
      later: ParsedDate | null,
      pointer: string,
      message: string,
      hint: string,
    ) => {
      if (earlier && later && compareDates(later, earlier) < 0)
        issues.push({ pointer, severity: 'error', message, hint });
    };
    if (context.collection === 'articles') {
      const a = context.record;
      const published = check(a.datePublished, '/datePublished', 'datePublished');
      const modified = check(a.dateModified, '/dateModified', 'dateModified');
      order(
        published,
        modified,
        '/dateModified',
        `dateModified ${a.dateModified} is before datePublished ${a.datePublished}`,
        'Swap them if they were entered the wrong way round; otherwise check the source.',
      );
      check(a.provenance.dateAdded, '/provenance/dateAdded', 'dateAdded');
      a.annotations.events.forEach((e, i) => {
        if (!e.time) return;
        const at = `/annotations/events/${i}/time`;
        check(e.time.value, `${at}/value`, 'the event time', parseTimeValue);
        const begin = check(e.time.beginPoint, `${at}/beginPoint`, 'the interval begin', parseTimeValue);
        const end = check(e.time.endPoint, `${at}/endPoint`, 'the interval end', parseTimeValue);
        order(
          begin,
          end,
          `${at}/endPoint`,
          `the interval ends (${e.time.endPoint}) before it begins (${e.time.beginPoint})`,
          'Swap beginPoint and endPoint, or check the dates.',
        );
      });
      a.annotations.claims.forEach((c, i) =>
        c.reviews.forEach((r, j) =>
          check(r.datePublished, `/annotations/claims/${i}/reviews/${j}/datePublished`, 'the review date'),
        ),
      );
    } else if (context.collection === 'entities') {
      context.record.roles.forEach((role, i) => {
        const start = check(role.start, `/roles/${i}/start`, 'the role start');
        const end = check(role.end, `/roles/${i}/end`, 'the role end');
        order(
          start,
          end,
          `/roles/${i}/end`,
          `the role "${role.title}" ends (${role.end}) before it starts (${role.start})`,
          'Swap start and end, or check the dates.',
        );
      });
    }
    return issues;
  },
};
