/**
 * Contract drift: every constraint a doc comment in types/ states is checked (scripts/checks/contracts.ts names the
 * rule, the schema, or human review), or it is removed from the comment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';
import { CONSTRAINT_PHRASES, CONTRACTS } from '../scripts/checks/contracts.ts';
import { RULES } from '../scripts/checks/rules/index.ts';

const TYPES = join(ROOT, 'types');

/** The sentences of every doc comment in a file, each with its line, joined across comment lines. */
function docSentences(source: string): Array<{ line: number; sentence: string }> {
  const out: Array<{ line: number; sentence: string }> = [];
  for (const m of source.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const startLine = source.slice(0, m.index).split('\n').length;
    const text = m[1]!
      .split('\n')
      .map((l) => l.replace(/^\s*\*\s?/, '').trim())
      .filter((l) => !l.startsWith('@'))
      .join(' ')
      .replace(/\s+/g, ' ');
    // Sentences end at a full stop, question or exclamation mark followed by a space and a capital or backtick.
    for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z`(“])/))
      if (sentence.trim()) out.push({ line: startLine, sentence: sentence.trim() });
  }
  return out;
}

const files = readdirSync(TYPES).filter((f) => f.endsWith('.ts'));
const sentences = files.flatMap((file) =>
  docSentences(readFileSync(join(TYPES, file), 'utf8')).map((s) => ({ file, ...s })),
);

test('every constraint stated in a doc comment in types/ is registered with what checks it', () => {
  const unregistered: string[] = [];
  for (const { file, line, sentence } of sentences) {
    if (!CONSTRAINT_PHRASES.test(sentence)) continue;
    const contract = CONTRACTS.find((c) => c.file === file && sentence.includes(c.says));
    if (!contract) unregistered.push(`types/${file} (comment at line ${line}): ${sentence}`);
  }
  assert.deepEqual(
    unregistered,
    [],
    'These doc comments state constraints that nothing is registered to check. Add a rule and register it in ' +
      'scripts/checks/contracts.ts, or reword the comment so it no longer promises what is not checked.',
  );
});

test('every registered contract names a real checker and a sentence that still exists', (t) => {
  const ruleNames = new Set(RULES.map((r) => r.name));
  for (const c of CONTRACTS) {
    const checker = c.checkedBy === 'schema' || c.checkedBy === 'review' || ruleNames.has(c.checkedBy);
    const stated = sentences.some((s) => s.file === c.file && s.sentence.includes(c.says));
    if (c.pending) {
      if (checker && stated)
        t.diagnostic(
          `scripts/checks/contracts.ts: “${c.says}” and ${c.checkedBy} are both here now: remove its \`pending\``,
        );
      else t.diagnostic(`pending (${c.pending}): types/${c.file} “${c.says}”, checked by ${c.checkedBy}`);
      continue;
    }
    assert.ok(checker, `${c.says}: "${c.checkedBy}" is not a registered rule`);
    assert.ok(
      stated,
      `scripts/checks/contracts.ts lists “${c.says}” in types/${c.file}, which no doc comment says any more: ` +
        `remove the entry`,
    );
  }
});

test('the drift test sees a constraint phrase it is not told about', () => {
  const found = docSentences('/** The owner, of kind `person`. Free text. */').filter((s) =>
    CONSTRAINT_PHRASES.test(s.sentence),
  );
  assert.deepEqual(
    found.map((s) => s.sentence),
    ['The owner, of kind `person`.'],
  );
});
