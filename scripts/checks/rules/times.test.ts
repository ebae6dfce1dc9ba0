import { test } from 'node:test';
import assert from 'node:assert/strict';
import { times } from './times.ts';
import { dates } from './dates.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';

test('times: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([times]), []);
});

test(
  'times: an instant with an end, an interval with a value, and a relative value with no ' + 'publication date fail',
  () => {
    const findings = findingsAfter([times], (data) =>
      editJson(data, FIXTURE_ARTICLE, (a) => {
        const base = a.annotations.events[0];
        a.datePublished = null;
        a.dateModified = null;
        base.time.endPoint = '2025';
        a.annotations.events.push({
          ...base,
          id: 'e-2',
          time: { ...base.time, type: 'interval', value: '2024', beginPoint: '2024', endPoint: null },
        });
        a.annotations.events.push({
          ...base,
          id: 'e-3',
          time: { ...base.time, endPoint: null, relative: { unit: 'year', offset: -1 } },
        });
      }),
    );
    assert.deepEqual(
      findings.map((f) => f.pointer),
      ['/annotations/events/0/time/endPoint', '/annotations/events/1/time/value', '/annotations/events/2/time/value'],
    );
    assert.match(findings[2]!.hint, /"field": "\/time\/value"/);
  },
);

test('times and dates: PRESENT_REF, PAST_REF and FUTURE_REF are values of instants; a relative needs its own', () => {
  const findings = findingsAfter([times, dates], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a) => {
      const base = a.annotations.events[0];
      ['PRESENT_REF', 'PAST_REF', 'FUTURE_REF'].forEach((value, i) =>
        a.annotations.events.push({ ...base, id: `e-ref-${i}`, time: { ...base.time, value } }),
      );
      // “this week” computed from the publication date is a week, not the present.
      a.annotations.events.push({
        ...base,
        id: 'e-ref-relative',
        time: { ...base.time, value: 'PRESENT_REF', relative: { unit: 'week', offset: 0 } },
      });
    }),
  );
  assert.deepEqual(
    findings.map((f) => f.pointer),
    ['/annotations/events/4/time/value'],
  );
  assert.match(findings[0]!.hint, /"value": "2025-W03"/);
});
