import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dates } from './dates.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import { compareDates, parsePartialDate, type ParsedDate } from '../../lib/timex.ts';

test('dates: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([dates]), []);
});

test('dates: impossible, future and out-of-order dates fail', () => {
  const findings = findingsAfter([dates], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a) => {
      a.datePublished = '2025-02-14';
      a.dateModified = '2025-01';
      a.provenance.dateAdded = '2025-02-30';
      a.annotations.events[0].time.value = '2026-02';
    }),
  );
  const byPointer = Object.fromEntries(findings.map((f) => [f.pointer, f.message]));
  assert.match(byPointer['/dateModified']!, /before datePublished/);
  assert.match(byPointer['/provenance/dateAdded']!, /not a real date/);
  assert.match(byPointer['/annotations/events/0/time/value']!, /in the future/);
  assert.equal(findings.length, 3);
});

test('dates: leap days and comparison at the common precision', () => {
  assert.ok(!('invalid' in parsePartialDate('2024-02-29')));
  assert.ok('invalid' in parsePartialDate('2023-02-29'));
  const d = (s: string) => parsePartialDate(s) as ParsedDate;
  assert.equal(compareDates(d('2025-02'), d('2025-02-14')), 0);
  assert.equal(compareDates(d('2025-01'), d('2025-02-14')), -1);
  assert.equal(compareDates(d('2025-02-14T10:00:00+02:00'), d('2025-02-14T09:00:00Z')), -1);
});
