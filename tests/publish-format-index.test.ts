/**
 * One list of formats (scripts/publish/formats/index.ts): every listing of files derives from it. A format's
 * resources are all in datapackage.json, and package.json's `files` and `exports` match what the npm formats ship.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publish, pathsOf, type PublishSummary } from '../scripts/publish/publish.ts';
import { NPM_DESCRIPTORS } from '../scripts/publish/formats/index.ts';
import { ROOT } from './helpers.ts';
import { FIXTURE_DATA, readJson, tempDir } from './fixtures/publish/support.ts';

const out = join(tempDir('format-index-'), 'dist');
let built: PublishSummary | undefined;
const summary = async () => (built ??= await publish({ dataDir: FIXTURE_DATA, outDir: out, rootDir: ROOT }));
const pkg = readJson<{ files: string[]; exports: Record<string, unknown> }>(join(ROOT, 'package.json'));

/** The package.json `files` entry of a path in dist/: its top-level file, or its top-level folder. */
const entryOf = (path: string) => `dist/${path.includes('/') ? `${path.slice(0, path.indexOf('/'))}/` : path}`;

// A resource written as one shard is described with a plain path: the same file either way.
test("every format's resources are in datapackage.json, with the same paths", async () => {
  const { formats } = await summary();
  const descriptor = readJson<{ resources: { name: string; path: string | string[] }[] }>(
    join(out, 'datapackage.json'),
  );
  const byName = new Map(descriptor.resources.map((r) => [r.name, r]));
  for (const [format, resources] of formats)
    for (const resource of resources)
      assert.deepEqual(
        [byName.get(resource.name)?.path].flat(),
        [resource.path].flat(),
        `format ${format}: resource ${resource.name} is not in datapackage.json as written (formats/metadata.ts lists every resource)`,
      );
  assert.equal(descriptor.resources.length, formats.flatMap(([, r]) => r).length, 'no resource besides the formats');
});

test("package.json `files` ships exactly the npm formats' files (drift check)", async () => {
  const resources = (await summary()).formats.flatMap(([, r]) => r);
  const shipped = new Set([...NPM_DESCRIPTORS, ...resources.filter((r) => r.npm).flatMap(pathsOf)].map(entryOf));
  const withheld = new Set(
    resources
      .filter((r) => !r.npm)
      .flatMap(pathsOf)
      .map(entryOf),
  );
  for (const entry of shipped)
    assert.ok(!withheld.has(entry), `${entry} holds files the npm package ships and files it does not: split them`);
  const expected = [...shipped].sort();
  const actual = pkg.files.filter((f) => f.startsWith('dist/'));
  assert.deepEqual(
    actual,
    expected,
    `package.json "files" drifted from scripts/publish/formats/: set its dist/ entries to ${JSON.stringify(expected)}`,
  );
});

test('every file package.json `exports` names is shipped by an npm format', async () => {
  const resources = (await summary()).formats.flatMap(([, r]) => r);
  const shipped = [...NPM_DESCRIPTORS, ...resources.filter((r) => r.npm).flatMap(pathsOf)];
  const targets = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(targets)
        : [];
  for (const [subpath, value] of Object.entries(pkg.exports)) {
    for (const target of targets(value).filter((t) => t.startsWith('./dist/'))) {
      const [head, tail = ''] = target.slice('./dist/'.length).split('*');
      const matches = shipped.filter((p) => p.startsWith(head!) && p.endsWith(tail) && p.length >= head!.length);
      assert.ok(matches.length > 0, `exports ${subpath} → ${target} names no file an npm format ships`);
    }
  }
  // And the build wrote every declared file, nothing else (besides the output folder's own marker, if any).
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(out, path)];
    });
  const declared = new Set([...NPM_DESCRIPTORS, ...resources.flatMap(pathsOf)]);
  assert.deepEqual(
    walk(out).filter((f) => !declared.has(f)),
    [],
  );
});
