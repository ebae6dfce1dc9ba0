/** `npm run fix`, the canonical-form writer (`npm run new` is tested in new-scaffold.test.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript } from './helpers.ts';
import { scratchDataset } from '../scripts/checks/test-kit.ts';
import type { Outlet } from '../types/index.ts';

const OUTLET = 'outlets/daily-ledger.json';

test('fix: rewrites into canonical form without changing content, and reports what it changed', (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  const canonical = readFileSync(join(dir, OUTLET), 'utf8');
  const value = JSON.parse(canonical) as Outlet;
  // Keys out of order, tab indentation, no final newline, a BOM, a decomposed accent.
  const messy = `\ufeff${JSON.stringify(
    { url: value.url, country: value.country, name: 'The Daily Le\u0301dger', id: value.id },
    null,
    '\t',
  )}`;
  writeFileSync(join(dir, OUTLET), messy);
  const check = runScript('fix.ts', ['--data', dir, '--check']);
  assert.equal(check.code, 1);
  assert.equal(readFileSync(join(dir, OUTLET), 'utf8'), messy, '--check writes nothing');
  const { code, stdout } = runScript('fix.ts', ['--data', dir]);
  assert.equal(code, 0, stdout);
  assert.match(
    stdout,
    /daily-ledger\.json: removed the byte-order mark, put keys in schema order, normalised text to NFC/,
  );
  assert.match(stdout, /^1 file fixed\.$/m);
  const fixed = readFileSync(join(dir, OUTLET), 'utf8');
  assert.equal(fixed, canonical.replace('The Daily Ledger', 'The Daily L\u00e9dger'));
  assert.deepEqual(
    readdirSync(join(dir, 'outlets')).filter((f) => f.includes('.tmp')),
    [],
    'no temporary file left',
  );
  assert.equal(runScript('fix.ts', ['--data', dir, '--check']).code, 0);
});

test('fix: a file it cannot read safely is left alone and reported (exit 1)', (t) => {
  const { dir, dispose } = scratchDataset();
  t.after(dispose);
  const broken = '{"id": "daily-ledger", "id": "other"}';
  writeFileSync(join(dir, OUTLET), broken);
  const { code, stderr } = runScript('fix.ts', ['--data', dir]);
  assert.equal(code, 1);
  assert.match(stderr, /daily-ledger\.json: not fixed: duplicate key "id"/);
  assert.equal(readFileSync(join(dir, OUTLET), 'utf8'), broken);
});
