/**
 * The annotation-tool exports as `npm run build` writes them: one file per tool (W3C, brat, Label Studio, spaCy),
 * never one per article, each listed in datapackage.json with its hash. On a small canonical stream with tiny shard
 * limits: the W3C collection's pages link first/last/next/prev as the Web Annotation model defines, and an import
 * follows them; the brat archives read back with Python's tarfile; the bytes are the same run to run. And the
 * exports take linear time: 20,000 mentions of one word cost about twice 10,000.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsonld from 'jsonld';
import type { Options } from 'jsonld';
import type { Entity } from '../types/index.ts';
import { readJson, REPO_DATA, sharedBuild } from './fixtures/publish/support.ts';
import { ROOT, SEED_ID, hashTree } from './helpers.ts';
import { SYNTHETIC_REGISTRY, syntheticArticle } from './interop-support.ts';
import { canonicalStream, cpuMs, repeatedWordArticle, writeFormats } from './hardening/support.ts';
import { w3cFormat } from '../scripts/publish/formats/w3c.ts';
import { bratFormat } from '../scripts/publish/formats/brat.ts';
import { labelStudio } from '../scripts/publish/formats/label-studio.ts';
import { spacy } from '../scripts/publish/formats/spacy.ts';
import { readW3c } from '../scripts/interop/w3c.ts';
import { articleText } from '../scripts/lib/text-quote.ts';

test('build: one file per annotation tool, none per article, each listed in datapackage.json with its hash', () => {
  const out = sharedBuild(REPO_DATA);
  const files = (dir: string): string[] =>
    readdirSync(join(out, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
    );
  assert.deepEqual(files('annotations').sort(), [
    'annotations/brat.tar.gz',
    'annotations/label-studio/config.xml',
    'annotations/label-studio/tasks.json',
    'annotations/spacy.jsonl',
    'annotations/w3c.jsonld',
    'annotations/w3c/page-1.jsonld',
  ]);
  const descriptor = readJson<{ resources: Array<{ name: string; path: string; bytes: number; hash: string }> }>(
    join(out, 'datapackage.json'),
  );
  const listed = descriptor.resources.filter((r) => String(r.path).startsWith('annotations/'));
  assert.deepEqual(listed.map((r) => r.path).sort(), files('annotations').sort());
  for (const resource of listed) {
    const bytes = readFileSync(join(out, resource.path));
    assert.equal(resource.bytes, bytes.length, resource.path);
    assert.equal(resource.hash, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, resource.path);
  }
  const tasks = readJson<Array<{ data: { article: string } }>>(join(out, 'annotations/label-studio/tasks.json'));
  assert.ok(tasks.some((t) => t.data.article === SEED_ID));
  const collection = readJson<{ total: number; first: string; last: string }>(join(out, 'annotations/w3c.jsonld'));
  const page = readJson<{ items: unknown[]; partOf: { id: string } }>(join(out, 'annotations/w3c/page-1.jsonld'));
  assert.deepEqual(
    [collection.first, collection.last, page.partOf.id],
    ['w3c/page-1.jsonld', 'w3c/page-1.jsonld', '../w3c.jsonld'],
  );
  assert.equal(collection.total, page.items.length);
  // The npm package does not ship the exports, so its SHA256SUMS does not list them: datapackage.json has their hashes.
  assert.doesNotMatch(readFileSync(join(out, 'SHA256SUMS'), 'utf8'), / annotations\//);
});

const AS = 'http://www.w3.org/ns/activitystreams#';

/** The parts of annotations/w3c.jsonld and its page files that the tests read. */
type W3cCollectionFile = { type: string; first: string; last: string; total: number };
type W3cPageFile = {
  type: string;
  partOf: { id: string };
  startIndex: number;
  prev?: string;
  next?: string;
  items: unknown[];
};
/** What a JSON-LD document loader returns (@types/jsonld does not export the name). */
type RemoteDocument = Awaited<ReturnType<NonNullable<Options.DocLoader['documentLoader']>>>;
/** A node of expanded JSON-LD: each IRI's values, as a list of value or node objects. */
type ExpandedNode = Record<string, Array<Record<string, unknown>> | undefined>;

test(
  'on a small stream with tiny shards: W3C pages linked as the model defines, brat archives Python reads, ' +
    'same bytes twice',
  async (t) => {
    const synthetic = syntheticArticle();
    const articles = [synthetic, { ...synthetic, id: 'x' }, { ...synthetic, id: 'x-copy' }];
    const entities = [...SYNTHETIC_REGISTRY.entities.values()];
    const outlets = [...SYNTHETIC_REGISTRY.outlets.values()];
    const roots = [canonicalStream(articles, entities, outlets), canonicalStream(articles, entities, outlets)];
    t.after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
    for (const root of roots) await writeFormats(root, [w3cFormat(1), bratFormat(1), labelStudio, spacy]);
    assert.equal(hashTree(roots[0]!), hashTree(roots[1]!), 'byte-identical run to run');
    const root = roots[0]!;
    const at = (path: string) => join(root, 'annotations', path);
    const collection = JSON.parse(readFileSync(at('w3c.jsonld'), 'utf8')) as W3cCollectionFile;
    assert.equal(collection.type, 'AnnotationCollection');
    // From first, follow next to last, resolving each link against the file that holds it; prev leads back.
    let path = join(dirname(at('w3c.jsonld')), collection.first);
    const visited: string[] = [];
    let items = 0;
    for (;;) {
      const page = JSON.parse(readFileSync(path, 'utf8')) as W3cPageFile;
      assert.equal(page.type, 'AnnotationPage');
      assert.equal(join(dirname(path), page.partOf.id), at('w3c.jsonld'));
      assert.equal(page.startIndex, items, 'startIndex counts the annotations of the pages before');
      if (visited.length > 0) assert.equal(join(dirname(path), page.prev!), visited[visited.length - 1]);
      else assert.equal(page.prev, undefined);
      visited.push(path);
      items += page.items.length;
      if (!page.next) break;
      path = join(dirname(path), page.next);
    }
    assert.equal(visited.length, articles.length, 'one page per article at a 1-byte limit');
    // As JSON-LD (the W3C context, offline), the links are the pages' IRIs, resolved against the collection's.
    const anno = JSON.parse(
      readFileSync(join(ROOT, 'tests/vendor/w3c-anno-context/anno.jsonld'), 'utf8'),
    ) as RemoteDocument['document'];
    const documentLoader = (url: string): Promise<RemoteDocument> =>
      Promise.resolve({ contextUrl: undefined, documentUrl: url, document: anno });
    const base = pathToFileURL(at('w3c.jsonld')).href;
    const [expanded] = (await jsonld.expand(collection, { base, documentLoader })) as ExpandedNode[];
    assert.deepEqual(
      [expanded?.[`${AS}first`]?.[0]?.['@id'], expanded?.[`${AS}last`]?.[0]?.['@id']],
      [pathToFileURL(visited[0]!).href, pathToFileURL(visited[visited.length - 1]!).href],
    );
    assert.equal(path, join(dirname(at('w3c.jsonld')), collection.last));
    assert.equal(items, collection.total);
    // An import reads one article's annotations through the collection, whatever page holds them.
    const load = (reference: string) =>
      JSON.parse(readFileSync(join(at('w3c'), reference.replace(/^w3c\//, '')), 'utf8')) as unknown;
    const found = readW3c(collection, 'x-copy', load);
    const structure = (found.document?.blocks.length ?? 0) + (found.document?.genreAt ? 1 : 0);
    assert.equal(found.items.length + structure, items / articles.length);
    assert.ok(found.items.every((item) => item.version !== null));

    const archives = readdirSync(at('')).filter((name) => /^brat(-\d+)?\.tar\.gz$/.test(name));
    assert.equal(archives.length, articles.length);
    const python = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        [
          'import sys, tarfile, json',
          'out = {}',
          'for path in sys.argv[1:]:',
          '  with tarfile.open(path) as t:',
          '    for m in t.getmembers():',
          '      if m.isfile(): out[m.name] = t.extractfile(m).read().decode("utf-8")',
          'print(json.dumps(out))',
        ].join('\n'),
        ...archives.map((name) => at(name)),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(python.status, 0, python.stderr);
    const members = JSON.parse(python.stdout) as Record<string, string>;
    for (const article of articles) {
      assert.equal(members[`brat/${article.id}.txt`], articleText(article));
      assert.match(members[`brat/${article.id}.ann`]!, /^T1\t/);
    }
    assert.match(members['brat/annotation.conf']!, /^# Generated by `npm run build`/);
  },
);

test('exports take linear time: 20,000 mentions of one word cost about twice 10,000', async (t) => {
  const time = async (n: number) => {
    // Positioned when the stream is made, as the build does; only the exports are timed.
    const word: Entity = {
      id: 'word',
      kind: 'topic',
      name: 'word',
      aliases: [],
      demonyms: [],
      roles: [],
      identifiers: {},
    };
    const root = canonicalStream([repeatedWordArticle(n)], [word]);
    t.after(() => rmSync(root, { recursive: true, force: true }));
    // CPU time, not wall time: other processes on a shared machine do not count.
    return cpuMs(() => writeFormats(root, [w3cFormat(), bratFormat(), labelStudio, spacy]));
  };
  await time(2_000); // warm up
  const best = async (n: number) => Math.min(await time(n), await time(n), await time(n));
  const small = await best(10_000);
  const large = await best(20_000);
  t.diagnostic(`CPU time: 10,000 mentions ${small.toFixed(0)} ms, 20,000 ${large.toFixed(0)} ms`);
  assert.ok(large / small < 2.5, `CPU time: 10,000 mentions ${small.toFixed(0)} ms, 20,000 ${large.toFixed(0)} ms`);
});
