/**
 * The build reuses the compiled npm runtime while what it is made from is unchanged (formats/runtime.ts): the same
 * files as a compile, and a new compile as soon as an input changes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedRuntime, RUNTIME_INPUTS, runtimeKey } from '../scripts/publish/formats/runtime.ts';
import { ROOT } from './helpers.ts';

test('the compiled runtime is reused while its inputs are unchanged, compiled again when one changes', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'runtime-cache-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const path of RUNTIME_INPUTS.filter((p) => !p.startsWith('node_modules/')))
    cpSync(join(ROOT, path), join(root, path), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));

  const key = runtimeKey(root);
  assert.equal(runtimeKey(root), key, 'the key is stable');
  const compiled = await cachedRuntime(root);
  assert.deepEqual(readdirSync(join(root, '.compiled', 'runtime')), [`${key}.json`]);
  assert.ok(compiled.some((f) => f.path === 'runtime/node.js'));
  assert.deepEqual(await cachedRuntime(root), compiled, 'the cached files are the compiled ones');

  for (const changed of ['runtime/node.ts', 'types/article.ts', 'scripts/publish/compile.ts']) {
    const before = runtimeKey(root);
    appendFileSync(join(root, changed), '\n// changed\n');
    assert.notEqual(runtimeKey(root), before, `${changed} is an input`);
  }
  assert.ok(
    !existsSync(join(root, '.compiled', 'runtime', `${runtimeKey(root)}.json`)),
    'nothing cached for new inputs',
  );
});
