import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionForms } from './mention-forms.ts';
import { editJson, findingsAfter, FIXTURE_ARTICLE } from '../test-kit.ts';

test('mention-forms: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([mentionForms]), []);
});

test(
  'mention-forms: a description marked as a name, a nominal without its determiner and an unknown ' + 'demonym fail',
  () => {
    const findings = findingsAfter([mentionForms], (data) =>
      editJson(data, FIXTURE_ARTICLE, (a) => {
        a.annotations.mentions.push({
          id: 'm-x-1',
          selector: { exact: 'the country' },
          entity: 'ukraine',
          form: 'name',
        });
        a.annotations.mentions.push({
          id: 'm-x-2',
          selector: { exact: 'country' },
          entity: 'ukraine',
          form: 'nominal',
        });
        a.annotations.mentions.push({
          id: 'm-x-3',
          selector: { exact: 'Ukraine', suffix: ' will' },
          entity: 'ukraine',
          form: 'demonym',
        });
        a.annotations.mentions.push({
          id: 'm-x-4',
          selector: { exact: 'the country' },
          entity: 'ukraine',
          form: 'nominal',
        });
      }),
    );
    assert.deepEqual(
      findings.map((f) => f.pointer),
      ['/annotations/mentions/5/form', '/annotations/mentions/6/selector/exact', '/annotations/mentions/7/form'],
    );
    assert.match(findings[0]!.hint, /nominal/);
  },
);

test('mention-forms: a name or demonym in capitals (an all-caps lead-in) passes; mixed case fails', () => {
  const findings = findingsAfter([mentionForms], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a) => {
      a.annotations.mentions.push(
        { id: 'm-caps-1', selector: { exact: 'UKRAINE' }, entity: 'ukraine', form: 'name' },
        { id: 'm-caps-2', selector: { exact: 'UKRAINIANS' }, entity: 'ukraine', form: 'demonym' },
        { id: 'm-caps-3', selector: { exact: 'UKraine' }, entity: 'ukraine', form: 'name' },
      );
    }),
  );
  assert.deepEqual(
    findings.map((f) => f.pointer),
    ['/annotations/mentions/7/form'],
  );
});

test('mention-forms: a nominal may start with a possessive proper noun, not with a lowercase possessive', () => {
  const findings = findingsAfter([mentionForms], (data) =>
    editJson(data, FIXTURE_ARTICLE, (a) => {
      a.annotations.mentions.push(
        { id: 'm-pos-1', selector: { exact: 'President Trump’s plan' }, entity: 'ukraine', form: 'nominal' },
        { id: 'm-pos-2', selector: { exact: "Russia's invasion" }, entity: 'ukraine', form: 'nominal' },
        { id: 'm-pos-3', selector: { exact: 'country’s plan' }, entity: 'ukraine', form: 'nominal' },
      );
    }),
  );
  assert.deepEqual(
    findings.map((f) => f.pointer),
    ['/annotations/mentions/7/selector/exact'],
  );
});
