import { test } from 'node:test';
import assert from 'node:assert/strict';
import { urls, urlProblem } from './urls.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import type { Article, Outlet } from '../../../types/index.ts';

test('urls: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([urls]), []);
});

test('urls: a non-http(s) URL or one with credentials fails', () => {
  const findings = findingsAfter([urls], (data) => {
    editJson(data, FIXTURE_ARTICLE, (a: Article) => (a.url = 'https://user:secret@ledger.example/a'));
    editJson(data, 'outlets/daily-ledger.json', (o: Outlet) => (o.url = 'ftp://ledger.example/'));
  });
  assert.equal(findings.length, 2);
  assert.match(findings.find((f) => f.file.startsWith('outlets'))!.message, /ftp:, not http or https/);
  assert.equal(urlProblem('javascript:alert(1)'), 'uses javascript:, not http or https');
  assert.equal(urlProblem('https://example.org/a b'), 'contains white space');
});
