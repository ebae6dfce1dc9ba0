import { test } from 'node:test';
import assert from 'node:assert/strict';
import { structure } from './structure.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';

test('structure: the valid fixture passes, and so do nested list items and a consistent Wikidata check', () => {
  assert.deepEqual(findingsAfter([structure]), []);
  const findings = findingsAfter([structure], (dir) => {
    editJson(dir, FIXTURE_ARTICLE, (a) => {
      a.body.push(
        { type: 'listItem', level: 1, text: 'One.' },
        { type: 'listItem', level: 2, text: 'One point one.' },
        { type: 'listItem', level: 1, text: 'Two.' },
      );
    });
    editJson(dir, 'entities/ukraine.json', (e) => {
      e.identifiers.wikidata = 'Q212';
      e.wikidataCheck = { status: 'linked', checkedIn: 'the item page', checkedOn: '2026-12-07' };
    });
  });
  assert.deepEqual(findings, []);
});

test(
  'structure: a missing or stray level, a skipped level and a Wikidata check that contradicts the ' +
    'identifiers fail',
  () => {
    let first = 0;
    const findings = findingsAfter([structure], (dir) => {
      editJson(dir, FIXTURE_ARTICLE, (a) => {
        first = a.body.length;
        a.body.push(
          { type: 'listItem', level: 2, text: 'Too deep.' },
          { type: 'listItem', text: 'No level.' },
          { type: 'paragraph', level: 1, text: 'A paragraph.' },
        );
      });
      editJson(dir, 'entities/ukraine.json', (e) => {
        e.identifiers.wikidata = 'Q212';
        e.wikidataCheck = { status: 'none', checkedIn: 'a search', checkedOn: '2026-12-07' };
      });
      editJson(dir, 'entities/olena-kovalenko.json', (e) => {
        e.identifiers.wikidata = 'Q1';
        e.wikidataCheck = { status: 'unverified', checkedIn: 'a search', checkedOn: '2026-12-07' };
      });
    });
    assert.deepEqual(
      findings.map((f) => `${f.file}#${f.pointer}`).sort(),
      [
        `${FIXTURE_ARTICLE}#/body/${first}/level`,
        `${FIXTURE_ARTICLE}#/body/${first + 1}/level`,
        `${FIXTURE_ARTICLE}#/body/${first + 2}/level`,
        'entities/ukraine.json#/wikidataCheck/status',
        'entities/olena-kovalenko.json#/wikidataCheck/status',
      ].sort(),
    );
    assert.match(findings.find((f) => f.pointer === `/body/${first}/level`)!.hint, /use level 1/);
  },
);
