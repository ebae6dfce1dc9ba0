/**
 * The site's pages stage is linear in the references it lists, and pages what has no bound: an entity referred to
 * by many annotations gets paged entity pages, and one event naming `kyiv` 100,000 times (repeats validate) makes
 * small pages. Runs `buildSitePages` in-process on a copy of a shared build whose seed article is given such events.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishedArticleFile } from '../types/index.ts';
import { buildSitePages } from '../scripts/site/build-site.ts';
import { REFERENCES_PER_PAGE } from '../scripts/site/entity-page.ts';
import { ROOT, SEED_ID, sharedBuild } from './helpers.ts';

const DIST = sharedBuild(join(ROOT, 'data'));
const { article } = JSON.parse(readFileSync(join(DIST, 'articles', `${SEED_ID}.json`), 'utf8')) as PublishedArticleFile;
const base = article.annotations.events[0]!;

/** A build whose seed article has `events` events, each naming kyiv `repeats` times; its site's folder. */
function build(events: number, repeats: number): { dist: string; site: string } {
  const dist = mkdtempSync(join(tmpdir(), 'site-scale-'));
  mkdirSync(join(dist, 'jsonl'));
  // The seed article alone: the index lists what the JSON Lines hold, whatever else data/ has.
  const index = JSON.parse(readFileSync(join(DIST, 'index.json'), 'utf8')) as { articles: { id: string }[] };
  writeFileSync(
    join(dist, 'index.json'),
    JSON.stringify({ ...index, articles: index.articles.filter((a) => a.id === SEED_ID) }),
  );
  const scaled = {
    ...article,
    annotations: {
      ...article.annotations,
      events: Array.from({ length: events }, (_, i) => ({
        ...base,
        id: `e-scale-${i}`,
        participants: Array<string>(repeats).fill('kyiv'),
      })),
    },
  };
  writeFileSync(join(dist, 'jsonl', 'articles.jsonl'), `${JSON.stringify(scaled)}\n`);
  return { dist, site: join(dist, 'site') };
}

/**
 * The pages stage's CPU time (ms, user + system) on each input: the best of three runs, the inputs taken in turn.
 * CPU time, not wall time: on a loaded machine the wall clock measures the other processes too.
 */
function times(...sizes: number[]): number[] {
  const builds = sizes.map((events) => build(events, 1));
  const best = sizes.map(() => Infinity);
  try {
    for (let round = 0; round < 3; round++)
      builds.forEach(({ dist, site }, i) => {
        rmSync(site, { recursive: true, force: true });
        const started = process.cpuUsage();
        buildSitePages({ distDir: dist, rootDir: ROOT, siteDir: site });
        const used = process.cpuUsage(started);
        best[i] = Math.min(best[i]!, (used.user + used.system) / 1000);
      });
    return best;
  } finally {
    for (const { dist } of builds) rmSync(dist, { recursive: true, force: true });
  }
}

test('twice the references to one entity take at most about twice as long (10,000 and 20,000)', (t) => {
  times(1000); // warm up
  const [once, twice] = times(10_000, 20_000) as [number, number];
  t.diagnostic(`pages stage CPU: 10,000 references ${once.toFixed(0)} ms, 20,000 ${twice.toFixed(0)} ms`);
  assert.ok(twice / once <= 2.5, `10,000 references: ${once.toFixed(0)} ms; 20,000: ${twice.toFixed(0)} ms`);
});

test('an entity referred to by many annotations is paged; one naming it 100,000 times makes small pages', () => {
  const many = build(2 * REFERENCES_PER_PAGE + 1, 1);
  const repeated = build(1, 100_000);
  try {
    buildSitePages({ distDir: many.dist, rootDir: ROOT, siteDir: many.site });
    const pages = readdirSync(join(many.site, 'entities', 'kyiv')).sort();
    assert.deepEqual(pages, ['2.html', '3.html']);
    const first = readFileSync(join(many.site, 'entities', 'kyiv.html'), 'utf8');
    assert.match(first, /href="\.\.\/entities\/kyiv\/3\.html"/, 'the first page links to the last');
    assert.equal(first.match(/\.html#a-/g)?.length, REFERENCES_PER_PAGE, 'a page lists more or fewer references');

    buildSitePages({ distDir: repeated.dist, rootDir: ROOT, siteDir: repeated.site });
    for (const page of ['entities/kyiv.html', `articles/${SEED_ID}.html`]) {
      const bytes = statSync(join(repeated.site, page)).size;
      assert.ok(bytes < 200_000, `${page} is ${bytes} bytes`);
    }
  } finally {
    rmSync(many.dist, { recursive: true, force: true });
    rmSync(repeated.dist, { recursive: true, force: true });
  }
});
