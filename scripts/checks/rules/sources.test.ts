import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sources } from './sources.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';

test('sources: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([sources]), []);
});

test(
  'sources: a group source with an invented entity, an entity source without one, and a quote by ' + 'the article fail',
  () => {
    const findings = findingsAfter([sources], (data) =>
      editJson(data, FIXTURE_ARTICLE, (a) => {
        a.annotations.quotes.push({
          ...a.annotations.quotes[0],
          id: 'q-2',
          source: { kind: 'group', entity: 'olena-kovalenko', affiliation: 'ukraine', selector: null },
        });
        a.annotations.quotes.push({
          ...a.annotations.quotes[0],
          id: 'q-3',
          source: { kind: 'article', entity: null, affiliation: null, selector: null },
        });
        a.annotations.claims[0].claimant = { kind: 'entity', entity: null, affiliation: null, selector: null };
      }),
    );
    assert.deepEqual(findings.map((f) => f.pointer).sort(), [
      '/annotations/claims/0/claimant/entity',
      '/annotations/quotes/1/source/entity',
      '/annotations/quotes/2/source/kind',
    ]);
    assert.match(findings.find((f) => f.pointer.includes('quotes/1'))!.hint, /never invent a person/);
  },
);

test('sources: outlet and implicit sources (model 1.1) are checked', () => {
  const at: Record<string, number> = {};
  const findings = findingsAfter([sources], (dir) =>
    editJson(dir, FIXTURE_ARTICLE, (a) => {
      const add = (id: string, source: object) =>
        (at[id] = a.annotations.quotes.push({ ...a.annotations.quotes[0], id, source }) - 1);
      add('q-ok-outlet', {
        kind: 'outlet',
        entity: null,
        affiliation: null,
        outlets: ['wire-service'],
        selector: null,
      });
      add('q-ok-implicit', { kind: 'implicit', entity: null, affiliation: null, selector: null });
      add('q-no-outlet', { kind: 'outlet', entity: null, affiliation: null, selector: null });
      add('q-stray-outlet', {
        kind: 'group',
        entity: null,
        affiliation: null,
        outlets: ['wire-service'],
        selector: null,
      });
      add('q-implicit-named', { kind: 'implicit', entity: 'olena-kovalenko', affiliation: null, selector: null });
    }),
  );
  assert.deepEqual(
    findings.map((f) => f.pointer).sort(),
    [
      `/annotations/quotes/${at['q-no-outlet']}/source/outlets`,
      `/annotations/quotes/${at['q-stray-outlet']}/source/outlets`,
      `/annotations/quotes/${at['q-implicit-named']}/source/kind`,
    ].sort(),
  );
  assert.match(findings.find((f) => f.pointer.endsWith('/kind'))!.hint, /reportedly/);
});
