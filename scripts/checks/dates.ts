/** Partial ISO 8601 dates (a year, a month, a day, or a date-time with offset): parsing and comparison. */
import type { Season } from '../../types/index.ts';
import { SEASON_START } from '../lib/timex.ts';

export type Precision = 'year' | 'month' | 'day' | 'time';

export interface ParsedDate {
  precision: Precision;
  year: number;
  month: number;
  day: number;
  /** The instant, for date-times only (milliseconds since the epoch). */
  instant: number | null;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T.+)?)?)?$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a partial date; returns a reason when it is not a real calendar date. */
export function parsePartialDate(value: string): ParsedDate | { invalid: string } {
  const m = DATE.exec(value);
  if (!m) return { invalid: 'not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or a date-time with offset)' };
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return { invalid: `month ${m[2]} does not exist` };
  if (day < 1 || day > daysInMonth(year, month)) return { invalid: `${value.slice(0, 7)} has no day ${m[3]}` };
  let instant: number | null = null;
  if (m[4] !== undefined) {
    instant = Date.parse(value);
    if (Number.isNaN(instant)) return { invalid: 'the time of day is not valid' };
  }
  const precision: Precision =
    m[4] !== undefined ? 'time' : m[3] !== undefined ? 'day' : m[2] !== undefined ? 'month' : 'year';
  return { precision, year, month, day, instant };
}

const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2, time: 3 };

/** Compares two dates at the precision they share: negative when a is before b, 0 when they cannot be told apart. */
export function compareDates(a: ParsedDate, b: ParsedDate): number {
  if (a.precision === 'time' && b.precision === 'time') return Math.sign(a.instant! - b.instant!);
  const common = Math.min(RANK[a.precision], RANK[b.precision], RANK.day);
  if (a.year !== b.year) return Math.sign(a.year - b.year);
  if (common >= 1 && a.month !== b.month) return Math.sign(a.month - b.month);
  if (common >= 2 && a.day !== b.day) return Math.sign(a.day - b.day);
  return 0;
}

/** A moment's UTC calendar date, at `precision`. */
const utcDate = (date: Date, precision: Precision, instant: number | null): ParsedDate => ({
  precision,
  year: date.getUTCFullYear(),
  month: date.getUTCMonth() + 1,
  day: date.getUTCDate(),
  instant,
});

/** “Now” as a parsed date-time, for comparisons with dates of any precision. */
export const nowAsDate = (now: Date): ParsedDate => utcDate(now, 'time', now.getTime());

const WEEK = /^(\d{4})-W(\d{2})(?:-(WE|[1-7]))?$/;

/** The number of ISO weeks in a year: 53 when it starts on a Thursday, or on a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** TIMEX3's references to the publication time (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`): no calendar date. */
export const isTimeReference = (value: string): boolean => /^(?:PAST|PRESENT|FUTURE)_REF$/.test(value);

/**
 * Parses a TIMEX3 time value (a partial date, an ISO week `2025-W07`, its weekend `2025-W07-WE` or one of its days
 * `2025-W07-3`, a season `2024-SU`, a day with a part of the day `2025-02-12TMO`). A week is returned as its first
 * day (Monday, or Saturday for a weekend) at day precision, a season as its first month, which is what comparisons
 * need. A reference to the publication time (`PRESENT_REF`…) and a value with unknown parts (`XXXX-WXX-3`) give null.
 */
export function parseTimeValue(value: string): ParsedDate | { invalid: string } | null {
  if (isTimeReference(value) || value.includes('X')) return null;
  const season = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (season)
    return {
      precision: 'month',
      year: Number(season[1]),
      month: SEASON_START[season[2] as Season],
      day: 1,
      instant: null,
    };
  const week = WEEK.exec(value);
  if (!week) return parsePartialDate(value.replace(/T(?:MO|MI|AF|EV|NI|DT)$/, ''));
  const year = Number(week[1]);
  const n = Number(week[2]);
  if (n < 1 || n > isoWeeksInYear(year)) return { invalid: `${year} has no ISO week ${week[2]}` };
  // ISO week 1 is the week with the year's first Thursday; its Monday is 4 January minus (weekday - 1).
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (n - 1) * 7 * 86_400_000;
  const first = new Date(monday + (week[3] === 'WE' ? 5 : week[3] ? Number(week[3]) - 1 : 0) * 86_400_000);
  return utcDate(first, 'day', null);
}
