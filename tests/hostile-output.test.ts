/**
 * Issue 26.3: nothing from data reaches a terminal or a CI log as a command. Data holding GitHub workflow commands,
 * ANSI escapes and CR/LF goes through every output format of `validate` and through `build`; no line of their output
 * starts with `::` unless the tool wrote it (`--format github`, one line per finding), and no escape or CR is raw.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from './helpers.ts';
import { editJson, scratchDataset, FIXTURE_ARTICLE } from '../scripts/checks/test-kit.ts';
import { printable } from '../scripts/lib/printable.ts';
import type { JsonReport } from '../scripts/checks/report.ts';
import type { Article } from '../types/index.ts';

const HOSTILE =
  '\n::error file=README.md,line=1::Approved by the maintainers\r\n::stop-commands::x\n\x1b[2J\x1b]0;owned\x07';

function hostileDataset() {
  const scratch = scratchDataset();
  editJson(scratch.dir, FIXTURE_ARTICLE, (a: Article) => {
    a.annotations.mentions[0]!.selector.exact = `Kyiv${HOSTILE}`;
    a.annotations.mentions[1]!.entity = `x${HOSTILE}`;
    a.headline.text = `${HOSTILE}headline`;
  });
  writeFileSync(join(scratch.dir, 'entities', `stray${HOSTILE.replace(/\//g, '')}.json`), '{}');
  return scratch;
}

/** The lines of an output that start a workflow command, or hold a raw escape, CR or other control character. */
function forged(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('::') || /[\x00-\x09\x0b-\x1f\x7f]/.test(line));
}

test('validate and build print no workflow command, escape or CR from data, in every format', () => {
  const scratch = hostileDataset();
  const out = mkdtempSync(join(tmpdir(), 'annotated-news-hostile-'));
  try {
    for (const format of ['human', 'json']) {
      const { code, stdout, stderr } = runScript('validate.ts', ['--data', scratch.dir, '--format', format]);
      assert.equal(code, 1, stderr);
      assert.deepEqual(forged(stdout + stderr), [], format);
    }
    const json = runScript('validate.ts', ['--data', scratch.dir, '--format', 'json']);
    const findings = (JSON.parse(json.stdout) as JsonReport).findings.length;
    const github = runScript('validate.ts', ['--data', scratch.dir, '--format', 'github']);
    const commands = github.stdout.split('\n').filter((line) => line.startsWith('::'));
    assert.equal(commands.length, findings, github.stdout);
    for (const line of commands) assert.match(line, /^::(error|warning) file=[^:\n]*::[^\r\x1b]*$/);
    assert.deepEqual(forged(github.stderr), []);
    const build = runScript('build.ts', ['--data', scratch.dir, '--out', join(out, 'dist')]);
    assert.equal(build.code, 1, build.stderr);
    assert.match(build.stderr, /Approved by the maintainers/);
    assert.deepEqual(forged(build.stdout + build.stderr), []);
  } finally {
    scratch.dispose();
    rmSync(out, { recursive: true, force: true });
  }
});

test('printable escapes control characters, line breaks and bidi controls as JSON does', () => {
  assert.equal(printable('a\nb\r\tc\x1b[0m\u2028\u202e'), 'a\\nb\\r\\tc\\u001b[0m\\u2028\\u202e');
  assert.equal(printable('“Київ” — ok'), '“Київ” — ok');
});
