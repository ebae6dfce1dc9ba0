/**
 * No command can destroy or pollute data: every dangerous target is refused (exit 2, one line, a hint, no stack
 * trace) and the data is byte-for-byte untouched; outputs get ordinary permissions and missing parents.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { ROOT, runScript } from '../helpers.ts';
import { UserError } from '../../scripts/lib/cli.ts';
import {
  checkRecordFolder,
  checkTarget,
  OUTPUT_MARKER,
  prepareOutputFolder,
  SOURCE_FOLDERS,
} from '../../scripts/lib/output-target.ts';
import { hashTree } from './support.ts';

const FIXTURE_DATA = join(ROOT, 'tests', 'fixtures', 'publish', 'data');
const work = mkdtempSync(join(tmpdir(), 'hardening-out-'));
after(() => rmSync(work, { recursive: true, force: true }));
const data = join(work, 'data');
cpSync(FIXTURE_DATA, data, { recursive: true });
const linkIntoData = join(work, 'link-to-data');
symlinkSync(join(ROOT, 'data'), linkIntoData);
const linkIntoOwnData = join(work, 'link-to-own-data');
symlinkSync(data, linkIntoOwnData);

/** Every kind of dangerous output folder, for a build whose --data is `data`. */
const DANGEROUS: Array<[string, string]> = [
  ['the repository data folder', join(ROOT, 'data')],
  ["the data folder's parent (the repository root)", dirname(join(ROOT, 'data'))],
  ['a folder inside the data folder', join(ROOT, 'data', 'dist')],
  ['a collection folder', join(ROOT, 'data', 'articles')],
  ['the filesystem root', '/'],
  ['a folder containing the repository', dirname(ROOT)],
  ...SOURCE_FOLDERS.map((name): [string, string] => [`the source folder ${name}/`, join(ROOT, name)]),
  ['a folder inside a source folder', join(ROOT, 'scripts', 'out')],
  ['a symbolic link into the data folder', linkIntoData],
  ['a path through a link into the data', join(linkIntoData, 'dist')],
  ["the run's own --data", data],
  ["inside the run's own --data", join(data, 'dist')],
  ["the parent of the run's own --data", work],
  ["a link to the run's own --data", linkIntoOwnData],
  ['a top-level system folder', '/tmp'],
  ['the home folder', homedir()],
  ['a folder holding the current folder', dirname(process.cwd())],
];

test('every dangerous output target is refused with a one-line reason and hint, even with --force', () => {
  for (const [what, target] of DANGEROUS) {
    assert.throws(
      () =>
        prepareOutputFolder(target, {
          what: 'the build output',
          option: '--out',
          dataDirs: [data],
          command: 'npm run build',
          force: true,
        }),
      (error: unknown) =>
        error instanceof UserError &&
        error.exitCode === 2 &&
        /^refusing --out .*: .*Hint: /.test(error.message) &&
        !error.message.includes('\n'),
      what,
    );
  }
  // Safe targets pass: a new folder in the temporary folder, and dist/ beside the sources.
  assert.equal(
    checkTarget(join(work, 'out', 'dist'), { what: 'x', option: '--out', dataDirs: [data] }),
    join(work, 'out', 'dist'),
  );
  assert.ok(checkTarget(join(ROOT, 'dist'), { what: 'x', option: '--out' }).endsWith('dist'));
});

test('record writers refuse a root, the repository or its sources as --data, and accept a data folder', () => {
  for (const target of [
    '/',
    ROOT,
    dirname(ROOT),
    join(ROOT, 'scripts'),
    join(ROOT, 'tests', 'fixtures', 'publish', 'data'),
  ]) {
    assert.throws(() => checkRecordFolder(target), UserError, target);
  }
  assert.equal(checkRecordFolder(data), data);
  assert.ok(checkRecordFolder(join(ROOT, 'data')).endsWith('data'));
});

test('the commands refuse dangerous targets end to end: exit 2, no stack trace, the data untouched', () => {
  const repoData = hashTree(join(ROOT, 'data'));
  const ownData = hashTree(data);
  const runs: Array<[string, string[]]> = [
    ['build.ts', ['--data', data, '--out', join(ROOT, 'data')]],
    ['build.ts', ['--data', data, '--out', join(data, 'dist')]],
    ['build.ts', ['--data', data, '--out', ROOT]],
    ['build.ts', ['--data', data, '--out', '/']],
    ['build.ts', ['--data', data, '--out', linkIntoData]],
    ['bundle.ts', ['--out', join(ROOT, 'data')]],
    ['synth.ts', ['--count', '1', '--out', join(ROOT, 'types')]],
    ['fix.ts', ['--data', '/']],
    ['new.ts', ['some-article', '--data', ROOT]],
  ];
  for (const [script, args] of runs) {
    const result = runScript(script, args);
    const shown = `${script} ${args.join(' ')}: ${result.stderr}`;
    assert.equal(result.code, 2, shown);
    assert.match(result.stderr, /^error: refusing --(out|data) .*Hint: /, shown);
    assert.doesNotMatch(result.stderr, /\n\s+at |internal error/, shown);
  }
  assert.equal(hashTree(join(ROOT, 'data')), repoData, 'the repository data is byte-identical');
  assert.equal(hashTree(data), ownData, 'the --data folder is byte-identical');
  assert.equal(existsSync(join(data, 'dist')), false);
});

test('a build creates missing parents, marks its output, and gives it ordinary permissions', () => {
  const out = join(work, 'missing', 'parents', 'dist');
  const result = runScript('build.ts', ['--data', data, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(existsSync(join(out, OUTPUT_MARKER)), true);
  const umask = 0o022; // the test runner's default; the build leaves the umask alone
  assert.equal(statSync(out).mode & 0o777, 0o777 & ~umask, 'the output folder is not 0700');
  assert.equal(statSync(join(out, 'csv')).mode & 0o777, 0o777 & ~umask);
  assert.equal(statSync(join(out, 'datapackage.json')).mode & 0o777, 0o666 & ~umask);
  assert.deepEqual(readdirSync(dirname(out)), ['dist'], 'no staging folder or lock is left');
  // An existing file where the output should go is refused, not replaced.
  const file = join(work, 'a-file');
  writeFileSync(file, 'keep me');
  const refused = runScript('build.ts', ['--data', data, '--out', file]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /not a folder/);
  // A parent that cannot be created (a file in the way) is a clear refusal.
  const blocked = runScript('build.ts', ['--data', data, '--out', join(file, 'dist')]);
  assert.equal(blocked.code, 2, blocked.stderr);
  assert.match(blocked.stderr, /^error: cannot create .*Hint: /);
  mkdirSync(join(work, 'empty'));
  assert.doesNotThrow(
    () => prepareOutputFolder(join(work, 'empty'), { what: 'x', option: '--out', command: 'npm run build' }),
    'an empty folder may be used',
  );
});
