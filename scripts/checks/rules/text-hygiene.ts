import { pointerSegment } from '../../lib/json-source.ts';
import type { Issue, RecordRule } from '../rule.ts';

/** Characters no record may contain, with why (a reader cannot see them, or they reorder what is shown). */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/[\u0000-\u001f\u007f-\u009f]/, 'a control character'],
  [/[\u200b\u2060\ufeff\u180e]/, 'a zero-width character'],
  [/[\u202a-\u202e\u2066-\u2069]/, 'a bidirectional override or isolate'],
];
const ANY_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b\u2060\ufeff\u180e\u202a-\u202e\u2066-\u2069]/;
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

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export const textHygiene: RecordRule<'record'> = {
  name: 'text-hygiene',
  scope: 'record',
  description:
    'Strings are Unicode NFC, with no control, zero-width or bidi-override characters; body blocks are neither ' +
    'empty nor padded with white space.',
  check(context) {
    const issues: Issue[] = [];
    const visit = (value: unknown, pointer: string, key: string | number): void => {
      if (typeof value === 'string') {
        if (PLAIN.test(value)) return;
        const field = `"${key}"`;
        if (ANY_FORBIDDEN.test(value)) {
          for (const [pattern, what] of FORBIDDEN) {
            const m = pattern.exec(value);
            if (m) {
              issues.push({
                pointer,
                severity: 'error',
                message: `${field} contains ${what} (${codePoint(m[0])}) at character ${m.index + 1}`,
                hint: 'Delete the invisible character; retype the text around it if unsure.',
              });
            }
          }
        }
        const joiner = JOINERS.exec(value);
        if (joiner) {
          issues.push({
            pointer,
            severity: 'warning',
            message: `${field} contains a zero-width joiner (${codePoint(joiner[0])}) at character ${joiner.index + 1}`,
            hint: 'Keep it only if the script or emoji needs it; otherwise delete it.',
          });
        }
        if (value.normalize('NFC') !== value) {
          issues.push({
            pointer,
            severity: 'error',
            message: `${field} is not in Unicode NFC (a letter and its accent are stored apart)`,
            hint: 'Run `npm run fix`, which normalises text to NFC without changing what it says.',
          });
        }
        return;
      }
      if (value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${pointer}/${i}`, i));
      else for (const k in value) visit((value as Record<string, unknown>)[k], `${pointer}/${pointerSegment(k)}`, k);
    };
    visit(context.record, '', '');
    if (context.collection === 'articles') {
      context.record.body.forEach(({ text }, i) => {
        const report = (severity: Issue['severity'], what: string, hint: string) =>
          issues.push({ pointer: `/body/${i}/text`, severity, message: `block ${i + 1} ${what}`, hint });
        if (text.trim() === '')
          report('error', 'is empty', 'Remove the empty block; paragraphs are separate blocks, not blank lines.');
        else if (text.trim() !== text)
          report('error', 'starts or ends with white space', 'Trim the spaces at the start and end of the block.');
        else if (SPACE_RUN.test(text))
          report(
            'warning',
            'has a run of several spaces',
            'Keep it only if the publication has it; copy-paste often adds them.',
          );
      });
    }
    return issues;
  },
};
