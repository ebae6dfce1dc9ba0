import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicates } from './duplicates.ts';
import { findingsAfter, FIXTURE_ARTICLE, type Records } from '../test-kit.ts';
import { signature, similarity } from '../similarity.ts';

/** Adds a copy of the fixture article under another id, changed by `edit`. */
function addCopy(data: Records, id: string, edit: (a: any) => void) {
  const a = structuredClone(data.get(FIXTURE_ARTICLE));
  a.id = id;
  edit(a);
  data.set(`articles/${id}.json`, a);
}

test('duplicates: the valid fixture passes, and a different article is no duplicate', () => {
  assert.deepEqual(findingsAfter([duplicates]), []);
  const findings = findingsAfter([duplicates], (data) =>
    addCopy(data, 'other', (a) => {
      a.url = null;
      a.body = [
        {
          type: 'paragraph',
          text:
            'An entirely different report about the weather in Lviv, where it rained all week long and the ' +
            'river rose above its banks, so the city closed two bridges and asked people to stay at home ' +
            'until the water went down again.',
        },
      ];
    }),
  );
  assert.deepEqual(findings, []);
});

test('duplicates: the same URL and the same body fail, naming the other file', () => {
  const findings = findingsAfter([duplicates], (data) => addCopy(data, 'copy', () => {}));
  const messages = findings.map((f) => f.message).sort();
  assert.equal(findings.length, 2);
  assert.ok(
    messages.some((m) => /body is identical to .*articles\/copy.json/.test(m)),
    messages.join('\n'),
  );
  assert.ok(
    messages.some((m) => /URL is already used by .*articles\/copy.json/.test(m)),
    messages.join('\n'),
  );
});

test('duplicates: a lightly edited copy is a near-duplicate warning', () => {
  const findings = findingsAfter([duplicates], (data) =>
    addCopy(data, 'edited', (a) => {
      a.url = null;
      a.body[2].text = a.body[2].text.replace('the cold months', 'the cold winter months');
    }),
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
  assert.match(findings[0]!.message, /% the same as .*articles\/(edited|ukraine-energy-grid-repairs).json/);
});

test('similarity: identical texts score 1, unrelated texts near 0', () => {
  const words = (seed: number) => Array.from({ length: 200 }, (_, i) => `w${(i * seed) % 997}`).join(' ');
  const a = signature(words(7))!;
  assert.equal(similarity(a, signature(words(7))!), 1);
  assert.ok(similarity(a, signature(words(13))!) < 0.2);
  assert.equal(signature('too short to compare'), null);
});

test('candidatePairs finds signatures sharing a band, without pairing unrelated ones', async () => {
  const { candidatePairs } = await import('../similarity.ts');
  const text = (seed: number) => Array.from({ length: 120 }, (_, i) => `w${(i * seed + seed) % 1009}`).join(' ');
  const signatures = [3, 7, 11, 13, 17].map((seed) => signature(text(seed))!);
  signatures.push(signature(text(7))!);
  assert.deepEqual(candidatePairs(signatures), [[1, 5]]);
});
