/**
 * Reading a JSON record strictly: what `readFileSync(f, 'utf8')` and `JSON.parse` silently let through is reported
 * here instead. Strict UTF-8 (invalid bytes are an error, not U+FFFD), a byte-order mark is an error (RFC 8259
 * forbids it and `JSON.parse` rejects it), duplicate keys and `__proto__`/`constructor` keys are errors, ill-formed
 * Unicode in any key or value (lone surrogates written as `\uD800` escapes, noncharacters) and numbers beyond a
 * double are errors, and depth and size are bounded. Positions are 1-based lines and columns (columns count Unicode
 * code points).
 *
 * The happy path stays cheap: one structural scan that jumps over string contents with `indexOf`, then the native
 * `JSON.parse`. The JSON-pointer → position map is only built when a file has something to report.
 */

/** Files above this size are not read at all: a news article is a few tens of kilobytes. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Deeper nesting than this is no record of ours (an article is about 6 levels deep) and could exhaust the stack. */
export const MAX_DEPTH = 64;
/** Keys that would rewrite an object's prototype when a consumer copies the record with plain assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface SourceProblem {
  /**
   * A short code: `encoding`, `bom`, `empty`, `syntax`, `duplicate-key`, `forbidden-key`, `depth`, `size`, `root`,
   * `unicode` (lone surrogates, noncharacters), `number` (too large for a double).
   */
  code: string;
  message: string;
  hint: string;
  /** UTF-16 offset in the decoded text (0 when about the whole file). */
  offset: number;
  /** JSON pointer of the offending member, when known. */
  pointer: string;
}

export type ParsedSource =
  { ok: true; text: string; value: Record<string, unknown> } | { ok: false; text: string; problems: SourceProblem[] };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as strict UTF-8; on failure, finds the offset of the first invalid sequence. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { byteOffset: number } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { byteOffset: firstInvalidUtf8(bytes) };
  }
}

/**
 * The byte offset of the first invalid UTF-8 sequence (only looked for when decoding failed): where a lenient decoding
 * has its first U+FFFD that the bytes do not spell (EF BF BD) themselves.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  for (let at = lenient.indexOf('\uFFFD'); at !== -1; at = lenient.indexOf('\uFFFD', at + 1)) {
    const offset = Buffer.byteLength(lenient.slice(0, at));
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
  }
  return bytes.length;
}

/**
 * Parses one record's bytes. Never throws for bad input: every problem comes back with an offset. `lists` accepts a
 * list at the root too (an import file: Label Studio exports a list of tasks), with the same checks.
 */
export function parseJsonSource(bytes: Uint8Array, { lists = false } = {}): ParsedSource {
  if (bytes.length > MAX_FILE_BYTES) {
    return fail(
      '',
      'size',
      `the file is ${bytes.length} bytes, more than the limit of ${MAX_FILE_BYTES}`,
      'A record this large is almost certainly not an article; split it or remove what does not belong.',
    );
  }
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(0, decoded.byteOffset));
    return fail(
      text,
      'encoding',
      `invalid UTF-8 byte sequence at byte ${decoded.byteOffset}`,
      'Save the file as UTF-8 (without BOM); the bytes here are probably Latin-1 or Windows-1252.',
      text.length,
    );
  }
  const text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) return fail(text, 'bom', ...WHOLE_FILE.bom);
  if (text.trim() === '') return fail(text, 'empty', ...WHOLE_FILE.empty);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The structural scan names the problem better (and finds duplicate keys before the syntax error).
    const problems = scanStructure(text);
    if (problems.length > 0) return { ok: false, text, problems };
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : 0;
    const inString = stringProblem(text, message, offset);
    if (inString) return fail(text, 'syntax', inString.message, inString.hint, inString.offset);
    return fail(
      text,
      'syntax',
      `invalid JSON: ${message.replace(/\s*in JSON at position \d+.*$/, '')}`,
      'Check quotes, commas and brackets near this position.',
      offset,
    );
  }
  if (value === null || typeof value !== 'object' || (Array.isArray(value) && !lists)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return fail(
      text,
      'root',
      `the file holds ${kind}, not a JSON object`,
      'Each file holds exactly one record: a JSON object `{ … }`.',
      skipWhitespace(text, 0),
    );
  }
  // Fast proof that the text has no duplicate key: every key token in the text survives in the parsed value. Only
  // when the counts differ, or a key is forbidden, or nesting is too deep, does the full structural scan run.
  const shape = countKeys(value, 0);
  if (shape.suspicious || keyTokens(text) !== shape.keys) {
    const problems = scanStructure(text);
    if (problems.length > 0) return { ok: false, text, problems };
  }
  // Strict text: JSON.parse turns a `\ud800` escape into a lone surrogate and keeps noncharacters and numbers too
  // large for a double (as Infinity, which JSON.stringify writes as null). Only text that could hold one is scanned.
  if (shape.nonFinite || text.includes('\\u') || RAW_NONCHARACTER.test(text)) {
    const problems = strictTextProblems(text);
    if (problems.length > 0) return { ok: false, text, problems };
  }
  return { ok: true, text, value: value as Record<string, unknown> };
}

/**
 * The number of key tokens in the text: colons preceded (after optional white space) by a double quote that is not
 * escaped (preceded by an even number of backslashes). Inside a string every double quote is escaped, and a string
 * value followed by a colon is a syntax error, so in text that JSON.parse accepted this counts exactly the keys as
 * written. A loop over `indexOf(':')` rather than a regular expression: it runs over every byte of every record.
 */
function keyTokens(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let quote = colon - 1;
    let c = text.charCodeAt(quote);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(--quote);
    if (c !== 0x22) continue;
    let backslashes = 0;
    for (let k = quote - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

/**
 * The number of keys in a parsed value, whether it holds a forbidden key or nests too deeply, and whether it holds a
 * number too large for a double (parsed as ±Infinity).
 */
function countKeys(value: object, depth: number): { keys: number; suspicious: boolean; nonFinite: boolean } {
  const count = { keys: 0, suspicious: depth > MAX_DEPTH, nonFinite: false };
  if (count.suspicious) return count;
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value);
  if (!Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.some((key) => FORBIDDEN_KEYS.has(key))) return { ...count, suspicious: true };
    count.keys = keys.length;
  }
  for (const item of items) {
    if (typeof item === 'number') count.nonFinite ||= !Number.isFinite(item);
    else if (item !== null && typeof item === 'object') {
      const inner = countKeys(item, depth + 1);
      if (inner.suspicious) return inner;
      count.keys += inner.keys;
      count.nonFinite ||= inner.nonFinite;
    }
  }
  return count;
}

/**
 * Noncharacters as they appear unescaped: U+FDD0–U+FDEF, U+FFFE, U+FFFF, and the last two code points of planes 1–16
 * as their surrogate pairs (a high surrogate ending in 3F, then DFFE or DFFF). Matched by UTF-16 units rather than
 * with the `u` flag, which made this test, run over every record, three times slower; the text is well-formed (strict
 * UTF-8), so a pair is never split.
 */
const HIGH_3F = Array.from({ length: 16 }, (_, k) => `\\u${(0xd83f + k * 0x40).toString(16)}`).join('');
const RAW_NONCHARACTER = new RegExp(`[\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]|[${HIGH_3F}][\\uDFFE\\uDFFF]`);
const RAW_NONCHARACTER_ALL = new RegExp(RAW_NONCHARACTER.source, 'g');
const isNoncharacter = (cp: number) => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Ill-formed text and out-of-range numbers, each located at its escape or character: lone surrogates (only possible
 * as `\uXXXX` escapes, since the bytes are strict UTF-8), noncharacters (escaped or raw), and numbers that overflow
 * a double. Keys are strings too and are checked alike. Only run on text that may hold one (see parseJsonSource).
 */
function strictTextProblems(text: string): SourceProblem[] {
  // Where each value (and its key) starts, in text order, to name the pointer of an offset.
  const { values: starts, error } = scan(text);
  if (error) return []; // structural problems are reported by scanStructure
  const pointerAt = (offset: number): string => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const first = starts[mid]!.keyOffset >= 0 ? starts[mid]!.keyOffset : starts[mid]!.valueOffset;
      if (first <= offset) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo]?.pointer ?? '';
  };
  const problems: SourceProblem[] = [];
  const unitAt = (at: number) =>
    text.charCodeAt(at) === 0x5c && text.charCodeAt(at + 1) === 0x75
      ? Number.parseInt(text.slice(at + 2, at + 6), 16)
      : -1;
  for (let at = text.indexOf('\\u'); at !== -1; at = text.indexOf('\\u', at + 1)) {
    let backslashes = 0;
    for (let k = at - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 1) continue; // `\\u…` is a backslash followed by the letter u
    const unit = unitAt(at);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = unitAt(at + 6);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        if (isNoncharacter(cp)) problems.push(noncharacter(cp, text.slice(at, at + 12), at, pointerAt(at)));
        at += 6;
        continue;
      }
    }
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const half =
        unit <= 0xdbff
          ? 'a high surrogate without the low one after it'
          : 'a low surrogate without the high one before it';
      problems.push({
        code: 'unicode',
        message:
          `ill-formed Unicode: the escape ${text.slice(at, at + 6)} is a lone surrogate (${half}), not a ` +
          `character`,
        hint:
          'A lone surrogate cannot be written as UTF-8: it would become U+FFFD and shift every offset after ' +
          'it. Write the character itself, or both halves of its pair (e.g. \\ud83d\\ude00), or delete the escape.',
        offset: at,
        pointer: pointerAt(at),
      });
    } else if (unit >= 0 && isNoncharacter(unit))
      problems.push(noncharacter(unit, text.slice(at, at + 6), at, pointerAt(at)));
  }
  for (const m of text.matchAll(RAW_NONCHARACTER_ALL))
    problems.push(noncharacter(m[0].codePointAt(0)!, null, m.index, pointerAt(m.index)));
  for (const { pointer, valueOffset } of starts) {
    const c = text.charCodeAt(valueOffset);
    if (c !== 0x2d && (c < 0x30 || c > 0x39)) continue;
    LITERAL.lastIndex = valueOffset;
    const token = LITERAL.exec(text)?.[0] ?? '';
    if (Number.isFinite(Number(token))) continue;
    problems.push({
      code: 'number',
      message:
        `the number ${token.length > 40 ? `${token.slice(0, 40)}…` : token} is too large to represent ` +
        `(it would be read as ${token.startsWith('-') ? '-' : ''}Infinity and written back as null)`,
      hint:
        'Numbers must fit a double (up to about 1.8e308); check for a typo in the exponent or digits, or ' +
        'store the value as text.',
      offset: valueOffset,
      pointer,
    });
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

function noncharacter(cp: number, written: string | null, offset: number, pointer: string): SourceProblem {
  return {
    code: 'unicode',
    message:
      `ill-formed Unicode: ${written === null ? '' : `the escape ${written} is `}the noncharacter ` +
      `${hex(cp)}, which text may not contain`,
    hint:
      'Noncharacters are reserved for internal use and never part of published text; delete it (it is ' +
      'usually debris from a conversion).',
    offset,
    pointer,
  };
}

/** What a problem with the whole file says, and its hint. */
const WHOLE_FILE = {
  bom: [
    'the file starts with a byte-order mark (BOM)',
    'Save the file as UTF-8 without BOM, or run `npm run fix`, which strips it.',
  ],
  empty: ['the file is empty', 'A record is a JSON object; start from `npm run new -- <id>` or delete the file.'],
} as const;

function fail(text: string, code: string, message: string, hint: string, offset = 0, pointer = ''): ParsedSource {
  return { ok: false, text, problems: [{ code, message, hint, offset, pointer }] };
}

function skipWhitespace(text: string, at: number): number {
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    at++;
  }
  return at;
}

/** Escapes a key for a JSON pointer (RFC 6901). */
export function pointerSegment(key: string): string {
  if (!key.includes('~') && !key.includes('/')) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A JSON literal or number, matched in place (sticky). */
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** How to write a double quote inside a JSON string; shown when one ended a string early. */
const QUOTE_HINT =
  'Inside a JSON string, write a straight double quote as \\" (for example "He said \\"no\\"."). Copy the ' +
  "article's own quotation marks: typographic “ and ” need no escaping.";

/**
 * Diagnoses a JSON.parse error that lies inside a string: a raw line break or control character, or a bad escape.
 * `offset` is the position JSON.parse reported. Returns null when the error is of another kind.
 */
function stringProblem(
  text: string,
  message: string,
  offset: number,
): { message: string; hint: string; offset: number } | null {
  if (/Bad control character/i.test(message)) {
    const c = text.charCodeAt(offset);
    if (c === 0x0a || c === 0x0d) {
      return {
        message: 'invalid JSON: a raw line break inside a string',
        hint:
          'A JSON string must stay on one line. Join the two lines with a space; or, if a new paragraph ' +
          'starts here, close this block\'s text and start another block: { "type": "paragraph", "text": "…" }.',
        offset,
      };
    }
    if (c === 0x09)
      return {
        message: 'invalid JSON: a raw tab inside a string',
        hint: 'Replace the tab with a space (record text holds no tabs).',
        offset,
      };
    return {
      message: `invalid JSON: an invisible control character (${hex(c)}) inside a string`,
      hint:
        'Delete it: control characters have no place in record text (they usually come from copying out of ' +
        'a PDF or a word processor).',
      offset,
    };
  }
  if (/Bad escaped character/i.test(message)) {
    const backslash = text.lastIndexOf('\\', offset);
    const escape = text.slice(backslash, backslash + 2);
    return {
      message: `invalid JSON: \`${escape}\` is not a valid escape in a string`,
      hint:
        'Inside a JSON string a backslash starts an escape: write a backslash itself as \\\\ and a double ' +
        'quote as \\". The escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits.',
      offset: backslash,
    };
  }
  if (/Bad Unicode escape/i.test(message)) {
    const backslash = text.lastIndexOf('\\u', offset);
    return {
      message: 'invalid JSON: \\u in a string must be followed by four hexadecimal digits',
      hint:
        'Write the character itself (files are UTF-8), or complete the escape, as in \\u2019 for ’. A ' +
        'backslash itself is written \\\\.',
      offset: backslash === -1 ? offset : backslash,
    };
  }
  return null;
}

/**
 * Walks the JSON text without building values: every value in text order (its pointer, and where its key, -1 for
 * array items and the root, and it start), every object's keys with their offsets, and the first structural error
 * (what comes after it is not walked). String contents are jumped over with indexOf;
 * only keys are decoded. Checks inside string values (control characters, escapes) are left to JSON.parse.
 */
function scan(text: string) {
  const values: Array<{ pointer: string; keyOffset: number; valueOffset: number }> = [];
  const objects: Array<{ pointer: string; keys: Array<[string, number]> }> = [];
  let at = 0;
  /** Index of the closing quote of the last string read; a `"` there may have been meant inside the string. */
  let lastClose = -1;
  /** The error for an unexpected character at `at`: an unescaped `"` when it follows a string's closing quote. */
  const unexpected = (expected: string): ScanError => {
    const c = text[at];
    if (lastClose >= 0 && c !== undefined && !',:}]"'.includes(c) && skipWhitespace(text, lastClose + 1) === at) {
      const after = text.slice(lastClose, lastClose + 24).split('\n')[0]!;
      return new ScanError(
        lastClose,
        `unescaped double quote inside a string: this " ends the string, so the text after it ` +
          `(\`${after.slice(1)}…\`) is not JSON`,
        QUOTE_HINT,
      );
    }
    return new ScanError(at, expected);
  };
  const value = (pointer: string, depth: number, keyOffset: number): void => {
    at = skipWhitespace(text, at);
    if (depth > MAX_DEPTH) throw new ScanError(at, `nesting deeper than ${MAX_DEPTH} levels`);
    values.push({ pointer, keyOffset, valueOffset: at });
    const c = text.charCodeAt(at);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const object = c === 0x7b;
      const close = object ? 0x7d : 0x5d;
      const after = object
        ? 'expected `,` or `}` after the property value'
        : 'expected `,` or `]` after the array item';
      const keys: Array<[string, number]> = [];
      at = skipWhitespace(text, at + 1);
      const empty = text.charCodeAt(at) === close;
      for (let index = 0; !empty; index++) {
        let key: string | null = null;
        const keyOffset = object ? skipWhitespace(text, at) : -1;
        if (object) {
          at = keyOffset;
          if (text.charCodeAt(at) !== 0x22) throw new ScanError(at, 'expected a property name in double quotes');
          key = string(true);
          keys.push([key, keyOffset]);
          at = skipWhitespace(text, at);
          if (text.charCodeAt(at) !== 0x3a) throw unexpected('expected `:` after the property name');
          at++;
        }
        value(`${pointer}/${key === null ? index : pointerSegment(key)}`, depth + 1, keyOffset);
        at = skipWhitespace(text, at);
        const next = text.charCodeAt(at);
        if (next === close) break;
        if (next !== 0x2c) throw unexpected(after);
        at++;
      }
      at++;
      if (object) objects.push({ pointer, keys });
    } else if (c === 0x22) {
      string(false);
    } else {
      LITERAL.lastIndex = at;
      const match = LITERAL.exec(text);
      if (!match) {
        if (at >= text.length) throw new ScanError(at, 'unexpected end of file');
        throw new ScanError(at, `unexpected character ${JSON.stringify(text[at])}`);
      }
      at += match[0].length;
    }
  };
  /** Reads a string starting at `at` (a double quote); returns its decoded text when `decode`, else ''. */
  const string = (decode: boolean): string => {
    const start = at;
    let end = at + 1;
    for (;;) {
      end = text.indexOf('"', end);
      if (end === -1) throw new ScanError(start, 'unterminated string');
      let backslashes = 0;
      for (let k = end - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
      if (backslashes % 2 === 0) break;
      end++;
    }
    at = end + 1;
    lastClose = end;
    if (!decode) return '';
    const raw = text.slice(start + 1, end);
    if (!raw.includes('\\')) return raw;
    try {
      return JSON.parse(text.slice(start, end + 1)) as string;
    } catch {
      throw new ScanError(start, 'invalid escape sequence in string');
    }
  };
  try {
    value('', 0, -1);
    at = skipWhitespace(text, at);
    if (at < text.length) throw new ScanError(at, 'unexpected content after the end of the JSON value');
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return { values, objects, error };
  }
  return { values, objects, error: null as ScanError | null };
}

/** Syntax errors, duplicate keys, forbidden keys and excessive depth, each with its offset. */
function scanStructure(text: string): SourceProblem[] {
  const { objects, error } = scan(text);
  const problems: SourceProblem[] = [];
  for (const { pointer: parent, keys } of objects)
    keys.forEach(([key, offset], i) => {
      const pointer = `${parent}/${pointerSegment(key)}`;
      if (FORBIDDEN_KEYS.has(key))
        problems.push({
          code: 'forbidden-key',
          message: `the key "${key}" is not allowed`,
          hint: `"${key}" can change a consumer's object prototype; no record field has this name, so remove it.`,
          offset,
          pointer,
        });
      // Records have a handful of keys per object, so a linear look-back beats allocating a Set.
      const first = keys.findIndex(([other]) => other === key);
      if (first < i)
        problems.push({
          code: 'duplicate-key',
          message:
            `duplicate key "${key}" (first at line ${lineColumn(text, keys[first]![1]).line}); ` +
            'JSON.parse would silently keep only the last value',
          hint: 'Keep one of the two values and delete the other.',
          offset,
          pointer,
        });
    });
  if (error) {
    const depth = error.message.startsWith('nesting');
    problems.push({
      code: depth ? 'depth' : 'syntax',
      message: depth ? error.message : `invalid JSON: ${error.message}`,
      hint: depth
        ? 'No record is nested this deeply; look for a runaway structure.'
        : (error.hint ?? 'Check quotes, commas and brackets near this position.'),
      offset: error.offset,
      pointer: '',
    });
  }
  return problems;
}

export interface Position {
  line: number;
  column: number;
}

/** 1-based line and column (in code points) of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  let column = 1;
  for (let i = lineStart; i < offset && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) i++;
    column++;
  }
  return { line, column };
}

/**
 * Maps JSON pointers to source positions. `locate(pointer)` gives the value's position, or its key's with
 * `{ key: true }` (for “unknown field” findings); a pointer that does not exist falls back to its nearest ancestor.
 */
export function pointerLocator(text: string): (pointer: string, options?: { key?: boolean }) => Position {
  // A file with a syntax error maps what comes before it.
  const offsets = new Map(scan(text).values.map((v) => [v.pointer, v]));
  return (pointer, options = {}) => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const found = offsets.get(p);
      if (found) return lineColumn(text, options.key && found.keyOffset >= 0 ? found.keyOffset : found.valueOffset);
      if (p === '') return { line: 1, column: 1 };
    }
  };
}
