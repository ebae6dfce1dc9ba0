// TIMEX3 values of relative expressions (weekdays, seasons, parts of days), and what a time's words name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { namedByValue, namedInText, resolveRelative } from './timex.ts';
import type { RelativeTime } from '../../types/index.ts';

const at = (published: string | null, relative: RelativeTime) => resolveRelative(relative, published);

test('timex: a named weekday is the nearest one before (past tense) or after (future) the publication date', () => {
  const wednesday = '2025-02-19';
  assert.equal(at(wednesday, { unit: 'weekday', weekday: 3, offset: -1 }), '2025-02-12');
  assert.equal(at(wednesday, { unit: 'weekday', weekday: 3, offset: 1 }), '2025-02-26');
  assert.equal(at(wednesday, { unit: 'weekday', weekday: 3, offset: 0 }), '2025-02-19');
  assert.equal(at(wednesday, { unit: 'weekday', weekday: 1, offset: -1 }), '2025-02-17');
  assert.equal(at(wednesday, { unit: 'weekday', weekday: 1, offset: 1 }), '2025-02-24');
  assert.equal(at(wednesday, { unit: 'weekday', weekday: 5, offset: -2 }), '2025-02-07');
  assert.equal(at('2025-02-19T23:30:00-05:00', { unit: 'weekday', weekday: 3, offset: -1 }), '2025-02-12');
  assert.deepEqual(at(wednesday, { unit: 'weekday', weekday: 1, offset: 0 }), {
    problem: 'the publication day is not that weekday',
  });
});

test('timex: parts of days, and what TIMEX3 writes when the publication date is unknown', () => {
  assert.equal(at('2025-02-19', { unit: 'weekday', weekday: 3, offset: -1, partOfDay: 'MO' }), '2025-02-12TMO');
  assert.equal(at('2025-02-19', { unit: 'day', offset: -1, partOfDay: 'NI' }), '2025-02-18TNI');
  assert.equal(at(null, { unit: 'weekday', weekday: 3, offset: -1 }), 'XXXX-WXX-3');
  assert.equal(at(null, { unit: 'weekday', weekday: 3, offset: 1, partOfDay: 'EV' }), 'XXXX-WXX-3TEV');
  assert.equal(at('2025-02', { unit: 'weekday', weekday: 3, offset: -1 }), 'XXXX-WXX-3');
  assert.equal(at(null, { unit: 'day', offset: 0, partOfDay: 'MO' }), 'XXXX-XX-XXTMO');
  assert.equal(at(null, { unit: 'week', offset: -1 }), 'XXXX-WXX');
  assert.equal(at(null, { unit: 'weekend', offset: -1 }), 'XXXX-WXX-WE');
  assert.equal(at(null, { unit: 'month', offset: -1 }), 'XXXX-XX');
  assert.equal(at(null, { unit: 'year', offset: -1 }), 'XXXX');
  assert.equal(at(null, { unit: 'season', season: 'SU', offset: -1 }), 'XXXX-SU');
  assert.match(JSON.stringify(at(null, { unit: 'week', offset: 0, partOfDay: 'MO' })), /partOfDay/);
  assert.match(JSON.stringify(at(null, { unit: 'weekday', offset: -1 })), /needs `weekday`/);
});

test('timex: calendar units as before (week, weekend, month, year across year ends)', () => {
  assert.equal(at('2025-02-19', { unit: 'week', offset: -1 }), '2025-W07');
  assert.equal(at('2025-02-19', { unit: 'weekend', offset: -1 }), '2025-W07-WE');
  assert.equal(at('2025-01-02', { unit: 'week', offset: 0 }), '2025-W01');
  assert.equal(at('2024-12-30', { unit: 'week', offset: 0 }), '2025-W01');
  assert.equal(at('2025-01', { unit: 'month', offset: -1 }), '2024-12');
  assert.equal(at('2025', { unit: 'year', offset: 1 }), '2026');
});

test('timex: seasons count occurrences from the publication month', () => {
  assert.equal(at('2025-02', { unit: 'season', season: 'SU', offset: -1 }), '2024-SU');
  assert.equal(at('2025-02-10', { unit: 'season', season: 'SU', offset: 1 }), '2025-SU');
  assert.equal(at('2025-02', { unit: 'season', season: 'WI', offset: 0 }), '2024-WI');
  assert.equal(at('2025-02', { unit: 'season', season: 'WI', offset: -1 }), '2023-WI');
  assert.equal(at('2025-10', { unit: 'season', season: 'SU', offset: -1 }), '2025-SU');
  assert.equal(at('2025-07', { unit: 'season', season: 'SU', offset: -1 }), '2024-SU');
  assert.equal(at('2025-07', { unit: 'season', season: 'SU', offset: 0 }), '2025-SU');
  assert.equal(at('2025-12', { unit: 'season', season: 'WI', offset: 1 }), '2026-WI');
  assert.equal(at('2025', { unit: 'season', season: 'SU', offset: -1 }), 'XXXX-SU');
});

test(
  'timex (property): a resolved weekday is that weekday, on the right side of the publication ' + 'date, within reach',
  () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1) / day, max: Date.UTC(2040, 0, 1) / day }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0),
        (days, weekday, offset) => {
          const published = new Date(days * day).toISOString().slice(0, 10);
          const value = at(published, { unit: 'weekday', weekday, offset }) as string;
          const distance = (Date.parse(value) - days * day) / day;
          assert.equal(namedByValue(value).weekdays![0], weekday);
          assert.ok(Math.sign(distance) === Math.sign(offset) && Math.abs(distance) <= 7 * Math.abs(offset), value);
          assert.ok(Math.abs(distance) > 7 * (Math.abs(offset) - 1), value);
        },
      ),
    );
  },
);

test('timex: the weekdays, months and seasons words and values name', () => {
  assert.deepEqual(namedInText('Wednesday morning, 12 Feb. 2025'), { weekdays: [3], months: [2], seasons: [] });
  assert.deepEqual(namedInText('last summer'), { weekdays: [], months: [], seasons: ['SU'] });
  assert.deepEqual(namedByValue('2025-02-12TMO'), { weekdays: [3], months: [2], seasons: ['WI'] });
  assert.deepEqual(namedByValue('XXXX-WXX-3'), { weekdays: [3], months: null, seasons: null });
  assert.deepEqual(namedByValue('2025-W07-WE'), { weekdays: [6, 7], months: null, seasons: null });
  assert.deepEqual(namedByValue('2024-SU'), { weekdays: null, months: null, seasons: ['SU'] });
});
