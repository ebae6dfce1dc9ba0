/** Every annotation of every article is found in its body, exactly once. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDataset } from '../scripts/lib/collections.ts';
import { articleText, matchSelector, minimalSelector, codePointOffset } from '../scripts/lib/text-quote.ts';
import type { TextQuoteSelector } from '../types/index.ts';
import { ROOT } from './helpers.ts';

/** Every selector inside a value: any object with a string `exact`. */
function selectorsIn(value: unknown, path: string, out: Array<[string, TextQuoteSelector]>): typeof out {
  if (Array.isArray(value)) value.forEach((v, i) => selectorsIn(v, `${path}/${i}`, out));
  else if (value && typeof value === 'object') {
    if (typeof (value as TextQuoteSelector).exact === 'string') out.push([path, value as TextQuoteSelector]);
    else for (const [k, v] of Object.entries(value)) selectorsIn(v, `${path}/${k}`, out);
  }
  return out;
}

test('every annotation of every article is grounded, unambiguously', () => {
  const { articles } = loadDataset(join(ROOT, 'data'));
  assert.ok(articles.length > 0);
  for (const article of articles) {
    const text = articleText(article);
    const selectors = selectorsIn(article.annotations, '/annotations', []);
    assert.ok(selectors.length > 0);
    for (const [pointer, selector] of selectors) {
      const found = matchSelector(text, selector).length;
      assert.equal(found, 1, `${article.id}${pointer}: ${JSON.stringify(selector)} matches ${found} times`);
    }
  }
});

const TEXT = 'Zelensky met Trump. Later, Zelensky left.\nZelensky’s plan';

test('matchSelector: a missing passage matches nowhere, a repeated one everywhere', () => {
  assert.deepEqual(matchSelector(TEXT, { exact: 'Putin' }), []);
  assert.equal(matchSelector(TEXT, { exact: 'Zelensky' }).length, 3);
  assert.deepEqual(matchSelector(TEXT, { exact: 'Zelensky', prefix: 'Later, ' }), [27]);
  assert.deepEqual(matchSelector(TEXT, { exact: 'Zelensky', suffix: '’s' }), [42]);
  assert.deepEqual(matchSelector(TEXT, { exact: 'Zelensky', prefix: 'nobody ' }), []);
});

test('minimalSelector adds just enough whole-word context, within the block', () => {
  assert.deepEqual(minimalSelector(TEXT, 13, 18), { exact: 'Trump' });
  assert.deepEqual(minimalSelector(TEXT, 27, 35), { exact: 'Zelensky', prefix: 'Later, ' });
  assert.deepEqual(minimalSelector(TEXT, 0, 8), { exact: 'Zelensky', suffix: ' met' });
  const selector = minimalSelector(TEXT, 42, 50);
  assert.ok(!JSON.stringify(selector).includes('\\n'));
  assert.deepEqual(matchSelector(TEXT, selector), [42]);
});

test('codePointOffset counts astral characters once', () => {
  assert.equal(codePointOffset('a😀b', 3), 2);
  assert.equal(codePointOffset('abc', 2), 2);
});
