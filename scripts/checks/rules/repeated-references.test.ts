import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repeatedReferences } from './repeated-references.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';
import type { Article, Redirect } from '../../../types/index.ts';

const REDIRECT = 'redirects/old-energy-article.json';

test('repeated-references: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([repeatedReferences]), []);
});

test('repeated-references: an id listed again in a list of ids is an error at the repeat', () => {
  const findings = findingsAfter([repeatedReferences], (data) => {
    editJson(data, FIXTURE_ARTICLE, (a: Article) => {
      a.annotations.events[0]!.participants = ['ukraine', 'olena-kovalenko', 'ukraine'];
      a.annotations.claims[0]!.isBasedOn = ['f-damaged', 'f-repairs', 'f-damaged', 'f-damaged', 'f-repairs'];
      a.annotations.quotes[0]!.source.outlets = ['wire-service', 'wire-service'];
    });
    editJson(data, REDIRECT, (r: Redirect) => {
      r.kind = 'split';
      r.to = ['ukraine-energy-grid-repairs', 'ukraine-energy-grid-repairs'];
    });
  });
  const got = findings.map((f) => [f.file, f.pointer, f.severity, f.message, f.hint]);
  assert.deepEqual(got, [
    [
      FIXTURE_ARTICLE,
      '/annotations/quotes/0/source/outlets/1',
      'error',
      '"wire-service" is listed twice in `outlets` (first at /annotations/quotes/0/source/outlets/0)',
      'Remove the second "wire-service" from `outlets`: an id counts once.',
    ],
    [
      FIXTURE_ARTICLE,
      '/annotations/events/0/participants/2',
      'error',
      '"ukraine" is listed twice in `participants` (first at /annotations/events/0/participants/0)',
      'Remove the second "ukraine" from `participants`: an id counts once.',
    ],
    [
      FIXTURE_ARTICLE,
      '/annotations/claims/0/isBasedOn/2',
      'error',
      '"f-damaged" is listed 3 times in `isBasedOn` (first at /annotations/claims/0/isBasedOn/0)',
      'Remove the second "f-damaged" and every later one from `isBasedOn`: an id counts once.',
    ],
    [
      FIXTURE_ARTICLE,
      '/annotations/claims/0/isBasedOn/4',
      'error',
      '"f-repairs" is listed twice in `isBasedOn` (first at /annotations/claims/0/isBasedOn/1)',
      'Remove the second "f-repairs" from `isBasedOn`: an id counts once.',
    ],
    [
      REDIRECT,
      '/to/1',
      'error',
      '"ukraine-energy-grid-repairs" is listed twice in `to` (first at /to/0)',
      'Remove the second "ukraine-energy-grid-repairs" from `to`: an id counts once.',
    ],
  ]);
});

test('repeated-references: 100,000 participants that are all one entity make one finding', () => {
  const findings = findingsAfter([repeatedReferences], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a: Article) => {
      a.annotations.events[0]!.participants = Array.from({ length: 100_000 }, () => 'ukraine');
    }),
  );
  assert.deepEqual(
    findings.map((f) => [f.pointer, f.message]),
    [
      [
        '/annotations/events/0/participants/1',
        '"ukraine" is listed 100000 times in `participants` (first at /annotations/events/0/participants/0)',
      ],
    ],
  );
});
