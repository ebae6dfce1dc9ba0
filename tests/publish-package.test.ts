/**
 * The npm package as a consumer gets it: `npm pack` (whose `prepack` script builds dist/ from the data, validating
 * it first), installed into a scratch project, compiled with strict TypeScript (module nodenext) and run as ESM and
 * as CommonJS; linted by publint and @arethetypeswrong/cli. The package is staged in a temporary folder
 * (tests/package-support.ts), so the test needs no prior build and never touches the repository's dist/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { ROOT, SEED_ID as SEED } from './helpers.ts';
import { readJson, tempDir } from './fixtures/publish/support.ts';
import { installConsumer, node, npm, packRepository, run, stagePackage } from './package-support.ts';
import { NOT_IN_NPM } from '../scripts/publish/formats/metadata.ts';

const require = createRequire(import.meta.url);
const TSC = require.resolve('typescript/bin/tsc');

const pkg = readJson<{
  name: string;
  version: string;
  dependencies?: object;
  files: string[];
  scripts: Record<string, string>;
}>(join(ROOT, 'package.json'));
const work = tempDir('publish-package-');
const { tarball, paths, stage, output } = packRepository(work);
const filename = basename(tarball);

const ESM_CONSUMER = `
import { articles, entities, outlets, redirects, version, schemaVersion, getArticle, getEntity, getOutlet, getRedirect, articleText, loadArticle, loadEntity } from '${pkg.name}';
import type { Article, Entity, EntityKind, PublishedArticle, QuoteKind, PositionedSelector } from '${pkg.name}';
import data from '${pkg.name}/data.json' with { type: 'json' };
import descriptor from '${pkg.name}/datapackage.json' with { type: 'json' };
import articleSchema from '${pkg.name}/schemas/article.schema.json' with { type: 'json' };

// Before anything touches a body: the fields are still unloaded accessors.
const lazyBefore = articles.every((a) => typeof Object.getOwnPropertyDescriptor(a, 'body')?.get === 'function');

// Type-level checks: enums are literal unions, versions are literals, lookups may miss.
const kind: EntityKind = 'person';
// @ts-expect-error 'planet' is not an EntityKind
const wrongKind: EntityKind = 'planet';
// @ts-expect-error a quote kind is a literal union
const wrongQuote: QuoteKind = 'indirect';
const exactVersion: string = version;
// @ts-expect-error getArticle may return undefined
const mustCheck: Article = getArticle('x');
const found: PublishedArticle | undefined = getArticle('${SEED}');
const asSource: Article | undefined = found; // a published article is still an Article
const firstSelector: PositionedSelector | undefined = found?.annotations.mentions[0]?.selector;
const start: number | undefined = firstSelector?.start;
const entity: Entity | undefined = getEntity('volodymyr-zelensky');
void [kind, wrongKind, wrongQuote, exactVersion, mustCheck, asSource, start, entity];

const article = articles.find((a) => a.id === '${SEED}')!;
const text = articleText(article);
const lazyAfter = typeof Object.getOwnPropertyDescriptor(article, 'body')?.get === 'function';
const mention = article.annotations.mentions[0]!;
console.log(JSON.stringify({
  format: 'esm',
  version, schemaVersion,
  counts: [articles.length, entities.length, outlets.length, redirects.length],
  lazyBefore, lazyAfter,
  sameAsDataJson: JSON.stringify(getArticle('${SEED}')) === JSON.stringify(data.articles.find((a) => a.id === '${SEED}')),
  mentionText: [...text].slice(mention.selector.start, mention.selector.end).join(''),
  mentionExact: mention.selector.exact,
  entity: getEntity(mention.entity)?.name ?? null,
  outlet: getOutlet('reuters')?.name ?? null,
  redirect: getRedirect('no-such-id') ?? null,
  missing: getArticle('no-such-article') ?? null,
  loadArticle: JSON.stringify(await loadArticle('${SEED}')) === JSON.stringify(getArticle('${SEED}')),
  loadMissing: (await loadArticle('no-such-article')) ?? null,
  loadEntity: (await loadEntity('ukraine'))?.kind ?? null,
  descriptor: descriptor.name,
  schemaId: articleSchema.$id,
  csv: import.meta.resolve('${pkg.name}/csv/articles.csv').endsWith('/dist/csv/articles.csv'),
}));
`;

const CJS_CONSUMER = `
import { articles, entities, version, getArticle, getEntity } from '${pkg.name}';
import type { Article } from '${pkg.name}';
const article: Article | undefined = getArticle('${SEED}');
console.log(JSON.stringify({
  format: 'cjs',
  version,
  counts: [articles.length, entities.length],
  headline: article?.headline.text ?? null,
  blocks: article?.body.length ?? 0,
  entity: getEntity('ukraine')?.kind ?? null,
  csv: require.resolve('${pkg.name}/csv/articles.csv').endsWith('articles.csv'),
  data: require('${pkg.name}/data.json').version,
}));
`;

const LAZY_PROBE = `
import { articles, getArticle } from '${pkg.name}';
const article = getArticle('${SEED}');
let body = 'loaded';
try { void article.body; } catch (error) { body = error.code; }
console.log(JSON.stringify({ count: articles.length, headline: article.headline.text, body }));
`;

test('prepack builds dist/ (validating first): a fresh build is what npm packs', () => {
  assert.equal(pkg.scripts.prepack, 'npm run build');
  assert.match(output, /Validated \d+ files; published \d+ files to dist\//);
  assert.equal(readJson<{ version: string }>(join(stage, 'dist', 'data.json')).version, pkg.version);
});

test('npm pack fails on invalid data and writes no tarball', () => {
  const broken = stagePackage(work, 'broken');
  const article = join(broken, 'data', 'articles', `${SEED}.json`);
  writeFileSync(
    article,
    readFileSync(article, 'utf8').replace(/"language": "[^"]*"/, '"language": "not a language tag"'),
  );
  const out = join(work, 'broken-out');
  mkdirSync(out);
  const result = npm(['pack', '--pack-destination', out, '--json'], broken);
  assert.notEqual(result.code, 0, result.output);
  assert.match(result.output, new RegExp(`${SEED}\\.json:\\d+:\\d+ `));
  assert.match(result.output, /nothing was published/);
  assert.deepEqual(readdirSync(out), []);
  assert.equal(existsSync(join(broken, 'dist')), false);
});

test('the package ships only dist/ and the licences, and has no runtime dependencies', () => {
  assert.equal(pkg.dependencies, undefined);
  for (const path of paths)
    assert.match(path, /^(dist\/|package\.json$|README\.md$|LICENSE|CHANGELOG\.md$|CITATION\.cff$)/, path);
  for (const path of paths)
    assert.doesNotMatch(path, /^dist\/site\//, `the dataset site is not part of the package: ${path}`);
  // Parquet and SQLite repeat the CSV tables in other formats: they are in the download bundle, not on npm.
  assert.deepEqual(
    paths.filter((p) => /\.(parquet|sqlite)$/.test(p)),
    [],
  );
  for (const required of [
    'dist/runtime/node.js',
    'dist/runtime/node.d.ts',
    'dist/runtime/browser.js',
    'dist/runtime/browser.d.ts',
    'dist/cjs/package.json',
    'dist/cjs/runtime/node-cjs.js',
    'dist/cjs/runtime/node-cjs.d.ts',
    'dist/types/article.d.ts',
    'dist/index.json',
    'dist/data.json',
    'dist/datapackage.json',
    `dist/articles/${SEED}.json`,
    'dist/schemas/article.schema.json',
    'dist/csv/articles.csv',
  ]) {
    assert.ok(paths.includes(required), `${required} is not in the package`);
  }
});

test('a scratch consumer installs the tarball, compiles under strict TypeScript, and runs as ESM and CommonJS', () => {
  const consumer = join(work, 'consumer');
  installConsumer(consumer, tarball);
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        resolveJsonModule: true,
        skipLibCheck: false,
        outDir: 'out',
        typeRoots: [join(ROOT, 'node_modules', '@types')],
        types: ['node'],
      },
      files: ['esm.ts', 'cjs.cts'],
    }),
  );
  writeFileSync(join(consumer, 'esm.ts'), ESM_CONSUMER);
  writeFileSync(join(consumer, 'cjs.cts'), CJS_CONSUMER);
  const compiled = node([TSC, '-p', 'tsconfig.json'], consumer);
  assert.equal(compiled.code, 0, compiled.output);

  type Published = { id: string; headline: { text: string }; body: unknown[] };
  const data = readJson<{
    version: string;
    articles: Published[];
    entities: unknown[];
    outlets: unknown[];
    redirects: unknown[];
  }>(join(stage, 'dist', 'data.json'));
  const seed = data.articles.find((a) => a.id === SEED);
  assert.ok(seed, `${SEED} is in the build`);
  const esm = node([join('out', 'esm.js')], consumer);
  assert.equal(esm.code, 0, esm.output);
  const fromEsm = JSON.parse(esm.output) as Record<string, unknown>;
  assert.deepEqual(fromEsm, {
    format: 'esm',
    version: pkg.version,
    schemaVersion: Number(pkg.version.split('.')[0]),
    counts: [data.articles.length, data.entities.length, data.outlets.length, data.redirects.length],
    lazyBefore: true,
    lazyAfter: false,
    sameAsDataJson: true,
    mentionText: fromEsm.mentionExact,
    mentionExact: fromEsm.mentionExact,
    entity: fromEsm.entity,
    outlet: 'Reuters',
    redirect: null,
    missing: null,
    loadArticle: true,
    loadMissing: null,
    loadEntity: 'country',
    descriptor: pkg.name,
    schemaId: 'urn:annotated-news:schema:v0:article',
    csv: true,
  });
  assert.equal(typeof fromEsm.entity, 'string');

  const cjs = node([join('out', 'cjs.cjs')], consumer);
  assert.equal(cjs.code, 0, cjs.output);
  assert.deepEqual(JSON.parse(cjs.output), {
    format: 'cjs',
    version: pkg.version,
    counts: [data.articles.length, data.entities.length],
    headline: seed.headline.text,
    blocks: seed.body.length,
    entity: 'country',
    csv: true,
    data: pkg.version,
  });

  // Bodies are lazy: without the article's own file, importing and reading metadata still work.
  const installedDist = join(consumer, 'node_modules', pkg.name, 'dist');
  rmSync(join(installedDist, 'articles', `${SEED}.json`));
  writeFileSync(join(consumer, 'lazy.mjs'), LAZY_PROBE);
  const lazy = node(['lazy.mjs'], consumer);
  assert.equal(lazy.code, 0, lazy.output);
  assert.deepEqual(JSON.parse(lazy.output), {
    count: data.articles.length,
    headline: seed.headline.text,
    body: 'ENOENT',
  });
});

test('the installed package passes its own `sha256sum -c SHA256SUMS`, and its datapackage.json says what it lacks', () => {
  const consumer = join(work, 'checksums');
  installConsumer(consumer, tarball);
  const dist = join(consumer, 'node_modules', pkg.name, 'dist');
  const checked = run('sha256sum', ['--strict', '-c', 'SHA256SUMS'], dist);
  assert.equal(checked.code, 0, checked.output);
  const listed = readFileSync(join(dist, 'SHA256SUMS'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.slice(66));
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [relative(dist, join(dir, e.name))],
    );
  assert.deepEqual(
    walk(dist)
      .filter((f) => f !== 'SHA256SUMS')
      .sort(),
    [...listed].sort(),
    'SHA256SUMS lists every file',
  );
  const descriptor = readJson<{ resources: { path: string | string[]; description: string }[] }>(
    join(dist, 'datapackage.json'),
  );
  for (const resource of descriptor.resources) {
    const present = [resource.path].flat().map((path) => existsSync(join(dist, path)));
    if (resource.description.endsWith(NOT_IN_NPM)) assert.ok(!present.some(Boolean), `${String(resource.path)}`);
    else assert.ok(present.every(Boolean), `${String(resource.path)} is described as shipped but is missing`);
  }
});

test('publint finds no problems in the packed tarball', () => {
  const result = node([join(ROOT, 'node_modules', 'publint', 'src', 'cli.js'), 'run', tarball, '--strict'], work);
  assert.equal(result.code, 0, result.output);
  assert.match(result.output, /All good/);
});

test('@arethetypeswrong/cli finds no problems (node10, node16 CJS and ESM, bundler)', () => {
  const attw = join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
  const result = node([attw, tarball, '--format', 'table-flipped'], work);
  assert.equal(result.code, 0, result.output);
  assert.match(result.output, /No problems found/);
  assert.ok(readdirSync(work).includes(filename));
});
