/** Derived offsets: code points, not UTF-16 units; the same matches as matchSelector; ambiguity is an error. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointIndexer, positionSelector } from '../scripts/publish/positions.ts';
import { codePointOffset, matchSelector } from '../scripts/lib/text-quote.ts';
import { SelectorIndex } from '../scripts/checks/selectors.ts';

const TEXT = 'A 🚀 rose; a rose\nis 𝔸 rose, a rose.';

test('codePointIndexer agrees with codePointOffset at every character boundary, astral characters included', () => {
  const toCodePoint = codePointIndexer(TEXT);
  const insidePair = (i: number) => /[\uDC00-\uDFFF]/.test(TEXT[i] ?? '') && /[\uD800-\uDBFF]/.test(TEXT[i - 1] ?? '');
  for (let i = 0; i <= TEXT.length; i++) {
    if (!insidePair(i)) assert.equal(toCodePoint(i), codePointOffset(TEXT, i), `index ${i}`);
  }
  assert.equal(toCodePoint(TEXT.length), [...TEXT].length);
  assert.equal(codePointIndexer('plain')(3), 3);
});

test('positionSelector finds what matchSelector finds, and reports code point offsets', () => {
  for (const selector of [
    { exact: 'rose', prefix: '🚀 ' },
    { exact: 'rose', suffix: ',' },
    { exact: 'rose', prefix: 'a ', suffix: '.' },
    { exact: 'is 𝔸' },
  ]) {
    const [at] = matchSelector(TEXT, selector);
    const positioned = positionSelector(new SelectorIndex(TEXT), codePointIndexer(TEXT), selector);
    assert.equal(positioned.start, codePointOffset(TEXT, at!));
    assert.equal([...TEXT].slice(positioned.start, positioned.end).join(''), selector.exact);
  }
});

test('positionSelector refuses a selector that matches more than once, or not at all', () => {
  assert.throws(
    () => positionSelector(new SelectorIndex(TEXT), codePointIndexer(TEXT), { exact: 'rose' }),
    /matches 4 times/,
  );
  assert.throws(
    () => positionSelector(new SelectorIndex(TEXT), codePointIndexer(TEXT), { exact: 'tulip' }),
    /matches 0 times/,
  );
});
