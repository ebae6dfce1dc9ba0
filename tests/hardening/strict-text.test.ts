/**
 * Strict text: lone surrogates (`\ud800` escapes, which JSON.parse accepts), noncharacters (escaped or raw) and
 * numbers beyond a double are located errors in every key and value of every record; the build refuses them. The
 * publisher's code-point offsets are proven against an independent oracle on random strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { scratchDataset, FIXTURE_ARTICLE, NOW } from '../../scripts/checks/test-kit.ts';
import { validateData } from '../../scripts/checks/run.ts';
import { codePointIndexer } from '../../scripts/publish/positions.ts';
import { codePointOffset } from '../../scripts/lib/text-quote.ts';
import { fuzzParameters } from './support.ts';

/** Replaces the first occurrence of `find` in a fixture file's text with `replace` (raw text, escapes kept). */
async function findingsAfterTextEdit(file: string, find: string, replace: string) {
  const { dir, dispose } = scratchDataset();
  try {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    assert.ok(text.includes(find), `${find} is not in ${file}`);
    writeFileSync(path, text.replace(find, replace));
    const { findings } = await validateData({ dataDir: dir, now: NOW });
    return findings.filter((f) => f.severity === 'error');
  } finally {
    dispose();
  }
}

test('a lone surrogate escape is a located error in a body block, its line and column at the escape', async () => {
  const original = readFileSync(join('tests/fixtures/validation/valid', FIXTURE_ARTICLE), 'utf8');
  const body = original.indexOf('"body"');
  const block = /"text": "([^"]{10})/.exec(original.slice(body))!;
  block.index += body;
  const errors = await findingsAfterTextEdit(
    FIXTURE_ARTICLE,
    original.slice(0, block.index + block[0].length),
    `${original.slice(0, block.index)}"text": "\\ud800${block[1]}`,
  );
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const [error] = errors;
  assert.equal(error!.rule, 'unicode');
  assert.match(error!.message, /lone surrogate/);
  assert.match(error!.pointer, /^\/body\/\d+\/text$/);
  const lines = original.slice(0, block.index).split('\n');
  assert.equal(error!.line, lines.length);
  assert.equal(error!.column, lines.at(-1)!.length + '"text": "'.length + 1);
  assert.match(error!.hint, /both halves|delete the escape/);
});

test(
  'lone surrogates and noncharacters are errors in every key and value; a valid pair and an escaped ' +
    'backslash are not',
  async () => {
    const cases: Array<[string, string, RegExp | null]> = [
      ['"name": "', '"name": "\\udc00', /lone surrogate/],
      ['"name": "', '"name": "\\uFFFE', /noncharacter U\+FFFE/],
      ['"name": "', '"name": "\uFDD0', /noncharacter U\+FDD0/],
      ['"name": "', '"name": "\u{10FFFF}', /noncharacter U\+10FFFF/],
      ['"name": "', '"name": "\\ud83f\\udfff', /noncharacter U\+1FFFF/],
      ['"id": ', '"x\\ud800": 1, "id": ', /lone surrogate/],
      ['"name": "', '"name": "\\ud83d\\ude00 ', null],
      ['"name": "', '"name": "\\\\ud800 ', null],
    ];
    for (const [find, replace, expected] of cases) {
      const errors = (await findingsAfterTextEdit('entities/ukraine.json', find, replace)).filter(
        (f) => f.rule === 'unicode',
      );
      if (expected === null) assert.deepEqual(errors, [], replace);
      else {
        assert.equal(errors.length, 1, `${replace}: ${JSON.stringify(errors)}`);
        assert.match(errors[0]!.message, expected);
        assert.ok(errors[0]!.line > 1 && errors[0]!.column > 1);
      }
    }
  },
);

test('a number too large for a double is a located error, not Infinity written back as null', async () => {
  const errors = await findingsAfterTextEdit('entities/ukraine.json', '"id": ', '"extra": 1e400, "id": ');
  const number = errors.find((f) => f.rule === 'number');
  assert.ok(number, JSON.stringify(errors));
  assert.equal(number.pointer, '/extra');
});

/** The oracle: code points counted by the string iterator, which the indexers do not use. */
const codePointsBefore = (text: string, index: number) => [...text.slice(0, index)].length;

/** Strings rich in what breaks offset arithmetic: astral characters, combining marks, CRLF, lone surrogates. */
const trickyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'a',
        'é',
        'e\u0301',
        '\r\n',
        '\n',
        ' ',
        '😀',
        '👩‍👩‍👧',
        '\u{1D11E}',
        '\ud800',
        '\udc00',
        '«',
        'ß',
        '\u0915\u094D\u0937',
      ),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

test('code-point offsets agree with an independent oracle on random strings', () => {
  fc.assert(
    fc.property(trickyText, (text) => {
      const toCodePoint = codePointIndexer(text);
      for (let i = 0; i <= text.length; i++) {
        // Offsets are only asked for at code point boundaries (a match never starts inside a pair).
        const unit = text.charCodeAt(i - 1);
        const next = text.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) continue;
        const expected = codePointsBefore(text, i);
        assert.equal(toCodePoint(i), expected, `index ${i} of ${JSON.stringify(text)}`);
        assert.equal(codePointOffset(text, i), expected, `codePointOffset at ${i} of ${JSON.stringify(text)}`);
      }
    }),
    fuzzParameters(300),
  );
});
