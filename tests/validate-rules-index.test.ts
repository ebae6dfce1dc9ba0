/** Every rule module is registered, named, described and tested beside itself. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ruleTable } from '../scripts/checks/rules/index.ts';
import { ROOT } from './helpers.ts';

const DIR = join(ROOT, 'scripts', 'checks', 'rules');

test('each rules/<name>.ts but kit.ts is in RULES under that name, described, with a <name>.test.ts beside it', () => {
  const files = readdirSync(DIR);
  const modules = files
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'kit.ts')
    .map((f) => f.slice(0, -3));
  assert.deepEqual(RULES.map((r) => r.name).sort(), modules.sort());
  for (const rule of RULES) {
    assert.match(rule.name, /^[a-z]+(?:-[a-z]+)*$/);
    assert.ok(rule.description.length > 20, rule.name);
    assert.ok(files.includes(`${rule.name}.test.ts`), `${rule.name}.test.ts is missing`);
  }
});

test('docs/validation.md holds the rule table as the code gives it (regenerate it from ruleTable())', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'validation.md'), 'utf8');
  assert.ok(doc.includes(ruleTable()), 'the rule table in docs/validation.md is stale: paste ruleTable() into it');
  for (const rule of RULES)
    assert.ok(['article', 'entity', 'outlet', 'redirect', 'record', 'dataset'].includes(rule.scope));
});
