/**
 * The file system as it is: FIFOs, devices, links and folders with record names are findings, never waits; no name
 * is exempt from the layout (a `.gitkeep` folder cannot hide records); permission errors are findings with a hint.
 *
 * Permission errors cannot be produced as root (root reads everything), and the tests often run as root. So the
 * unreadable-folder test runs the validator as the unprivileged user `nobody` through `setpriv` (util-linux) when
 * the tests run as root, and in-process otherwise; the message and hint of every errno are also unit-tested by
 * handing `fsProblem` the error a failed system call throws.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';
import { VALID_FIXTURE } from '../../scripts/checks/test-kit.ts';
import { validateData } from '../../scripts/checks/run.ts';
import { fsProblem, readRegularFile } from '../../scripts/lib/regular-file.ts';

const work = mkdtempSync(join(tmpdir(), 'hardening-fs-'));
after(() => {
  spawnSync('chmod', ['-R', 'u+rwx', work]);
  rmSync(work, { recursive: true, force: true });
});
const isRoot = process.getuid?.() === 0;

function dataset(name: string): string {
  const dir = join(work, name);
  cpSync(VALID_FIXTURE, dir, { recursive: true });
  return dir;
}

const validate = (args: string[], options: { uid?: number } = {}) => {
  const command = [process.execPath, '--import', 'tsx', join(ROOT, 'scripts', 'validate.ts'), ...args];
  const argv =
    options.uid === undefined
      ? command
      : ['setpriv', `--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups', ...command];
  const result = spawnSync(argv[0]!, argv.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined };
};

test('FIFOs, devices, links and folders with record names are findings, and nothing waits', () => {
  const dir = dataset('special');
  spawnSync('mkfifo', [join(dir, 'articles', 'piped.json')]);
  spawnSync('mkfifo', [join(dir, 'articles', '.gitkeep')]);
  symlinkSync(join(dir, 'entities', 'ukraine.json'), join(dir, 'entities', 'linked.json'));
  mkdirSync(join(dir, 'outlets', 'folder.json'));
  if (isRoot) spawnSync('mknod', [join(dir, 'redirects', 'device.json'), 'c', '1', '3']);
  const started = Date.now();
  const result = validate(['--data', dir]);
  assert.equal(result.timedOut, false, 'the validator hung');
  assert.ok(Date.now() - started < 60_000);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stdout, /piped\.json\n\s+1:1\s+error\s+not a record: a FIFO \(named pipe\), not a regular file/);
  assert.match(result.stdout, /articles\/\.gitkeep\n\s+1:1\s+error\s+not a record: \.gitkeep is a FIFO/);
  assert.match(result.stdout, /linked\.json\n\s+1:1\s+error\s+not a record: a symbolic link, not a regular file/);
  assert.match(result.stdout, /folder\.json\n\s+1:1\s+error\s+not a record: a folder named like a record/);
  if (isRoot && existsSync(join(dir, 'redirects', 'device.json')))
    assert.match(result.stdout, /device\.json\n\s+1:1\s+error\s+not a record: a device/);
  assert.doesNotMatch(result.stdout + result.stderr, /internal error|\n\s+at /);
  assert.throws(() => readRegularFile(join(dir, 'articles', 'piped.json')), /not a regular file: it is a FIFO/);
});

test(
  'no name is exempt: a .gitkeep folder, a non-empty .gitkeep and hidden files are findings; an empty ' +
    '.gitkeep is allowed',
  async () => {
    const dir = dataset('hidden');
    mkdirSync(join(dir, 'entities', '.gitkeep'));
    copyFileSync(join(dir, 'entities', 'ukraine.json'), join(dir, 'entities', '.gitkeep', 'hidden-record.json'));
    writeFileSync(join(dir, 'outlets', '.gitkeep'), '{"id": "smuggled"}');
    writeFileSync(join(dir, 'articles', '.hidden.json'), '{}');
    mkdirSync(join(dir, '.git-like'));
    writeFileSync(join(dir, 'redirects', '.gitkeep'), '');
    const { findings } = await validateData({ dataDir: dir });
    const strays = findings.filter((f) => f.rule === 'stray-files').map((f) => f.file);
    const about = (suffix: string) => findings.some((f) => f.rule === 'stray-files' && f.file.endsWith(suffix));
    assert.ok(about('entities/.gitkeep'), strays.join(', '));
    assert.ok(about('outlets/.gitkeep'));
    assert.ok(about('articles/.hidden.json'));
    assert.ok(about('.git-like'));
    assert.equal(about('redirects/.gitkeep'), false, 'an empty .gitkeep file keeps a folder in git');
  },
);

test('an unreadable folder or record is a finding with a permission hint, not an internal error', (t) => {
  const dir = dataset('locked');
  chmodSync(dir, 0o755);
  chmodSync(work, 0o755);
  chmodSync(join(dir, 'entities'), 0o000);
  chmodSync(join(dir, 'articles', 'ukraine-energy-grid-repairs.json'), 0o000);
  let result: ReturnType<typeof validate>;
  if (isRoot) {
    if (spawnSync('setpriv', ['--version']).status !== 0)
      return t.skip('running as root without setpriv: permissions cannot be denied');
    // The clone itself must be readable by `nobody` (a clone inside a private folder, such as `mktemp -d`'s, is not).
    const reach = [
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      'test',
      '-r',
      join(ROOT, 'scripts', 'validate.ts'),
    ];
    if (spawnSync('setpriv', reach).status !== 0)
      return t.skip(`the user nobody cannot read ${ROOT}: permissions cannot be tested as that user here`);
    result = validate(['--data', dir], { uid: 65534 });
  } else {
    result = validate(['--data', dir]);
  }
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(
    result.stdout,
    /entities\n\s+1:1\s+error\s+not a record: cannot read the folder: permission denied \(EACCES\)\s+stray-files\n\s+hint: Give your user read access \(`chmod u\+rx <path>`\)/,
  );
  assert.match(
    result.stdout,
    /ukraine-energy-grid-repairs\.json\n\s+1:1\s+error\s+cannot read the file: permission denied \(EACCES\)\s+read\n\s+hint: Give your user read access/,
  );
  assert.doesNotMatch(result.stdout + result.stderr, /internal error|\n\s+at /);
});

test('every file-system error becomes a message and a hint', () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: something, open '/x'`), { code });
  assert.match(fsProblem(errno('EACCES'), 'folder').hint, /chmod u\+rx/);
  assert.match(fsProblem(errno('EPERM'), 'file').message, /permission denied/);
  assert.match(fsProblem(errno('ELOOP'), 'file').message, /symbolic link/);
  assert.match(fsProblem(errno('EIO'), 'file').message, /cannot read the file: something \(EIO\)/);
});
