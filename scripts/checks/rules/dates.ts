import type { Issue, RecordRule } from '../rule.ts';
import { compareDates, nowAsDate, parsePartialDate, parseTimeValue, type ParsedDate } from '../dates.ts';
import { error } from './kit.ts';

/**
 * A day-precision date may be “today” somewhere on Earth (UTC+14) while UTC is still on the day before: dates are
 * compared against now plus this margin.
 */
const TIME_ZONE_MARGIN_MS = 14 * 60 * 60 * 1000;
const parseDate: typeof parseTimeValue = parsePartialDate;

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
    const check = (value: string | null | undefined, pointer: string, label: string, parse = parseDate) => {
      const parsed = typeof value === 'string' ? parse(value) : null;
      if (parsed !== null && 'invalid' in parsed)
        issues.push(
          error(pointer, {
            message: `${label} "${value}" is not a real date: ${parsed.invalid}`,
            hint:
              'Write the date the source gives, at the precision it gives (2025, 2025-02, 2025-02-14; for ' +
              'event times also an ISO week, 2025-W07).',
          }),
        );
      else if (parsed !== null && compareDates(parsed, now) > 0)
        issues.push(
          error(pointer, {
            message: `${label} "${value}" is in the future`,
            hint: 'Check the year and the month/day order; dates are ISO 8601 (YYYY-MM-DD).',
          }),
        );
      return parsed === null || 'invalid' in parsed ? null : parsed;
    };
    /** The later of two dates, at `pointer`, is not before the earlier. */
    const order = (
      earlier: ParsedDate | null,
      later: ParsedDate | null,
      pointer: string,
      message: string,
      hint: string,
    ) => {
      if (earlier && later && compareDates(later, earlier) < 0) issues.push(error(pointer, { message, hint }));
    };
    if (context.collection === 'articles') {
      const a = context.record;
      order(
        check(a.datePublished, '/datePublished', 'datePublished'),
        check(a.dateModified, '/dateModified', 'dateModified'),
        '/dateModified',
        `dateModified ${a.dateModified} is before datePublished ${a.datePublished}`,
        'Swap them if they were entered the wrong way round; otherwise check the source.',
      );
      check(a.provenance.dateAdded, '/provenance/dateAdded', 'dateAdded');
      for (const [i, { time }] of a.annotations.events.entries()) {
        if (!time) continue;
        const at = `/annotations/events/${i}/time`;
        check(time.value, `${at}/value`, 'the event time', parseTimeValue);
        order(
          check(time.beginPoint, `${at}/beginPoint`, 'the interval begin', parseTimeValue),
          check(time.endPoint, `${at}/endPoint`, 'the interval end', parseTimeValue),
          `${at}/endPoint`,
          `the interval ends (${time.endPoint}) before it begins (${time.beginPoint})`,
          'Swap beginPoint and endPoint, or check the dates.',
        );
      }
      for (const [i, claim] of a.annotations.claims.entries())
        for (const [j, review] of claim.reviews.entries())
          check(review.datePublished, `/annotations/claims/${i}/reviews/${j}/datePublished`, 'the review date');
    } else if (context.collection === 'entities') {
      for (const [i, role] of context.record.roles.entries())
        order(
          check(role.start, `/roles/${i}/start`, 'the role start'),
          check(role.end, `/roles/${i}/end`, 'the role end'),
          `/roles/${i}/end`,
          `the role "${role.title}" ends (${role.end}) before it starts (${role.start})`,
          'Swap start and end, or check the dates.',
        );
    }
    return issues;
  },
};
