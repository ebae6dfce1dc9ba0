/** Versions and bump levels. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bumpVersion, formatVersion, latestReleaseTag, maxLevel, parseVersion } from '../scripts/release/report.ts';

test('parseVersion takes MAJOR.MINOR.PATCH only', () => {
  assert.deepEqual(parseVersion('1.20.3'), { major: 1, minor: 20, patch: 3 });
  for (const bad of ['1.2', '01.2.3', '1.2.3-beta.1', 'v1.2.3', '1.2.3+build', ''])
    assert.equal(parseVersion(bad), null, bad);
});

test('a bump resets the lower parts; 0.x is not special', () => {
  const v = parseVersion('0.4.2')!;
  assert.equal(formatVersion(bumpVersion(v, 'major')), '1.0.0');
  assert.equal(formatVersion(bumpVersion(v, 'minor')), '0.5.0');
  assert.equal(formatVersion(bumpVersion(v, 'patch')), '0.4.3');
  assert.equal(formatVersion(bumpVersion(v, 'none')), '0.4.2');
});

test('maxLevel picks the most severe', () => {
  assert.equal(maxLevel(), 'none');
  assert.equal(maxLevel('patch', 'major', 'minor'), 'major');
  assert.equal(maxLevel('patch', 'none'), 'patch');
});

test('latestReleaseTag: the highest vX.Y.Z by version, ignoring other tags', () => {
  assert.deepEqual(latestReleaseTag(['v1.9.0', 'v1.10.0', 'v2.0.0-rc.1', 'release-3', 'v1.2.3']), {
    tag: 'v1.10.0',
    version: { major: 1, minor: 10, patch: 0 },
  });
  assert.equal(latestReleaseTag(['nightly']), null);
});
