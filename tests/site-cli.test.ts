/**
 * `npm run site` on a missing or stale build: a located message with the right hint (run `npm run build`), no stack
 * trace, a non-zero exit, and no site written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, sharedBuild } from './helpers.ts';

const site = (dist: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'site', 'main.ts'), '--dist', dist, ...args], {
    encoding: 'utf8',
  });

function assertRefused(run: ReturnType<typeof site>, what: RegExp, hint = /hint: run `npm run build`/i): void {
  assert.equal(run.status, 2, run.stdout + run.stderr);
  assert.match(run.stderr, what);
  assert.match(run.stderr, hint);
  assert.doesNotMatch(run.stderr, /undefined|NaN|\[object|^\s+at /m);
}

test('a missing build is refused with a hint to run npm run build', () => {
  const missing = join(tmpdir(), 'no-such-dist');
  assertRefused(site(missing), /no-such-dist\/ is not a build of this dataset/);
});

test('a stale or partial build is refused, naming what is missing, and writes no site', () => {
  const dist = join(mkdtempSync(join(tmpdir(), 'site-stale-')), 'dist');
  try {
    cpSync(sharedBuild(join(ROOT, 'data')), dist, { recursive: true });
    rmSync(join(dist, 'site'), { recursive: true, force: true });
    rmSync(join(dist, 'jsonl', 'articles.jsonl'));
    assertRefused(site(dist), /dist\/ is not a complete, current build: jsonl\/articles\.jsonl is missing/);
    assert.equal(existsSync(join(dist, 'site')), false, 'a partial site was left behind');
    writeFileSync(join(dist, 'index.json'), '{"version": "0.0.0-old"');
    assertRefused(site(dist), /index\.json is not JSON/);
  } finally {
    rmSync(join(dist, '..'), { recursive: true, force: true });
  }
});

test('--out never goes into data/ or over files the site did not write', () => {
  const dist = sharedBuild(join(ROOT, 'data'));
  assertRefused(site(dist, '--out', join(ROOT, 'data', 'site')), /refusing --out .*data/, /hint:/i);
  const foreign = mkdtempSync(join(tmpdir(), 'site-foreign-'));
  try {
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    assertRefused(site(dist, '--out', foreign), /did not write/, /hint: choose a new or empty folder/);
    assert.equal(existsSync(join(foreign, 'notes.txt')), true);
  } finally {
    rmSync(foreign, { recursive: true, force: true });
  }
});
