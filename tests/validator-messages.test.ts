/**
 * Messages a contributor can act on: a missing field's hint suggests a value the schema accepts (null only where
 * null is allowed), no hint stops mid-sentence, JSON syntax errors inside strings say what is wrong and how to
 * write it, and docs/model.md's lists of enumerated values are generated from the types.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstSentence, rootSchemaOf, schemaIssues, schemaValidators } from '../scripts/checks/schema.ts';
import { parseJsonSource, lineColumn } from '../scripts/lib/json-source.ts';
import { VALID_FIXTURE } from '../scripts/checks/test-kit.ts';
import { ROOT, runScript } from './helpers.ts';

const validators = schemaValidators(join(ROOT, 'schemas'));
const load = (file: string) => JSON.parse(readFileSync(join(VALID_FIXTURE, file), 'utf8')) as Record<string, unknown>;

/** The value a "missing field" hint tells the contributor to write, when it names one. */
function suggested(hint: string): { value: unknown } | null {
  if (/Write null when/.test(hint)) return { value: null };
  if (/Write \[\] when/.test(hint)) return { value: [] };
  if (/Write \{\} when/.test(hint)) return { value: {} };
  return null;
}

for (const [collection, file] of [
  ['entities', 'entities/olena-kovalenko.json'],
  ['articles', 'articles/ukraine-energy-grid-repairs.json'],
  ['outlets', 'outlets/daily-ledger.json'],
] as const) {
  test(`${collection}: every missing field's hint suggests a value that is accepted, never a null it rejects`, () => {
    const validate = validators[collection];
    const record = load(file);
    let followed = 0;
    for (const key of Object.keys(record)) {
      const { [key]: _removed, ...without } = record;
      assert.equal(validate(without), false);
      const issue = schemaIssues(validate.errors ?? [], rootSchemaOf(validate)).find(
        (i) => i.message === `missing required field "${key}"`,
      );
      assert.ok(issue, `no finding for the missing "${key}"`);
      assert.doesNotMatch(issue.hint, /null when the field allows it/);
      const fix = suggested(issue.hint);
      if (!fix) continue;
      followed++;
      const fixed = { ...without, [key]: fix.value };
      validate(fixed);
      const next = schemaIssues(validate.errors ?? [], rootSchemaOf(validate)).filter(
        (i) => i.pointer === `/${key}` || i.pointer.startsWith(`/${key}/`),
      );
      assert.deepEqual(next, [], `following the hint for "${key}" (${issue.hint}) caused: ${JSON.stringify(next)}`);
    }
    assert.ok(followed > 0);
  });
}

test('a list or object hint says [] or {}, and null is only offered where the schema allows it', () => {
  const validate = validators.entities;
  const { aliases: _a, identifiers: _i, ...entity } = load('entities/olena-kovalenko.json');
  validate(entity);
  const hints = Object.fromEntries(
    schemaIssues(validate.errors ?? [], rootSchemaOf(validate)).map((i) => [i.message, i.hint]),
  );
  assert.match(hints['missing required field "aliases"']!, /Write \[\] when there are none\.$/);
  assert.match(hints['missing required field "identifiers"']!, /Write \{\} when there are none\.$/);
  validate({ ...entity, aliases: null, identifiers: {} });
  const [nullList] = schemaIssues(validate.errors ?? [], rootSchemaOf(validate));
  assert.equal(nullList?.message, '"aliases" must be a list [ … ], not null');
  assert.match(nullList.hint, /Write \[\]/);
  // A list that must not be empty says so instead of suggesting [].
  const { body: _b, ...article } = load('articles/ukraine-energy-grid-repairs.json');
  validators.articles(article);
  const body = schemaIssues(validators.articles.errors ?? [], rootSchemaOf(validators.articles)).find((i) =>
    i.message.includes('"body"'),
  );
  assert.match(body!.hint, /at least 1 item/);
  assert.doesNotMatch(body!.hint, /\[\] when|null/);
});

test('no description is cut mid-sentence in a hint', () => {
  const descriptions: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'description' && typeof v === 'string') descriptions.push(v.replace(/\s+/g, ' ').trim());
        else visit(v);
      }
    }
  };
  for (const file of readdirSync(join(ROOT, 'schemas')))
    visit(JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')));
  assert.ok(descriptions.length > 50);
  for (const description of descriptions) {
    const sentence = firstSentence(description)!;
    assert.ok(description.startsWith(sentence), sentence);
    const rest = description.slice(sentence.length);
    // What follows is nothing, or a new sentence.
    assert.match(rest, /^(?:$| [A-Z`“(])/, `cut mid-sentence: ${JSON.stringify(sentence)} | ${JSON.stringify(rest)}`);
    for (const [open, close] of [
      ['(', ')'],
      ['“', '”'],
      ['[', ']'],
    ]) {
      assert.equal(
        sentence.split(open!).length,
        sentence.split(close!).length,
        `unbalanced ${open}${close} in ${JSON.stringify(sentence)}`,
      );
    }
  }
  assert.equal(
    firstSentence(
      'Further passages of the same quote, in order, when the reporter’s words interrupt it (“…,” she said. “…”). `selector` holds the first passage.',
    ),
    'Further passages of the same quote, in order, when the reporter’s words interrupt it (“…,” she said. “…”).',
  );
  assert.equal(firstSentence('Aid paid in U.S. dollars. More.'), 'Aid paid in U.S. dollars.');
});

/** The first problem of a JSON text, with its line and column. */
function syntax(text: string) {
  const parsed = parseJsonSource(new TextEncoder().encode(text));
  assert.equal(parsed.ok, false);
  if (parsed.ok) throw new Error('unreachable');
  const p = parsed.problems[0]!;
  return { ...p, ...lineColumn(parsed.text, p.offset) };
}

test('a straight double quote pasted into a string is named, located and explained', () => {
  const p = syntax('{\n  "text": "He said "no" and left."\n}\n');
  assert.equal(p.code, 'syntax');
  assert.match(p.message, /unescaped double quote inside a string/);
  assert.match(p.message, /no" and left/);
  assert.deepEqual([p.line, p.column], [2, 20]); // the quote that ended the string early
  assert.match(p.hint, /\\"/);
  // A missing comma between two strings is still a missing comma.
  assert.match(syntax('{"a": "x" "b": 1}').message, /expected `,` or `}`/);
});

test('a raw line break, a raw tab and bad escapes inside a string say what to write instead', () => {
  const lineBreak = syntax('{\n  "text": "first line\nsecond line"\n}');
  assert.match(lineBreak.message, /raw line break inside a string/);
  assert.deepEqual([lineBreak.line, lineBreak.column], [2, 22]);
  assert.match(lineBreak.hint, /one line/);
  assert.doesNotMatch(lineBreak.hint, /\\n/); // body text may not hold \n either: the hint must not cause that error
  assert.match(syntax('{"text": "a\tb"}').message, /raw tab/);
  const escape = syntax('{"text": "C:\\data"}');
  assert.match(escape.message, /`\\d` is not a valid escape/);
  assert.equal(escape.column, 13); // the backslash
  assert.match(escape.hint, /\\\\/);
  assert.match(syntax('{"text": "\\u12"}').message, /four hexadecimal digits/);
});

test('the docs/model.md table of enumerated values is generated from the types, and the check notices an edit', (t) => {
  const readme = readFileSync(join(ROOT, 'docs', 'model.md'), 'utf8');
  const kinds = (
    JSON.parse(readFileSync(join(ROOT, 'schemas', 'entity.schema.json'), 'utf8')) as {
      definitions: Record<string, { enum: string[] }>;
    }
  ).definitions.EntityKind!.enum;
  const row = readme.split('\n').find((line) => line.startsWith('| `EntityKind` |'));
  assert.ok(row, 'no EntityKind row in docs/model.md');
  for (const kind of kinds) assert.ok(row.includes(`\`${kind}\``), `docs/model.md misses the entity kind ${kind}`);

  const copy = mkdtempSync(join(tmpdir(), 'readme-enums-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  for (const entry of ['types', 'schemas', 'docs', 'package.json'])
    cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  writeFileSync(join(copy, 'docs', 'model.md'), readme.replace('`chemical-element`, ', ''));
  const stale = runScript('schemas.ts', ['--check', '--root', copy]);
  assert.equal(stale.code, 1);
  assert.match(stale.stderr, /stale: .*model\.md/);
  assert.equal(runScript('schemas.ts', ['--root', copy]).code, 0);
  assert.equal(readFileSync(join(copy, 'docs', 'model.md'), 'utf8'), readme);
});
