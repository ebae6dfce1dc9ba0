import type { RecordRule } from '../rule.ts';
import { compareDates, nowAsDate, parsePartialDate, parseTimeValue, type ParsedDate } from '../../lib/timex.ts';
import { error, issues } from './kit.ts';

/**
 * A day-precision date may be “today” somewhere on Earth (UTC+14) while UTC is still on the day before: dates are
 * compared against now plus this margin.
 */
const TIME_ZONE_MARGIN_MS = 14 * 60 * 60 * 1000;

/** A date field: its value, pointer and label, and how to parse it (a TIMEX3 time value, or a partial date). */
type DateField = [value: string | null | undefined, pointer: string, label: string, parse?: typeof parseTimeValue];
/** Two date fields in order, and what to say when the later is before the earlier. */
type Order = [earlier: DateField, later: DateField, message: string, hint: string];

export const dates: RecordRule<'record'> = {
  name: 'dates',
  scope: 'record',
  description:
    'Dates are real calendar dates, not in the future; dateModified is not before datePublished and a role does ' +
    'not end before it starts (compared at the precision they share).',
  check: issues(function* (context) {
    const fields: DateField[] = [];
    const orders: Order[] = [];
    if (context.collection === 'articles') {
      const { datePublished, dateModified, provenance, annotations } = context.record;
      orders.push([
        [datePublished, '/datePublished', 'datePublished'],
        [dateModified, '/dateModified', 'dateModified'],
        `dateModified ${dateModified} is before datePublished ${datePublished}`,
        'Swap them if they were entered the wrong way round; otherwise check the source.',
      ]);
      fields.push([provenance.dateAdded, '/provenance/dateAdded', 'dateAdded']);
      for (const [i, { time }] of annotations.events.entries()) {
        if (!time) continue;
        const at = `/annotations/events/${i}/time`;
        fields.push([time.value, `${at}/value`, 'the event time', parseTimeValue]);
        orders.push([
          [time.beginPoint, `${at}/beginPoint`, 'the interval begin', parseTimeValue],
          [time.endPoint, `${at}/endPoint`, 'the interval end', parseTimeValue],
          `the interval ends (${time.endPoint}) before it begins (${time.beginPoint})`,
          'Swap beginPoint and endPoint, or check the dates.',
        ]);
      }
      for (const [i, claim] of annotations.claims.entries())
        for (const [j, { datePublished }] of claim.reviews.entries())
          fields.push([datePublished, `/annotations/claims/${i}/reviews/${j}/datePublished`, 'the review date']);
    } else if (context.collection === 'entities')
      for (const [i, { start, end, title }] of context.record.roles.entries())
        orders.push([
          [start, `/roles/${i}/start`, 'the role start'],
          [end, `/roles/${i}/end`, 'the role end'],
          `the role "${title}" ends (${end}) before it starts (${start})`,
          'Swap start and end, or check the dates.',
        ]);
    const now = nowAsDate(new Date(context.now.getTime() + TIME_ZONE_MARGIN_MS));
    const real = new Map<DateField, ParsedDate>();
    for (const field of [...fields, ...orders.flatMap(([earlier, later]) => [earlier, later])]) {
      const [value, pointer, label, parse = parsePartialDate] = field;
      const parsed = typeof value === 'string' ? parse(value) : null;
      if (parsed === null) continue;
      if (!('invalid' in parsed)) real.set(field, parsed);
      if ('invalid' in parsed)
        yield error(pointer, {
          message: `${label} "${value}" is not a real date: ${parsed.invalid}`,
          hint:
            'Write the date the source gives, at the precision it gives (2025, 2025-02, 2025-02-14; for ' +
            'event times also an ISO week, 2025-W07).',
        });
      else if (compareDates(parsed, now) > 0)
        yield error(pointer, {
          message: `${label} "${value}" is in the future`,
          hint: 'Check the year and the month/day order; dates are ISO 8601 (YYYY-MM-DD).',
        });
    }
    for (const [earlier, later, message, hint] of orders) {
      const [a, b] = [real.get(earlier), real.get(later)];
      if (a && b && compareDates(b, a) < 0) yield error(later[1], { message, hint });
    }
  }),
};
