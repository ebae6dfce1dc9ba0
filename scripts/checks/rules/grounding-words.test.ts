// Whole-word anchoring, on small in-memory records: a selector may not start or end inside a word, and every
// prefix/suffix the hint suggests selects a whole-word occurrence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { grounding } from './grounding.ts';
import type { Issue, RecordContext } from '../rule.ts';
import type { TextQuoteSelector } from '../../../types/index.ts';
import { isWholeWord, matchSelector } from '../../lib/text-quote.ts';

/** The grounding findings for one mention selector over a body of the given paragraphs. */
function ground(paragraphs: string[], selector: TextQuoteSelector): Issue[] {
  const record = {
    body: paragraphs.map((text) => ({ type: 'paragraph', text })),
    annotations: {
      mentions: [{ id: 'm-1', selector }],
      quotes: [],
      figures: [],
      citedSources: [],
      events: [],
      claims: [],
    },
  };
  return grounding.check({ collection: 'articles', record } as unknown as RecordContext<'article'>);
}

/** The selectors a hint suggests, each written as JSON followed by “(selects …)”. */
function suggested(hint: string): TextQuoteSelector[] {
  return [...hint.matchAll(/(\{"exact":.*?\}) \(selects /g)].map((m) => JSON.parse(m[1]!));
}

const TEXT = ['The man said he saw the ship, and he left.'];

test('grounding: a selector that starts inside a word is an error, even when it matches once', () => {
  const [issue, ...rest] = ground(TEXT, { exact: 'he', prefix: 'T' });
  assert.equal(rest.length, 0);
  assert.match(issue!.message, /inside a word: it starts or ends within "The"/);
  for (const s of suggested(issue!.hint)) assert.deepEqual(ground(TEXT, s), []);
  assert.ok(suggested(issue!.hint).length > 0, issue!.hint);
});

test(
  'grounding: the hint for an ambiguous word suggests only whole-word occurrences, with the words ' + 'they select',
  () => {
    const [issue] = ground(TEXT, { exact: 'he' });
    const fixes = suggested(issue!.hint);
    assert.ok(fixes.length > 0, issue!.hint);
    for (const s of fixes) {
      assert.deepEqual(ground(TEXT, s), [], JSON.stringify(s));
      assert.notEqual(s.prefix, 't');
    }
    assert.match(issue!.hint, /\(selects "said he saw"\)|\(selects "and he left\.?"\)|\(selects "said he"\)/);
  },
);

test('grounding: word boundaries are Unicode letters and digits, not ASCII', () => {
  assert.match(ground(['Київ і Києва'], { exact: 'Киї' })[0]!.message, /inside a word/);
  assert.match(ground(['café au lait'], { exact: 'caf' })[0]!.message, /inside a word/);
  assert.match(ground(['Q3 2025 results'], { exact: '202' })[0]!.message, /inside a word/);
  assert.deepEqual(ground(['Ukraine’s grid'], { exact: 'Ukraine' }), []);
  assert.deepEqual(ground(['“We will”, she said'], { exact: '“We will”' }), []);
  assert.deepEqual(ground(['東京 and 大阪'], { exact: '大阪' }), []);
});

test('grounding (property): every suggested fix validates and slices back to a whole-word span', () => {
  const word = fc.constantFrom('he', 'the', 'The', 'she', 'he’s', 'hé', 'said', 'Київ', '2025', 'x2', '“he”');
  const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), fc.nat(), (lines, a, b, c) => {
      const text = lines.join('\n');
      const start = a % text.length;
      const lineEnd = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
      if (start === lineEnd) return;
      const end = start + 1 + (b % Math.min(8, lineEnd - start));
      const exact = text.slice(start, end);
      const selectors: TextQuoteSelector[] = [{ exact }];
      if (c % 2 && start > 0 && text[start - 1] !== '\n') selectors.push({ exact, prefix: text[start - 1]! });
      if (c % 3 === 0) selectors.push({ exact, suffix: '§' }); // found, but not with this suffix
      for (const selector of selectors) {
        const issues = ground(lines, selector);
        if (issues.length === 0) {
          const [at, ...more] = matchSelector(text, selector);
          assert.equal(more.length, 0);
          assert.ok(isWholeWord(text, at!, at! + exact.length), JSON.stringify({ text, selector }));
        }
        for (const issue of issues) {
          assert.doesNotMatch(`${issue.message} ${issue.hint}`, /undefined|NaN|\[object/);
          for (const fix of suggested(issue.hint)) {
            assert.deepEqual(ground(lines, fix), [], JSON.stringify({ text, selector, fix }));
            const [at] = matchSelector(text, fix);
            assert.ok(isWholeWord(text, at!, at! + fix.exact.length));
          }
        }
      }
    }),
    { numRuns: 300 },
  );
});
