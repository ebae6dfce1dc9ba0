/**
 * `occurrencesOfAll` (one Aho–Corasick pass for many needles, scripts/lib/text-quote.ts) finds exactly what
 * `occurrences` (a scan per needle) finds, overlapping occurrences, astral characters and needles that are each
 * other's prefixes or suffixes included; the validator and the publisher use it for articles with many distinct
 * selectors (scripts/checks/selectors.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { occurrences, occurrencesOfAll } from '../../scripts/lib/text-quote.ts';
import { fuzzParameters } from './support.ts';

/** Strings over a small alphabet (so needles recur), with a character outside the BMP. */
const small = (maxLength: number) =>
  fc.array(fc.constantFrom('a', 'b', 'ab', '🚀', ' '), { maxLength }).map((parts) => parts.join(''));

test('occurrencesOfAll finds what a scan per needle finds', () => {
  fc.assert(
    fc.property(small(60), fc.array(small(5), { maxLength: 12 }), (text, needles) => {
      const all = occurrencesOfAll(text, needles);
      for (const needle of needles) assert.deepEqual(all.get(needle) ?? [], occurrences(text, needle), needle);
    }),
    fuzzParameters(500),
  );
});
