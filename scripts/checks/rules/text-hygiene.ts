import type { RecordRule } from '../rule.ts';
import { error, issues, stringsIn, warning } from './kit.ts';

/** Characters no record may contain, with why (a reader cannot see them, or they reorder what is shown). */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/[\u0000-\u001f\u007f-\u009f]/, 'a control character'],
  [/[\u200b\u2060\ufeff\u180e]/, 'a zero-width character'],
  [/[\u202a-\u202e\u2066-\u2069]/, 'a bidirectional override or isolate'],
];
/** Zero-width joiners are legitimate in some scripts and emoji, so they are only a warning. */
const JOINERS = /[\u200c\u200d]/;
/**
 * Strings made only of these characters need no further test: printable ASCII, Latin-1 and Latin Extended letters
 * (below the combining marks at U+0300) and typographic punctuation (U+2010–U+2027, U+2030–U+205E) contain nothing
 * forbidden and are already NFC. Almost every string of an English article takes this fast path.
 */
const PLAIN = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e]*$/;

/** Two or more white-space characters in a row; a no-break space is deliberate typography, not padding. */
const SPACE_RUN = /[^\S\u00a0]{2,}/;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export const textHygiene: RecordRule<'record'> = {
  name: 'text-hygiene',
  scope: 'record',
  description:
    'Strings are Unicode NFC, with no control, zero-width or bidi-override characters; body blocks are neither ' +
    'empty nor padded with white space.',
  check: issues(function* (context) {
    for (const [value, pointer, key] of stringsIn(context.record)) {
      if (PLAIN.test(value)) continue;
      for (const [pattern, what] of FORBIDDEN) {
        const m = pattern.exec(value);
        if (m)
          yield error(pointer, {
            message: `"${key}" contains ${what} (${codePoint(m[0])}) at character ${m.index + 1}`,
            hint: 'Delete the invisible character; retype the text around it if unsure.',
          });
      }
      const joiner = JOINERS.exec(value);
      if (joiner)
        yield warning(pointer, {
          message: `"${key}" contains a zero-width joiner (${codePoint(joiner[0])}) at character ${joiner.index + 1}`,
          hint: 'Keep it only if the script or emoji needs it; otherwise delete it.',
        });
      if (value.normalize('NFC') !== value)
        yield error(pointer, {
          message: `"${key}" is not in Unicode NFC (a letter and its accent are stored apart)`,
          hint: 'Run `npm run fix`, which normalises text to NFC without changing what it says.',
        });
    }
    if (context.collection !== 'articles') return;
    for (const [i, { text }] of context.record.body.entries()) {
      const [at, block] = [`/body/${i}/text`, `block ${i + 1}`];
      if (text.trim() === '')
        yield error(at, {
          message: `${block} is empty`,
          hint: 'Remove the empty block; paragraphs are separate blocks, not blank lines.',
        });
      else if (text.trim() !== text)
        yield error(at, {
          message: `${block} starts or ends with white space`,
          hint: 'Trim the spaces at the start and end of the block.',
        });
      else if (SPACE_RUN.test(text))
        yield warning(at, {
          message: `${block} has a run of several spaces`,
          hint: 'Keep it only if the publication has it; copy-paste often adds them.',
        });
    }
  }),
};
