/**
 * The download bundle: a deterministic tar.gz read back with real clients (GNU tar, sha256sum), built from a real
 * build of data/ into a temporary folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTar, gzipDeterministic } from '../scripts/release/tar.ts';
import { ROOT, runScript, sharedBuild } from './helpers.ts';
import * as yaml from 'js-yaml';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** A DuckDB connection whose relative paths resolve in `dir`, as when DuckDB is started there. */
async function withDuckDb<T>(dir: string, use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SET file_search_path = '${dir.replaceAll("'", "''")}'`);
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function scratch(t: { after: (fn: () => void) => void }, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), name));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const LONG = `${'a-long-folder-name/'.repeat(6)}and-a-file-name-that-pushes-the-path-past-one-hundred-bytes.csv`;

test('the tar writer: GNU tar lists and extracts it, long paths included, with fixed owners, modes and times', (t) => {
  const dir = scratch(t, 'tar-writer-');
  const files = new Map<string, Uint8Array>([
    ['bundle/b.txt', Buffer.from('second\n')],
    ['bundle/a.txt', Buffer.from('first, with “typographic” quotes\n')],
    ['bundle/empty.txt', Buffer.alloc(0)],
    [`bundle/${LONG}`, Buffer.alloc(1500, 'x')],
  ]);
  writeFileSync(join(dir, 'test.tar.gz'), gzipDeterministic(createTar(files)));
  const listing = run('tar', ['--list', '--verbose', '--numeric-owner', '--utc', '--file', 'test.tar.gz'], dir);
  const lines = listing.trim().split('\n');
  // Directories before their contents, everything in byte order of the path.
  const names = lines.map((line) => line.split(/\s+/).slice(5).join(' '));
  assert.equal(names[0], 'bundle/');
  assert.deepEqual(
    names,
    [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
  );
  assert.ok(names.includes('bundle/a-long-folder-name/'));
  assert.ok(names.includes(`bundle/${LONG}`), 'a path over 100 bytes is split into prefix and name');
  assert.equal(names.length, files.size + 7, 'the files and their 7 folders');
  for (const line of lines) {
    assert.match(line, /^(drwxr-xr-x|-rw-r--r--) 0\/0 +\d+ 1970-01-01 00:00 /, line);
  }
  mkdirSync(join(dir, 'out'));
  run('tar', ['--extract', '--file', '../test.tar.gz'], join(dir, 'out'));
  for (const [path, content] of files)
    assert.deepEqual(readFileSync(join(dir, 'out', path)), Buffer.from(content), path);
});

test('the same files give the same bytes, whatever order they come in; the gzip header has no time', () => {
  const a = new Map([
    ['x/1', Buffer.from('1')],
    ['x/2', Buffer.from('2')],
  ]);
  const b = new Map([
    ['x/2', Buffer.from('2')],
    ['x/1', Buffer.from('1')],
  ]);
  const gzA = gzipDeterministic(createTar(a));
  assert.deepEqual(gzA, gzipDeterministic(createTar(b)));
  assert.equal(gzA.readUInt32LE(4), 0, 'MTIME is zero');
  assert.equal(gzA[9], 255, 'OS is "unknown"');
  assert.equal(gunzipSync(gzA).length % (20 * 512), 0, 'whole 10 KiB records');
  assert.notDeepEqual(
    gzA,
    gzipDeterministic(
      createTar(
        new Map([
          ['x/1', Buffer.from('1')],
          ['x/2', Buffer.from('3')],
        ]),
      ),
    ),
  );
});

test('the tar writer refuses unsafe paths', () => {
  for (const path of ['/etc/passwd', '../up', 'a/../b', 'a//b']) {
    assert.throws(() => createTar(new Map([[path, Buffer.from('')]])), /unsafe path/, path);
  }
});

test(
  'npm run bundle: one deterministic archive per version with the CSVs, datapackage.json, a README and the ' +
    'licences',
  async (t) => {
    const dir = scratch(t, 'bundle-');
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const name = `annotated-news-${version}`;

    const first = runScript('bundle.ts', ['--out', join(dir, 'one')]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      new RegExp(`Wrote .*${name}\\.tar\\.gz \\(\\d+ bytes, \\d+ files; sha256 [0-9a-f]{64}\\)`),
    );
    // The second archive packs another build of the same data (made by another process), through --from.
    const second = runScript('bundle.ts', ['--from', sharedBuild(join(ROOT, 'data')), '--out', join(dir, 'two')]);
    assert.equal(second.code, 0, second.stderr);
    const archive = readFileSync(join(dir, 'one', `${name}.tar.gz`));
    assert.deepEqual(readFileSync(join(dir, 'two', `${name}.tar.gz`)), archive, 'byte-identical for the same input');
    const digest = createHash('sha256').update(archive).digest('hex');
    assert.equal(readFileSync(join(dir, 'one', `${name}.tar.gz.sha256`), 'utf8'), `${digest}  ${name}.tar.gz\n`);

    mkdirSync(join(dir, 'x'));
    run('tar', ['--extract', '--gzip', '--file', join(dir, 'one', `${name}.tar.gz`)], join(dir, 'x'));
    assert.deepEqual(readdirSync(join(dir, 'x')), [name], 'one folder, named with the version');
    const unpacked = join(dir, 'x', name);
    for (const file of ['README.md', 'LICENSE', 'LICENSE-DATA.md', 'CHANGELOG.md', 'datapackage.json', 'SHA256SUMS']) {
      assert.ok(readdirSync(unpacked).includes(file), file);
    }
    assert.equal(
      readFileSync(join(unpacked, 'LICENSE-DATA.md'), 'utf8'),
      readFileSync(join(ROOT, 'LICENSE-DATA.md'), 'utf8'),
    );
    // sha256sum, the tool the README tells people to use, checks every file.
    const checked = run('sha256sum', ['--check', '--strict', 'SHA256SUMS'], unpacked);
    assert.doesNotMatch(checked, /FAILED/);

    const descriptor = JSON.parse(readFileSync(join(unpacked, 'datapackage.json'), 'utf8')) as {
      version: string;
      resources: { path: string | string[]; hash?: string; bytes?: number }[];
    };
    assert.equal(descriptor.version, version, 'the bundle carries the version');
    const csvs = readdirSync(join(unpacked, 'csv')).sort();
    assert.ok(csvs.includes('articles.csv') && csvs.length > 3, csvs.join(', '));
    // Every resource the descriptor names is in the bundle, with the size and hash it states.
    for (const resource of descriptor.resources) {
      const paths = [resource.path].flat();
      const bytes = Buffer.concat(paths.map((path) => readFileSync(join(unpacked, path))));
      if (resource.bytes !== undefined) assert.equal(bytes.length, resource.bytes, paths[0]);
      if (resource.hash)
        assert.equal(`sha256:${createHash('sha256').update(bytes).digest('hex')}`, resource.hash, paths[0]);
    }
    // The README's examples run, as written, in the unpacked folder: the SQL by DuckDB and by Python's sqlite3.
    const readme = readFileSync(join(unpacked, 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/^- \*\*(.+?)\*\*:.*\n\n {2}```sql\n {2}(.+)\n {2}```$/gm)];
    assert.ok(examples.length >= 4, 'the loading section has its SQL examples');
    for (const [, tool, sql] of examples) {
      const [duckdb, sqlite] = tool === 'SQLite' ? [undefined, sql!] : [sql!, undefined];
      if (duckdb) {
        const rows = await withDuckDb(unpacked, (connection) => connection.runAndReadAll(duckdb));
        assert.ok(rows.getRows().length > 0, `${tool}: ${duckdb} returns rows`);
      }
      if (sqlite) {
        const db = "sqlite3.connect('annotated-news.sqlite')";
        const script = `import sqlite3, sys\nprint(len(${db}.execute(sys.argv[1]).fetchall()))`;
        const rows = Number(run('/usr/bin/python3', ['-c', script, sqlite], unpacked).trim());
        assert.ok(rows > 0, `${tool}: ${sqlite} returns rows`);
      }
    }
    assert.match(readme, /'parquet\/articles\.parquet'/);
    assert.doesNotMatch(readme, /parquet\/\*\.parquet|ndjson/, 'no example that fails, no removed folder');
    // A Hugging Face dataset card: YAML front matter first (the generated notice is its first comment), whose configs
    // name files the bundle holds.
    assert.match(readme, /^---\n# Generated file: do not edit\. Regenerate with `npm run bundle`\.\n/);
    const card = yaml.load(readme.split('\n---\n')[0]!.slice(4)) as {
      license: string;
      configs: { config_name: string; data_files: { path: string }[] }[];
    };
    assert.equal(card.license, 'other');
    const configured = card.configs.flatMap((c) => c.data_files.map((f) => f.path));
    assert.ok(
      configured.includes('jsonl/articles.jsonl') && configured.includes('parquet/articles.parquet'),
      configured.join(', '),
    );
    for (const path of configured) assert.ok(existsSync(join(unpacked, path)), path);
    for (const section of ['Motivation', 'Composition', 'Collection and annotation process', 'Uses', 'Maintenance']) {
      assert.match(readme, new RegExp(`^### ${section}$`, 'm'));
    }
    for (const file of ['annotated-news.sqlite', 'croissant.json', 'dataset.jsonld', 'jsonl/articles.jsonl'])
      assert.ok(existsSync(join(unpacked, file)), file);
    assert.match(readme, new RegExp(`# .* ${version.replace(/\./g, '\\.')}\\n`));
    assert.match(readme, /\| `csv\/articles\.csv` \| [\d.]+ (B|KiB|MiB) \| /);
    assert.match(readme, /The article text is not\s+licensed/);
  },
);

test('npm run bundle -- --from DIR fails clearly when DIR is not a build', (t) => {
  const dir = scratch(t, 'bundle-from-');
  const result = runScript('bundle.ts', ['--from', dir, '--out', join(dir, 'out')]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^error: .* has no datapackage\.json\. Run `npm run build` first/);
  assert.deepEqual(readdirSync(dir), [], 'nothing written');
});
