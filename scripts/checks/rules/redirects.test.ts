import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redirects } from './redirects.ts';
import { editJson, findingsAfter } from '../test-kit.ts';

const REDIRECT = 'redirects/old-energy-article.json';

test('redirects: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([redirects]), []);
});

test('redirects: a missing target and a wrong number of targets fail', () => {
  const findings = findingsAfter([redirects], (data) =>
    editJson(data, REDIRECT, (r) => (r.to = ['ukraine-energy-grid-repairs', 'gone-article'])),
  );
  const messages = findings.map((f) => `${f.pointer}: ${f.message}`).sort();
  assert.deepEqual(messages, [
    '/to/1: the target "gone-article" is not in data/articles/',
    '/to: a "moved" redirect has 2 target(s); it needs exactly one id',
  ]);
});

test('redirects: an old id that is still a live record fails', () => {
  const findings = findingsAfter([redirects], (data) =>
    editJson(data, REDIRECT, (r) => {
      r.id = 'ukraine-energy-grid-repairs';
      r.kind = 'removed';
      r.to = [];
    }),
  );
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /both redirected and a live record/);
});
