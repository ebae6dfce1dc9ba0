/**
 * Dates and TIMEX3 time values: partial ISO 8601 dates (a year, a month, a day, or a date-time with offset) and TIMEX3
 * values parsed and compared, the values of relative time expressions, and the days, months and seasons a time's
 * words name. Pure functions, shared by the dates and times rules, the scaffold's examples and the synthetic corpus.
 * The semantics are those of `TimeExpression` and `RelativeTime` (types/annotations.ts).
 */
import type { RelativeTime, Season } from '../../types/index.ts';

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
/** ISO day of the week, 1 (Monday) to 7 (Sunday). */
const dayOfWeek = (time: number) => ((new Date(time).getUTCDay() + 6) % 7) + 1;

/** The ISO week (`2025-W07`) that contains a UTC time. */
export function isoWeek(time: number): string {
  const thursday = time + (4 - dayOfWeek(time)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  return `${year}-W${pad(1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)))}`;
}

/** The first month (1–12) of each season; winter runs from December into the next year. */
const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/**
 * The TIMEX3 value of a relative expression given the publication date (a `PartialDate`, or null when unknown):
 * resolved where the publication date is precise enough, otherwise written with `X` as TIMEX3 writes what is
 * unknown (`XXXX-WXX-3`). A combination that means nothing (a weekday unit with no weekday; offset 0 on a weekday
 * that is not the publication day) gives a problem instead.
 */
export function resolveRelative(relative: RelativeTime, published: string | null): string | { problem: string } {
  const { unit, offset, weekday, season, partOfDay } = relative;
  if ((unit === 'weekday') !== (weekday !== undefined))
    return { problem: unit === 'weekday' ? 'a weekday unit needs `weekday`' : '`weekday` goes with unit "weekday"' };
  if ((unit === 'season') !== (season !== undefined))
    return { problem: unit === 'season' ? 'a season unit needs `season`' : '`season` goes with unit "season"' };
  if (partOfDay !== undefined && unit !== 'day' && unit !== 'weekday')
    return { problem: '`partOfDay` goes with unit "day" or "weekday"' };
  const part = partOfDay === undefined ? '' : `T${partOfDay}`;
  const [, y, m, d] = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published ?? '') ?? [];
  const year = Number(y);
  const month = Number(m);
  if (unit === 'year') return y === undefined ? 'XXXX' : String(year + offset);
  if (unit === 'month') {
    if (m === undefined) return 'XXXX-XX';
    const first = new Date(Date.UTC(year, month - 1 + offset, 1));
    return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}`;
  }
  if (unit === 'season') {
    if (m === undefined) return `XXXX-${season}`;
    // Occurrences of the season, by the year it begins in; the publication month counted from year 0.
    const at = year * 12 + month - 1;
    const start = (k: number) => k * 12 + SEASON_START[season!] - 1;
    let k = year - 1; // the latest occurrence that begins by the publication month
    while (start(k + 1) <= at) k++;
    const containing = at <= start(k) + 2;
    if (offset === 0) return containing ? `${k}-${season}` : { problem: `the publication date is not in that season` };
    return `${offset < 0 ? k + offset + (containing ? 0 : 1) : k + offset}-${season}`;
  }
  if (d === undefined) {
    if (unit === 'week' || unit === 'weekend') return unit === 'week' ? 'XXXX-WXX' : 'XXXX-WXX-WE';
    return `XXXX-${unit === 'day' ? 'XX-XX' : `WXX-${weekday}`}${part}`;
  }
  const day = Date.UTC(year, month - 1, Number(d));
  if (unit === 'day') return `${isoDay(day + offset * DAY)}${part}`;
  if (unit === 'week' || unit === 'weekend')
    return `${isoWeek(day + offset * 7 * DAY)}${unit === 'weekend' ? '-WE' : ''}`;
  const today = dayOfWeek(day);
  if (offset === 0)
    return today === weekday ? `${isoDay(day)}${part}` : { problem: 'the publication day is not that weekday' };
  const first = offset < 0 ? -((today - weekday! + 7) % 7 || 7) : (weekday! - today + 7) % 7 || 7;
  return `${isoDay(day + (first + (offset - Math.sign(offset)) * 7) * DAY)}${part}`;
}

/** The English names of the weekdays (1–7), the months (1–12) and the seasons. */
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const SEASONS: Record<Season, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };

/** The English name of a weekday (1–7), a month (1–12) or a season. */
export const nameOf = (kind: keyof Named, n: number | Season): string =>
  kind === 'seasons' ? SEASONS[n as Season] : (kind === 'weekdays' ? WEEKDAYS : MONTHS)[(n as number) - 1]!;

/** What a time expression's words name: weekdays (1–7), months (1–12) and seasons, in English. */
export interface Named {
  weekdays: number[];
  months: number[];
  seasons: Season[];
}

/** Each word (lowercase) that names a weekday, a month (also abbreviated: `feb`) or a season, and what it names. */
const WORDS = new Map<string, readonly [keyof Named, number | Season]>([
  ...WEEKDAYS.map((day, i) => [day.toLowerCase(), ['weekdays', i + 1]] as const),
  ...MONTHS.flatMap((month, i) => [month, month.slice(0, 3)].map((w) => [w.toLowerCase(), ['months', i + 1]] as const)),
  ...Object.entries(SEASONS).map(([season, word]) => [word, ['seasons', season as Season]] as const),
  ['fall', ['seasons', 'FA']],
]);

export function namedInText(text: string): Named {
  const named: Named = { weekdays: [], months: [], seasons: [] };
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const [kind, value] = WORDS.get(word) ?? [];
    if (kind) (named[kind] as Array<number | Season>).push(value!);
  }
  return named;
}

/** The season (northern-hemisphere, meteorological) a month (1–12) falls in. */
const seasonOfMonth = (month: number): Season => (['WI', 'SP', 'SU', 'FA'] as const)[Math.floor((month % 12) / 3)]!;

/**
 * What a TIMEX3 value says about the same things, where it says it: null for a kind the value does not fix (a year
 * names no weekday; `XXXX-WXX` names no month). A day says its weekday, month and season; a week date its weekday;
 * a month its month and season; a season its season.
 */
export function namedByValue(value: string): { [K in keyof Named]: Named[K] | null } {
  const said: { [K in keyof Named]: Named[K] | null } = { weekdays: null, months: null, seasons: null };
  const date = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (date) {
    const month = Number(date[2]);
    said.months = [month];
    said.seasons = [seasonOfMonth(month)];
    if (date[3] !== undefined) said.weekdays = [dayOfWeek(Date.UTC(Number(date[1]), month - 1, Number(date[3])))];
  }
  const weekDay = /-W(?:\d{2}|XX)-([1-7]|WE)/.exec(value);
  if (weekDay) said.weekdays = weekDay[1] === 'WE' ? [6, 7] : [Number(weekDay[1])];
  const season = /-(SP|SU|FA|WI)$/.exec(value);
  if (season) said.seasons = [season[1] as Season];
  return said;
}

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
  const [, year, season] = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value) ?? [];
  if (season)
    return { precision: 'month', year: Number(year), month: SEASON_START[season as Season], day: 1, instant: null };
  const week = WEEK.exec(value);
  if (!week) return parsePartialDate(value.replace(/T(?:MO|MI|AF|EV|NI|DT)$/, ''));
  const weekYear = Number(week[1]);
  const n = Number(week[2]);
  if (n < 1 || n > isoWeeksInYear(weekYear)) return { invalid: `${weekYear} has no ISO week ${week[2]}` };
  // ISO week 1 is the week with the year's first Thursday; its Monday is 4 January minus (weekday - 1).
  const jan4 = Date.UTC(weekYear, 0, 4);
  const monday = jan4 - (dayOfWeek(jan4) - 1) * DAY + (n - 1) * 7 * DAY;
  const first = new Date(monday + (week[3] === 'WE' ? 5 : week[3] ? Number(week[3]) - 1 : 0) * DAY);
  return utcDate(first, 'day', null);
}
