/** The strict reader: every bad-input class gets a clear problem with its position; the happy path parses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonSource, pointerLocator, lineColumn, MAX_DEPTH, MAX_FILE_BYTES } from '../scripts/lib/json-source.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
function problem(input: Uint8Array) {
  const parsed = parseJsonSource(input);
  assert.equal(parsed.ok, false, 'expected a problem');
  if (parsed.ok) throw new Error('unreachable');
  const p = parsed.problems[0]!;
  return { ...p, ...lineColumn(parsed.text, p.offset) };
}

test('a valid record parses to its object', () => {
  const parsed = parseJsonSource(bytes('{\n  "id": "a",\n  "list": [1, 2.5e3, true, null, "x\\"y"]\n}\n'));
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value, { id: 'a', list: [1, 2500, true, null, 'x"y'] });
});

test('invalid UTF-8 is an error at the bad byte, not a silent U+FFFD', () => {
  const p = problem(new Uint8Array([...bytes('{\n  "name": "caf'), 0xe9, ...bytes('"\n}')]));
  assert.equal(p.code, 'encoding');
  assert.deepEqual([p.line, p.column], [2, 15]);
  assert.equal(problem(new Uint8Array([0x7b, 0xed, 0xa0, 0x80, 0x7d])).code, 'encoding'); // an encoded surrogate
});

test('a byte-order mark is rejected (policy: reject; npm run fix strips it)', () => {
  const p = problem(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"id":"a"}')]));
  assert.equal(p.code, 'bom');
  assert.match(p.hint, /npm run fix/);
});

test('empty files and non-object roots are errors', () => {
  assert.equal(problem(bytes('')).code, 'empty');
  assert.equal(problem(bytes('  \n')).code, 'empty');
  assert.equal(problem(bytes('[1, 2]')).code, 'root');
  assert.equal(problem(bytes('"text"')).code, 'root');
  assert.equal(problem(bytes('null')).code, 'root');
});

test('syntax errors carry line and column', () => {
  const p = problem(bytes('{\n  "id": "a",\n  "x": [1, }\n}'));
  assert.equal(p.code, 'syntax');
  assert.deepEqual([p.line, p.column], [3, 12]);
  assert.equal(problem(bytes('{"id": "a",}')).code, 'syntax');
  assert.equal(problem(bytes('{"id": "a"} extra')).code, 'syntax');
  assert.equal(problem(bytes('{"id": "a\nb"}')).code, 'syntax');
  assert.equal(problem(bytes('{"id": "a\tb"}')).code, 'syntax'); // a raw tab: JSON.parse's own check
  assert.equal(problem(bytes('{"id": "a')).code, 'syntax');
});

test('duplicate keys are errors, naming the first occurrence', () => {
  const p = problem(bytes('{\n  "id": "a",\n  "id": "b"\n}'));
  assert.equal(p.code, 'duplicate-key');
  assert.equal(p.pointer, '/id');
  assert.deepEqual([p.line, p.column], [3, 3]);
  assert.match(p.message, /first at line 2/);
  assert.equal(problem(bytes('{"a": {"k": 1, "\\u006b": 2}}')).code, 'duplicate-key'); // escapes are decoded
});

test('keys ending in a backslash and escaped quotes before colons are not mistaken for duplicates', () => {
  const parsed = parseJsonSource(bytes('{"a\\\\": 1, "b": "x\\": y", "c": {"a\\\\": 2}}'));
  assert.ok(parsed.ok, JSON.stringify(parsed));
  assert.equal(problem(bytes('{"a\\\\": 1, "b": "x\\": y", "a\\\\": 3}')).code, 'duplicate-key');
});

test('__proto__ and constructor keys are errors, even when escaped', () => {
  assert.equal(problem(bytes('{"__proto__": {"x": 1}}')).code, 'forbidden-key');
  assert.equal(problem(bytes('{"a": [{"constructor": 1}]}')).pointer, '/a/0/constructor');
  assert.equal(problem(bytes('{"\\u005f_proto__": 1}')).code, 'forbidden-key');
});

test('deep nesting and very large files are refused without a stack overflow', () => {
  const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
  assert.equal(problem(bytes(`{"a": ${deep}}`)).code, 'depth');
  const nested = (levels: number) => bytes(`{"a": ${'['.repeat(levels)}${']'.repeat(levels)}}`);
  assert.equal(problem(nested(MAX_DEPTH + 1)).code, 'depth');
  assert.ok(parseJsonSource(nested(MAX_DEPTH)).ok);
  assert.equal(problem(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20)).code, 'size');
});

test('pointerLocator maps JSON pointers to lines and columns, keys on request', () => {
  const text = '{\n  "a": {\n    "b/c": [10, "😀", 30]\n  }\n}';
  const locate = pointerLocator(text);
  assert.deepEqual(locate('/a'), { line: 2, column: 8 });
  assert.deepEqual(locate('/a/b~1c/2'), { line: 3, column: 22 });
  assert.deepEqual(locate('/a/b~1c', { key: true }), { line: 3, column: 5 });
  assert.deepEqual(locate('/a/missing/deeper'), { line: 2, column: 8 });
  assert.deepEqual(locate(''), { line: 1, column: 1 });
});
