/**
 * `npm run publish-release`: the steps the release workflow runs on a tag. The plan is tested as data (tag
 * parsing, dist-tag, commands, notes); the command with --dry-run, with its refusals; and a real run against fake
 * `npm` and `gh` programs on PATH that log what they are asked to do, so nothing is published.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { TestContext } from 'node:test';
import { distTagFor, parseReleaseTag, publishPlan, releaseNotes, shellLine } from '../scripts/release/publish-plan.ts';
import { ROOT, runScript } from './helpers.ts';
import { TempRepo } from './release-repo.ts';

test('release tags: vX.Y.Z and vX.Y.Z-rc.N, nothing else', () => {
  assert.deepEqual(parseReleaseTag('v1.2.3'), { tag: 'v1.2.3', version: '1.2.3', candidate: null });
  assert.deepEqual(parseReleaseTag('v0.10.0-rc.2'), { tag: 'v0.10.0-rc.2', version: '0.10.0-rc.2', candidate: 2 });
  for (const wrong of [
    '1.2.3',
    'v1.2',
    'v01.2.3',
    'v1.2.3-beta.1',
    'v1.2.3-rc',
    'v1.2.3-rc.01',
    'v1.2.3+build',
    'v1.2.3 ',
    'release-1.2.3',
  ]) {
    assert.equal(parseReleaseTag(wrong), null, wrong);
  }
});

test('a release goes to the latest dist-tag, a release candidate to next', () => {
  assert.equal(distTagFor(parseReleaseTag('v1.2.3')!), 'latest');
  assert.equal(distTagFor(parseReleaseTag('v2.0.0-rc.1')!), 'next');
});

test('the plan: build, test, bundle and pack; publish the pack with provenance; GitHub release with the bundle', () => {
  const options = { packageName: 'annotated-news', bundleDir: 'release', notesFile: '/tmp/notes.md' };
  const plan = publishPlan(parseReleaseTag('v1.2.3')!, options);
  assert.deepEqual(
    plan.map((step) => step.phase),
    ['verify', 'verify', 'verify', 'verify', 'npm', 'github'],
  );
  const release = plan.map(shellLine);
  assert.deepEqual(release, [
    'npm run build',
    'npm test',
    'npm run bundle',
    'npm pack --pack-destination release',
    'npm publish release/annotated-news-1.2.3.tgz --provenance --access public --tag latest',
    "gh release create v1.2.3 --verify-tag --title 'annotated-news 1.2.3' --notes-file /tmp/notes.md " +
      'release/annotated-news-1.2.3.tar.gz release/annotated-news-1.2.3.tar.gz.sha256',
  ]);
  const candidate = publishPlan(parseReleaseTag('v2.0.0-rc.1')!, options);
  assert.equal(
    shellLine(candidate[4]!),
    'npm publish release/annotated-news-2.0.0-rc.1.tgz --provenance --access public --tag next',
  );
  assert.match(
    shellLine(candidate[5]!),
    / --prerelease release\/annotated-news-2\.0\.0-rc\.1\.tar\.gz release\/annotated-news-2\.0\.0-rc\.1\.tar\.gz\.sha256$/,
  );
  // A rerun does not publish a version twice, and replaces the assets of an existing release.
  assert.equal(shellLine(candidate[4]!.doneIf!), 'npm view annotated-news@2.0.0-rc.1 version');
  assert.equal(
    shellLine(candidate[5]!.instead!),
    'gh release upload v2.0.0-rc.1 release/annotated-news-2.0.0-rc.1.tar.gz ' +
      'release/annotated-news-2.0.0-rc.1.tar.gz.sha256 --clobber',
  );
});

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- Something new.

## [1.2.3] - 2026-12-01

A minor release.

### Added

- An article.

## [1.2.2] - 2026-11-01

- Older.
`;

test('release notes: the version’s changelog section; for a candidate, the unreleased notes', () => {
  assert.equal(releaseNotes(CHANGELOG, parseReleaseTag('v1.2.3')!), 'A minor release.\n\n### Added\n\n- An article.\n');
  assert.equal(
    releaseNotes(CHANGELOG, parseReleaseTag('v1.3.0-rc.1')!),
    'Release candidate 1 of the next release: published to npm under the `next` dist-tag.\n\n### Added\n\n- ' +
      'Something new.\n',
  );
  assert.equal(releaseNotes(CHANGELOG, parseReleaseTag('v9.0.0')!), 'See CHANGELOG.md for what changed in 9.0.0.\n');
});

/** A repository with package.json at `version` and the changelog above, committed and tagged `tag`. */
function repository(t: TestContext, version: string, tag?: string): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'publish-release-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const repo = new TempRepo(dir);
  repo.writeJson('package.json', { name: 'annotated-news', version });
  repo.write('CHANGELOG.md', CHANGELOG);
  repo.git('init', '--quiet', '--initial-branch=main');
  repo.commitAll(`Release ${version}`);
  if (tag) repo.git('tag', '--annotate', tag, '-m', tag);
  return repo;
}

test('--dry-run checks the tag and the version, prints every command, and runs nothing', (t) => {
  const repo = repository(t, '1.2.3');
  const result = runScript('publish-release.ts', ['--tag', 'v1.2.3', '--dry-run', '--root', repo.dir]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^v1\.2\.3: annotated-news@1\.2\.3, a release, npm dist-tag "latest"\.$/m);
  const commands = [...result.stdout.matchAll(/^ {5}\$ (.*)$/gm)].map((m) => m[1]);
  assert.equal(commands.length, 6);
  assert.equal(commands[4], 'npm publish release/annotated-news-1.2.3.tgz --provenance --access public --tag latest');
  assert.match(
    commands[5]!,
    /^gh release create v1\.2\.3 --verify-tag .* release\/annotated-news-1\.2\.3\.tar\.gz release\/annotated-news-1\.2\.3\.tar\.gz\.sha256$/,
  );
  assert.match(result.stdout, /Release notes:\n {2}A minor release\./);
  assert.match(result.stdout, /Dry run: nothing was run, published or uploaded\./);
  assert.equal(repo.git('status', '--porcelain'), '');
});

test('a tag that does not match package.json’s version is refused, saying what to do', (t) => {
  const repo = repository(t, '1.2.3');
  for (const tag of ['v1.2.4', 'v1.2.3-rc.1']) {
    const result = runScript('publish-release.ts', ['--tag', tag, '--dry-run', '--root', repo.dir]);
    assert.equal(result.code, 1, tag);
    assert.match(
      result.stderr,
      new RegExp(
        `^error: the tag ${tag.replace(/\./g, '\\.')} is for version .*, but package\\.json's version is ` +
          `"1\\.2\\.3": nothing was published\\.`,
      ),
    );
    assert.match(result.stderr, /npm pkg set version=/);
    assert.equal(result.stdout, '');
  }
});

test('usage errors: no tag, a tag that is not a release tag, a stray argument (exit 2, no stack trace)', (t) => {
  const repo = repository(t, '1.2.3');
  for (const args of [
    ['--dry-run'],
    ['--tag', '1.2.3', '--dry-run'],
    ['--tag', 'v1.2.3-beta.1'],
    ['--tag', 'v1.2.3', 'extra'],
    ['--nope'],
  ]) {
    const result = runScript('publish-release.ts', [...args, '--root', repo.dir]);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, /^error: /, args.join(' '));
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  }
});

/**
 * Fake `npm` and `gh` that append their arguments to a log. `npm view` and `gh release view` print what FAKE_DONE
 * says is already published; FAKE_FAIL makes the command with that argument string fail.
 */
function fakeTools(t: TestContext): { bin: string; log: string } {
  const bin = mkdtempSync(join(tmpdir(), 'publish-release-bin-'));
  t.after(() => rmSync(bin, { recursive: true, force: true }));
  const log = join(bin, 'calls.log');
  for (const name of ['npm', 'gh']) {
    writeFileSync(
      join(bin, name),
      `#!/bin/sh
echo "${name} $*" >> "${log}"
case "${name} $*" in
  "$FAKE_FAIL") exit 1 ;;
  "npm view "*|"gh release view "*) case " $FAKE_DONE " in *" ${name} "*) echo done ;; esac ;;
esac
exit 0
`,
    );
    chmodSync(join(bin, name), 0o755);
  }
  return { bin, log };
}

function publishWithFakes(
  t: TestContext,
  repo: TempRepo,
  env: Record<string, string>,
  args: string[] = [],
): { code: number; stdout: string; stderr: string; calls: string[] } {
  const { bin, log } = fakeTools(t);
  const result = runScript('publish-release.ts', ['--tag', 'v2.0.0-rc.1', '--root', repo.dir, ...args], ROOT, {
    PATH: `${bin}${delimiter}${process.env.PATH}`,
    FAKE_DONE: '',
    FAKE_FAIL: '',
    ...env,
  });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { ...result, calls };
}

test('a real run calls the steps in order, and a rerun skips what was done', (t) => {
  const repo = repository(t, '2.0.0-rc.1', 'v2.0.0-rc.1');
  const first = publishWithFakes(t, repo, {});
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(
    first.calls.map((c) => c.replace(/--notes-file \S+/, '--notes-file NOTES')),
    [
      'npm run build',
      'npm test',
      'npm run bundle',
      'npm pack --pack-destination release',
      'npm view annotated-news@2.0.0-rc.1 version',
      'npm publish release/annotated-news-2.0.0-rc.1.tgz --provenance --access public --tag next',
      'gh release view v2.0.0-rc.1 --json tagName',
      'gh release create v2.0.0-rc.1 --verify-tag --title annotated-news 2.0.0-rc.1 --notes-file NOTES ' +
        '--prerelease release/annotated-news-2.0.0-rc.1.tar.gz release/annotated-news-2.0.0-rc.1.tar.gz.sha256',
    ],
  );
  assert.match(first.stdout, /Published v2\.0\.0-rc\.1\./);

  const rerun = publishWithFakes(t, repo, { FAKE_DONE: 'npm gh' });
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.ok(!rerun.calls.some((c) => c.startsWith('npm publish')), 'a published version is not published again');
  assert.equal(
    rerun.calls.at(-1),
    'gh release upload v2.0.0-rc.1 release/annotated-news-2.0.0-rc.1.tar.gz ' +
      'release/annotated-news-2.0.0-rc.1.tar.gz.sha256 --clobber',
  );
  assert.match(rerun.stdout, /already done .* skipped/);
});

test('a failing step stops the run: failed tests publish nothing', (t) => {
  const repo = repository(t, '2.0.0-rc.1', 'v2.0.0-rc.1');
  const result = publishWithFakes(t, repo, { FAKE_FAIL: 'npm test' });
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /^error: step 2 \(test\) failed: `npm test` exited with 1\. The steps after it did not run\./m,
  );
  assert.deepEqual(result.calls, ['npm run build', 'npm test']);
});

test('a real run refuses a checkout that is not the tagged commit', (t) => {
  const repo = repository(t, '2.0.0-rc.1', 'v2.0.0-rc.1');
  repo.commitAll('A later commit');
  const later = publishWithFakes(t, repo, {});
  assert.equal(later.code, 1);
  assert.match(later.stderr, /HEAD is not the commit tagged v2\.0\.0-rc\.1/);
  assert.deepEqual(later.calls, []);
});

test('--phase runs only that phase: the npm job publishes the pack and builds nothing', (t) => {
  const repo = repository(t, '2.0.0-rc.1', 'v2.0.0-rc.1');
  const npm = publishWithFakes(t, repo, {}, ['--phase', 'npm']);
  assert.equal(npm.code, 0, npm.stderr);
  assert.deepEqual(npm.calls, [
    'npm view annotated-news@2.0.0-rc.1 version',
    'npm publish release/annotated-news-2.0.0-rc.1.tgz --provenance --access public --tag next',
  ]);
  const github = publishWithFakes(t, repo, {}, ['--phase', 'github']);
  assert.equal(github.code, 0, github.stderr);
  assert.ok(
    github.calls.every((call) => call.startsWith('gh ')),
    github.calls.join('\n'),
  );
  const wrong = publishWithFakes(t, repo, {}, ['--phase', 'deploy']);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /^error: --phase "deploy" is not a phase: use one of verify, npm, github\./);
  assert.deepEqual(wrong.calls, []);
});
