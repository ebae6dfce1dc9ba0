/**
 * Validation with the result cache (`--cache`) gives exactly the findings of a full validation, over many random
 * edits to a small synthetic corpus in a git repository: articles added (copies, so cross-file rules fire),
 * deleted, renamed and broken, and entities that other articles reference deleted, renamed or changed; some edits
 * are committed, some only staged, some left in the work tree. A seeded generator makes every run the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../scripts/synth/write.ts';
import { validateData } from '../scripts/checks/run.ts';
import { serialize } from 'node:v8';

const ROUNDS = 30;
const NOW = new Date('2026-06-01T00:00:00Z');

/** mulberry32: a small seeded generator. */
function generator(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = Record<string, any>;

test('cached validation reports what full validation reports, after each of many random edits', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'incremental-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const data = join(root, 'data');
  const cacheFile = join(root, 'cache', 'results.bin');
  writeCorpus({ count: 10, out: data, seed: 'incremental' });
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.email=test@example.invalid', '-c', 'user.name=test', ...args], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'corpus');

  const random = generator(14);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  /** The record files of a folder (not the unparsable ones this test writes). */
  const files = (folder: string) =>
    readdirSync(join(data, folder))
      .filter((f) => f.endsWith('.json') && !f.startsWith('broken-'))
      .map((f) => join(data, folder, f));
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Json;
  const write = (path: string, value: Json) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  let serial = 0;
  const edits: Array<[string, () => void]> = [
    [
      'copy an article under a new id',
      () => {
        const a = read(pick(files('articles')));
        a.id = `added-${++serial}`;
        if (random() < 0.5) a.url = null;
        write(join(data, 'articles', `${a.id}.json`), a);
      },
    ],
    ['delete an article', () => unlinkSync(pick(files('articles')))],
    [
      'rename an article file',
      () => {
        const from = pick(files('articles'));
        renameSync(from, join(data, 'articles', `renamed-${++serial}.json`));
      },
    ],
    [
      'misspell a selector',
      () => {
        const path = pick(files('articles'));
        const a = read(path);
        const m = a.annotations.mentions[0];
        if (m) m.selector.exact = `${m.selector.exact}x`;
        write(path, a);
      },
    ],
    [
      'break the schema',
      () => {
        const path = pick(files('articles'));
        write(path, { ...read(path), orign: 'typo' });
      },
    ],
    [
      'give an article another article’s URL',
      () => {
        const [a, b] = [pick(files('articles')), pick(files('articles'))];
        const target = read(a);
        target.url = read(b).url;
        write(a, target);
      },
    ],
    [
      'date an article in the future',
      () => {
        const path = pick(files('articles'));
        write(path, { ...read(path), datePublished: '2030-01-01' });
      },
    ],
    ['restore an article from the last commit', () => git('checkout', '-q', 'HEAD', '--', 'data/articles')],
    ['delete a referenced entity', () => unlinkSync(pick(files('entities')))],
    [
      'rename an entity file',
      () => renameSync(pick(files('entities')), join(data, 'entities', `entity-${++serial}.json`)),
    ],
    [
      'change an entity',
      () => {
        const path = pick(files('entities'));
        write(path, { ...read(path), name: `Changed ${++serial}` });
      },
    ],
    ['add back a deleted entity', () => git('checkout', '-q', 'HEAD', '--', 'data/entities')],
    [
      'change the registry facts (name, aliases or kind) of an entity an article mentions by name',
      () => {
        const a = read(pick(files('articles')));
        const m = a.annotations.mentions.find(
          (x: Json) => x.form === 'name' && existsSync(join(data, 'entities', `${x.entity}.json`)),
        );
        if (!m) return;
        const path = join(data, 'entities', `${m.entity}.json`);
        const e = read(path);
        const change = random();
        if (change < 0.4) write(path, { ...e, name: `Changed ${++serial}`, aliases: [] });
        else if (change < 0.7)
          write(path, { ...e, kind: e.kind === 'chemical-element' ? 'person' : 'chemical-element' });
        else write(path, { ...e, aliases: [...e.aliases, `Alias ${++serial}`] });
      },
    ],
    [
      'add an entity that an article mentions but nothing has yet',
      () => {
        const a = read(pick(files('articles')));
        const m = a.annotations.mentions.find((x: Json) => typeof x.entity === 'string');
        if (m)
          write(join(data, 'entities', `${m.entity}.json`), {
            ...read(pick(files('entities'))),
            id: m.entity,
            name: m.selector.exact,
          });
      },
    ],
    [
      'remove an entity another article references and add a redirect',
      () => {
        const path = pick(files('entities'));
        const id = path.slice(path.lastIndexOf('/') + 1, -5);
        unlinkSync(path);
        mkdirSync(join(data, 'redirects'), { recursive: true });
        write(join(data, 'redirects', `${id}.json`), {
          id,
          collection: 'entities',
          kind: 'removed',
          to: [],
          reason: 'Merged away in a test.',
          since: '0.1.0',
        });
      },
    ],
    ['write an unparsable file', () => writeFileSync(join(data, 'articles', `broken-${++serial}.json`), '{"id": ')],
  ];

  let reused = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const applied: string[] = [];
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
      const [what, edit] = pick(edits);
      const possible =
        what.includes('entit') && !what.startsWith('add back')
          ? files('entities').length > 2
          : files('articles').length > 2 || !what.startsWith('delete');
      if (possible) {
        edit();
        applied.push(what);
      }
    }
    const where = random();
    if (where < 0.3) git('add', '-A');
    else if (where < 0.5) {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', `round ${round}`);
    }
    const full = await validateData({ dataDir: data, now: NOW });
    const cached = await validateData({ dataDir: data, now: NOW, cache: cacheFile });
    assert.deepEqual(cached.findings, full.findings, `round ${round}: ${applied.join(', ')}`);
    assert.equal(cached.filesChecked, full.filesChecked);
    reused += cached.fromCache;
  }
  assert.ok(existsSync(cacheFile));
  // The cache was used, not just written: most files came from it.
  assert.ok(reused > ROUNDS * 10, `only ${reused} results came from the cache`);
});

test('with paths, the cached run reports on those files only, like the full run', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'incremental-paths-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const data = join(root, 'data');
  writeCorpus({ count: 4, out: data, seed: 'paths' });
  const article = readdirSync(join(data, 'articles'))[0]!;
  const path = join(data, 'articles', article);
  writeFileSync(path, readFileSync(path, 'utf8').replace('"headline": {', '"headlin": {'));
  const cacheFile = join(root, 'results.bin');
  for (const paths of [[path], [join(data, 'entities')]]) {
    const full = await validateData({ dataDir: data, now: NOW, paths });
    for (let run = 0; run < 2; run++)
      assert.deepEqual(
        (await validateData({ dataDir: data, now: NOW, paths, cache: cacheFile })).findings,
        full.findings,
      );
  }
});

test(
  'a truncated, garbage or foreign cache file costs only time: same findings, no crash, and it is ' + 'rewritten',
  async (t) => {
    const root = mkdtempSync(join(tmpdir(), 'incremental-damaged-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const data = join(root, 'data');
    writeCorpus({ count: 4, out: data, seed: 'damaged' });
    const r = spawnSync('git', ['-c', 'user.email=test@example.invalid', '-c', 'user.name=test', 'init', '-q'], {
      cwd: root,
    });
    assert.equal(r.status, 0);
    spawnSync('git', ['add', '-A'], { cwd: root });
    const cacheFile = join(root, 'results.bin');
    const full = await validateData({ dataDir: data, now: NOW });
    await validateData({ dataDir: data, now: NOW, cache: cacheFile });
    const good = readFileSync(cacheFile);
    assert.ok(
      (await validateData({ dataDir: data, now: NOW, cache: cacheFile })).fromCache > 0,
      'the cache is used when intact',
    );
    const damaged: Array<[string, Uint8Array]> = [
      ['truncated', good.subarray(0, Math.floor(good.length / 2))],
      ['garbage', Buffer.from('not a cache at all \u0000\u00ff'.repeat(100))],
      ['empty', Buffer.alloc(0)],
      [
        'foreign (right format number, wrong shape)',
        serialize({ format: 3, fingerprint: 'x', now: 0, keys: [], paths: ['articles/a.json'], blobs: '' }),
      ],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(cacheFile, bytes);
      const cached = await validateData({ dataDir: data, now: NOW, cache: cacheFile });
      assert.deepEqual(cached.findings, full.findings, what);
      assert.equal(cached.fromCache, 0, what);
      assert.ok(
        (await validateData({ dataDir: data, now: NOW, cache: cacheFile })).fromCache > 0,
        `${what}: the cache is written afresh`,
      );
    }
  },
);
