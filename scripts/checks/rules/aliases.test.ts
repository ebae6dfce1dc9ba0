import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliases } from './aliases.ts';
import { editJson, findingsAfter } from '../test-kit.ts';
import type { Entity } from '../../../types/index.ts';

test('aliases: the valid fixture passes', () => {
  assert.deepEqual(findingsAfter([aliases]), []);
});

test('aliases: descriptions, demonyms and repeats fail; names pass', () => {
  const findings = findingsAfter([aliases], (data) => {
    editJson(
      data,
      'entities/kyiv-energy-forum.json',
      (e: Entity) => (e.aliases = ['the forum', 'Energy Forum', 'Energy Forum']),
    );
    editJson(data, 'entities/ukraine.json', (e: Entity) => (e.aliases = ['Ukrainian', 'Ukrainians']));
  });
  const summary = findings.map((f) => `${f.file} ${f.pointer} ${f.severity}`).sort();
  assert.deepEqual(summary, [
    'entities/kyiv-energy-forum.json /aliases/0 error',
    'entities/kyiv-energy-forum.json /aliases/2 warning',
    'entities/ukraine.json /aliases/0 error',
    'entities/ukraine.json /aliases/1 warning',
  ]);
  assert.match(findings.find((f) => f.pointer === '/aliases/0' && f.file.includes('forum'))!.hint, /nominal/);
});
