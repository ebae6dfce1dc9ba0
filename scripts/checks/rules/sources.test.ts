import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sources } from './sources.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';

test('sources: the valid fixture passes', async () => {
  assert.deepEqual(await findingsAfter([sources]), []);
});

test('sources: a group source with an invented entity, an entity source without one, and a quote by the article fail', async () => {
  const findings = await findingsAfter([sources], (data) =>
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
});
