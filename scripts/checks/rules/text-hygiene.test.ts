import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textHygiene } from './text-hygiene.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';

test('text-hygiene: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([textHygiene]), []);
});

test('text-hygiene: non-NFC text, invisible characters and padded blocks fail', () => {
  const findings = findingsAfter([textHygiene], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a) => {
      a.keywords.push('Cafe\u0301');
      a.body[0].text = `${a.body[0].text}\u200b`;
      a.body[1].text = ' Repairs before the cold';
      a.headline.text = `\u202e${a.headline.text}`;
    }),
  );
  const messages = findings.map((f) => `${f.pointer} ${f.message}`).sort();
  assert.equal(findings.length, 4, messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('/keywords/2') && /NFC/.test(m)));
  assert.ok(messages.some((m) => m.startsWith('/body/0/text') && /U\+200B/.test(m)));
  assert.ok(messages.some((m) => m.startsWith('/body/1/text') && /white space/.test(m)));
  assert.ok(messages.some((m) => m.startsWith('/headline/text') && /bidirectional/.test(m)));
});
