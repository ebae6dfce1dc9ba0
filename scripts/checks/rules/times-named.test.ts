// The times rule on small in-memory records: a relative time has the TIMEX3 value its relative gives (X where the
// publication date is unknown), and the stored time is the weekday, month or season its words name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { times } from './times.ts';
import type { Issue, RecordContext } from '../rule.ts';
import type { TimeExpression } from '../../../types/index.ts';
import { EXAMPLE_ANNOTATIONS, articleTemplate } from '../../lib/article-template.ts';

function check(time: Partial<TimeExpression> & { exact: string }, datePublished: string | null = null): Issue[] {
  const { exact, ...rest } = time;
  const full = { selector: { exact }, type: 'instant', value: null, beginPoint: null, endPoint: null, relative: null };
  const record = { datePublished, annotations: { events: [{ id: 'e-1', time: { ...full, ...rest } }] } };
  return times.check({ collection: 'articles', record } as unknown as RecordContext<'article'>);
}
const summary = (issues: Issue[]) => issues.map((i) => `${i.severity} ${i.pointer}: ${i.message} | ${i.hint}`);

test(
  'times: the scaffold encodes “on Monday” as a weekday before the publication date, and the rule ' + 'accepts it',
  () => {
    const time = EXAMPLE_ANNOTATIONS.events[0]!.time!;
    assert.equal(time.relative?.unit, 'weekday');
    assert.equal(time.relative?.weekday, 1);
    assert.ok(articleTemplate('x', '2026-01-01', 't').annotations.events[0]!.time!.relative!.offset < 0);
    assert.deepEqual(check({ ...time, exact: time.selector.exact }), []);
  },
);

test('times: a weekday stored as the publication day ({ unit: "day", offset: 0 }) is a warning', () => {
  const [issue, ...rest] = check({ exact: 'on Monday', relative: { unit: 'day', offset: 0 }, value: 'XXXX-XX-XX' });
  assert.equal(rest.length, 0);
  assert.equal(issue!.severity, 'warning');
  assert.match(issue!.hint, /"unit": "weekday", "weekday": 1, "offset": -1/);
});

test('times: a weekday, month or season the stored value contradicts is a warning', () => {
  assert.match(
    summary(check({ exact: 'Wednesday', value: '2025-02-10' }))[0]!,
    /names Wednesday, but the stored time is Monday/,
  );
  assert.match(
    summary(check({ exact: 'October 2024', value: '2024-11' }))[0]!,
    /names October, but the stored time is November/,
  );
  assert.match(
    summary(check({ exact: 'summer 2024', value: '2024-WI' }))[0]!,
    /names summer, but the stored time is winter/,
  );
  const relative = { unit: 'weekday', weekday: 2, offset: -1 } as const;
  assert.match(summary(check({ exact: 'Wednesday', relative, value: 'XXXX-WXX-2' }))[0]!, /warning .*relative/);
  assert.deepEqual(check({ exact: 'Wednesday, 12 February', value: '2025-02-12' }), []);
  assert.deepEqual(
    check({ exact: 'last weekend', relative: { unit: 'weekend', offset: -1 }, value: 'XXXX-WXX-WE' }),
    [],
  );
  const interval = { type: 'interval', beginPoint: '2025-02-10', endPoint: '2025-02-12' } as const;
  assert.deepEqual(check({ exact: 'from Monday to Wednesday', ...interval }), []);
});

test('times: a relative time has the value TIMEX3 gives, resolved or with X, never null or a guess', () => {
  const relative = { unit: 'weekday', weekday: 3, offset: -1 } as const;
  assert.deepEqual(check({ exact: 'Wednesday', relative, value: '2025-02-12' }, '2025-02-19'), []);
  assert.deepEqual(check({ exact: 'Wednesday', relative, value: 'XXXX-WXX-3' }), []);
  const [missing] = summary(check({ exact: 'Wednesday', relative, value: null }));
  assert.match(
    missing!,
    /error \/annotations\/events\/0\/time\/value: .* "XXXX-WXX-3", not null \| Set "value": "XXXX-WXX-3"/,
  );
  const [guess] = summary(check({ exact: 'Wednesday', relative, value: '2025-02-12' }));
  assert.match(guess!, /"field": "\/time\/value", "value": "2025-02-12"/);
  const [wrong] = summary(check({ exact: 'Wednesday', relative, value: '2025-02-05' }, '2025-02-19'));
  assert.match(wrong!, /Set "value": "2025-02-12"\./);
  const [meaningless] = summary(check({ exact: 'Wednesday', relative: { unit: 'weekday', offset: -1 } }));
  assert.match(meaningless!, /error \/annotations\/events\/0\/time\/relative: .*needs `weekday`/);
  for (const line of [missing, guess, wrong, meaningless]) assert.doesNotMatch(line!, /undefined|NaN|\[object/);
});
