/** Which fields of a record changed: the paths the change report and the changelog name. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedPaths, jsonEqual } from '../scripts/release/record-diff.ts';

const article = () => ({
  id: 'a',
  headline: { text: 'Old headline', origin: 'curator' },
  body: [
    { type: 'paragraph', text: 'One.' },
    { type: 'paragraph', text: 'Two.' },
  ],
  annotations: {
    mentions: [
      { id: 'm1', selector: { exact: 'One' }, entity: 'x' },
      { id: 'm2', selector: { exact: 'Two' }, entity: 'y' },
    ],
  },
});

test('equal values, whatever the key order, have no changed paths', () => {
  const reordered = {
    annotations: article().annotations,
    body: article().body,
    headline: { origin: 'curator', text: 'Old headline' },
    id: 'a',
  };
  assert.ok(jsonEqual(article(), reordered));
  assert.deepEqual(changedPaths(article(), reordered), []);
});

test('a changed leaf is named by its path, list items by index', () => {
  const after = article();
  after.headline.text = 'New headline';
  after.body[1]!.text = 'Two!';
  assert.deepEqual(changedPaths(article(), after), ['body[1].text', 'headline.text']);
});

test('items with ids are matched by id: changed, added, removed and reordered', () => {
  const after = article();
  after.annotations.mentions = [
    { id: 'm3', selector: { exact: 'One.' }, entity: 'z' },
    { id: 'm2', selector: { exact: 'Two' }, entity: 'w' },
  ];
  assert.deepEqual(changedPaths(article(), after), [
    'annotations.mentions[id=m1] (removed)',
    'annotations.mentions[id=m2].entity',
    'annotations.mentions[id=m3] (added)',
  ]);
  const reordered = article();
  reordered.annotations.mentions.reverse();
  assert.deepEqual(changedPaths(article(), reordered), ['annotations.mentions (reordered)']);
});

test('a list without ids that grows or shrinks is reported whole; added and removed keys are marked', () => {
  const after: Record<string, unknown> = article();
  (after.body as unknown[]).push({ type: 'paragraph', text: 'Three.' });
  delete after.headline;
  after.keywords = [];
  assert.deepEqual(changedPaths(article(), after), ['body (2 → 3 items)', 'headline (removed)', 'keywords (added)']);
});

test('a value that changes type, or a whole record replaced by a scalar, is reported where it happens', () => {
  assert.deepEqual(changedPaths({ a: { b: 1 } }, { a: null }), ['a']);
  assert.deepEqual(changedPaths({ a: 1 }, 'x'), ['(whole record)']);
});
