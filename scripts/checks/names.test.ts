import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { registeredNamesIn, spellings, type Occurrence, type Phrase } from './names.ts';
import type { EntityFacts, Registry } from './registry.ts';

/**
 * registeredNamesIn's definition, written plainly: at every word start, every spelling of every registered phrase
 * that the text continues with and that does not end inside a word; occurrences inside longer ones left out.
 */
function reference(text: string, registry: Registry): Occurrence[] {
  const phrases: Phrase[] = [];
  const add = (p: Phrase) => {
    if (/^[\p{L}\p{N}]/u.test(p.text) && !phrases.some((q) => q.text === p.text && q.id === p.id)) phrases.push(p);
  };
  for (const [id, e] of registry.entities) {
    for (const s of spellings(e.name, e.kind)) add({ text: s, collection: 'entities', id, what: 'name' });
    for (const a of e.aliases)
      for (const s of spellings(a, e.kind)) add({ text: s, collection: 'entities', id, what: 'alias' });
    for (const d of e.demonyms) add({ text: d, collection: 'entities', id, what: 'demonym' });
  }
  for (const [id, o] of registry.outlets) add({ text: o.name, collection: 'outlets', id, what: 'name' });
  const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const found: Occurrence[] = [];
  for (const w of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    for (const p of phrases) {
      const firstWord = /^[\p{L}\p{N}]+/u.exec(p.text)![0];
      if (firstWord.toLowerCase() !== w[0].toLowerCase() || !text.startsWith(p.text, w.index)) continue;
      const end = w.index + p.text.length;
      if (word(p.text.at(-1)) && word(text[end])) continue;
      const same = found.find((o) => o.start === w.index && o.end === end);
      if (same) same.phrases.push(p);
      else found.push({ start: w.index, end, phrases: [p] });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: Occurrence[] = [];
  for (const o of found) {
    const last = outer.at(-1);
    if (!(last && o.start >= last.start && o.end <= last.end)) outer.push(o);
  }
  return outer;
}

// Few letters, so names and text meet often; punctuation, a non-ASCII letter and an astral letter for the edges.
const piece = fc.constantFrom(
  'a',
  'b',
  'A',
  'B',
  'é',
  'É',
  '𝒜',
  ' ',
  '.',
  '-',
  "'",
  '1',
  'ab',
  'Ab',
  'ba',
  'U.S.',
  '\u00A0',
);
const phrase = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
const entity = fc.record({
  kind: fc.constantFrom('person', 'commodity', 'country'),
  name: phrase,
  aliases: fc.array(phrase, { maxLength: 2 }),
  demonyms: fc.array(phrase, { maxLength: 1 }),
}) as fc.Arbitrary<EntityFacts>;

test('registeredNamesIn finds exactly what its plain definition finds, over random registries and texts', () => {
  fc.assert(
    fc.property(
      fc.array(entity, { maxLength: 6 }),
      fc.array(phrase, { maxLength: 2 }),
      fc.array(piece, { maxLength: 40 }),
      (entities, outlets, text) => {
        const registry: Registry = {
          entities: new Map(entities.map((e, i) => [`e${i}`, e])),
          outlets: new Map(outlets.map((name, i) => [`o${i}`, { name }])),
        };
        const joined = text.join('');
        assert.deepEqual(registeredNamesIn(joined, registry), reference(joined, registry));
      },
    ),
    { numRuns: 2000 },
  );
});

test(
  'registeredNamesIn: a longer name hides the shorter one inside it, and a name does not match ' + 'inside a word',
  () => {
    const registry: Registry = {
      entities: new Map<string, EntityFacts>([
        ['munich', { kind: 'city', name: 'Munich', aliases: [], demonyms: [] }],
        ['msc', { kind: 'event', name: 'Munich Security Conference', aliases: [], demonyms: [] }],
      ] as Array<[string, EntityFacts]>),
      outlets: new Map(),
    };
    const found = registeredNamesIn('At the Munich Security Conference, Municher and Munich.', registry);
    assert.deepEqual(
      found.map((o) => [o.start, o.end, o.phrases.map((p) => p.id)]),
      [
        [7, 33, ['msc']],
        [48, 54, ['munich']],
      ],
    );
  },
);
