/**
 * `npm run synth`: the corpus is deterministic, valid (schemas, grounding, references, the validator), clearly
 * synthetic, and never written inside the repository's data/ or dist/.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset, readSchema } from '../scripts/lib/collections.ts';
import { canonicalText } from '../scripts/lib/canonical.ts';
import { schemaValidators } from '../scripts/checks/schema.ts';
import { articleText, matchSelector } from '../scripts/lib/text-quote.ts';
import { validateData } from '../scripts/checks/run.ts';
import { writeCorpus } from '../scripts/synth/write.ts';
import { madeUpWord, poolSizes } from '../scripts/synth/registry.ts';
import type { Article, TextQuoteSelector } from '../types/index.ts';
import { ROOT, runScript } from './helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'synth-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const COUNT = 20;
const corpus = join(scratch, 'corpus');
writeCorpus({ count: COUNT, out: corpus, progress: false });
const dataset = loadDataset(corpus);

/** Every file of a corpus, relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const folder of readdirSync(dir)) {
    for (const name of readdirSync(join(dir, folder)))
      files.set(`${folder}/${name}`, readFileSync(join(dir, folder, name)));
  }
  return files;
}

/** Every selector inside a value: any object with a string `exact`. */
function selectorsIn(value: unknown, out: TextQuoteSelector[] = []): TextQuoteSelector[] {
  if (Array.isArray(value)) value.forEach((v) => selectorsIn(v, out));
  else if (value && typeof value === 'object') {
    if (typeof (value as TextQuoteSelector).exact === 'string') out.push(value as TextQuoteSelector);
    else Object.values(value).forEach((v) => selectorsIn(v, out));
  }
  return out;
}

test('the same seed and count give byte-identical files; another seed gives other articles', () => {
  const again = join(scratch, 'again');
  writeCorpus({ count: COUNT, out: again, progress: false });
  const first = snapshot(corpus);
  const second = snapshot(again);
  assert.deepEqual([...second.keys()], [...first.keys()]);
  for (const [path, bytes] of first) assert.ok(bytes.equals(second.get(path)!), `${path} differs between runs`);

  const other = join(scratch, 'other-seed');
  writeCorpus({ count: COUNT, out: other, seed: 'another seed', progress: false });
  const otherArticles = readdirSync(join(other, 'articles'));
  assert.equal(otherArticles.length, COUNT);
  assert.notDeepEqual(otherArticles, readdirSync(join(corpus, 'articles')));
});

test('the corpus has N articles and the registry records they reference, all clearly synthetic', () => {
  assert.equal(dataset.articles.length, COUNT);
  assert.ok(dataset.entities.length > 0 && dataset.outlets.length > 0);
  for (const collection of ['articles', 'entities', 'outlets'] as const) {
    for (const record of dataset[collection]) {
      assert.match(record.id, /^synth-/);
      assert.ok(existsSync(join(corpus, collection, `${record.id}.json`)), `${record.id} is not in a file of its name`);
    }
  }
  for (const article of dataset.articles) {
    assert.match(article.provenance.source, /[Ss]ynthetic/);
    assert.match(article.rights.note ?? '', /[Ss]ynthetic/);
    assert.ok(article.keywords.includes('synthetic'));
    assert.match(article.url ?? '', /^https:\/\/[a-z0-9-]+\.example\//, 'URLs stay on the reserved .example domain');
  }
  assert.equal(new Set(dataset.articles.map((a) => a.url)).size, COUNT, 'URLs are unique');
});

test('every record passes its generated schema, written in the canonical form `npm run fix` writes', () => {
  const validators = schemaValidators(join(ROOT, 'schemas'));
  const schemas = { articles: 'article', entities: 'entity', outlets: 'outlet' } as const;
  for (const collection of ['articles', 'entities', 'outlets'] as const) {
    for (const record of dataset[collection]) {
      assert.ok(validators[collection](record), `${record.id}: ${JSON.stringify(validators[collection].errors)}`);
      const text = readFileSync(join(corpus, collection, `${record.id}.json`), 'utf8');
      assert.equal(text, canonicalText(JSON.parse(text), readSchema(schemas[collection])), record.id);
    }
  }
});

test('every annotation is grounded exactly once, and articles are realistic in size', () => {
  for (const article of dataset.articles) {
    const text = articleText(article);
    assert.equal(text, text.normalize('NFC'));
    assert.ok(text.length > 2000, `${article.id} has a body of ${text.length} characters`);
    const selectors = selectorsIn(article.annotations);
    assert.ok(selectors.length >= 30, `${article.id} has ${selectors.length} selectors`);
    for (const selector of selectors) {
      assert.equal(matchSelector(text, selector).length, 1, `${article.id}: ${JSON.stringify(selector)}`);
    }
  }
});

test('every article exercises every kind of annotation, source, figure unit, mention form and block type', () => {
  const kinds = (article: Article) => {
    const { mentions, quotes, figures, events, claims, citedSources } = article.annotations;
    return new Set([
      ...mentions.map((m) => `mention ${m.form}${m.standsFor ? ' standing for another' : ''}`),
      ...quotes.map((q) => `quote ${q.kind}`),
      ...[...quotes.map((q) => q.source), ...claims.map((c) => c.claimant)].map((s) => `source ${s.kind}`),
      ...figures.map((f) => `figure ${f.unit}`),
      ...events.map((e) => `event ${e.time?.type ?? 'untimed'}${e.time?.relative ? ' relative' : ''}`),
      ...claims.flatMap((c) => (c.reviews.length > 0 ? ['claim reviewed'] : [])),
      ...citedSources.map(() => 'cited source'),
      ...article.inferences.map(() => 'inference'),
      ...article.body.map((b) => `block ${b.type}`),
    ]);
  };
  const expected = [
    ...['mention name', 'mention nominal', 'mention demonym', 'mention name standing for another'],
    ...['quote direct', 'quote partial', 'quote paraphrase', 'cited source', 'claim reviewed', 'inference'],
    ...['source article', 'source implicit', 'source outlet', 'source entity'],
    ...['figure currency', 'figure percent', 'figure count', 'figure measure', 'figure unstated'],
    ...['event instant', 'event interval', 'event instant relative', 'event untimed'],
    ...['block paragraph', 'block subheading', 'block listItem'],
  ];
  const all = new Set<string>();
  for (const article of dataset.articles) {
    const found = kinds(article);
    found.forEach((kind) => all.add(kind));
    assert.deepEqual(
      expected.filter((kind) => !found.has(kind) && !kind.startsWith('event ')),
      [],
      article.id,
    );
  }
  assert.deepEqual(
    [...expected, 'source unnamed', 'source group'].filter((kind) => !all.has(kind)),
    [],
  );
});

test('every reference resolves and every registry record is referenced', () => {
  const entities = new Set(dataset.entities.map((e) => e.id));
  const outlets = new Set(dataset.outlets.map((o) => o.id));
  const usedEntities = new Set<string>();
  const usedOutlets = new Set<string>();
  const entity = (id: string | null | undefined) => {
    if (id == null) return;
    assert.ok(entities.has(id), `unknown entity ${id}`);
    usedEntities.add(id);
  };
  const outlet = (id: string | null) => {
    if (id === null) return;
    assert.ok(outlets.has(id), `unknown outlet ${id}`);
    usedOutlets.add(id);
  };
  for (const a of dataset.articles) {
    outlet(a.publisher);
    a.annotations.mentions.forEach((m) => (entity(m.entity), entity(m.standsFor)));
    a.annotations.quotes.forEach((q) => (entity(q.source.entity), entity(q.source.affiliation), outlet(q.outlet)));
    a.annotations.figures.forEach((f) => entity(f.assertedBy));
    a.annotations.citedSources.forEach((c) => outlet(c.outlet));
    a.annotations.events.forEach((e) => [e.entity, e.setting, e.place, ...e.participants].forEach(entity));
    a.annotations.claims.forEach((c) => (entity(c.claimant.entity), entity(c.claimant.affiliation)));
  }
  for (const e of dataset.entities) e.roles.forEach((r) => entity(r.of));
  assert.deepEqual(
    [...entities].filter((id) => !usedEntities.has(id)),
    [],
    'unreferenced entities',
  );
  assert.deepEqual(
    [...outlets].filter((id) => !usedOutlets.has(id)),
    [],
    'unreferenced outlets',
  );
});

/** The value a figure's surface text states: digits (commas grouping thousands) times a scale word. */
function surfaceValue(exact: string): number {
  const match = /([\d,]+(?:\.\d+)?)\s*(million|billion)?/.exec(exact);
  assert.ok(match, exact);
  const scale = match[2] === 'billion' ? 1e9 : match[2] === 'million' ? 1e6 : 1;
  return Number(match[1]!.replace(/,/g, '')) * scale;
}

test('figures match their surface text, and dates are real and in the past', () => {
  const today = new Date().toISOString().slice(0, 10);
  const realDay = (date: string) => {
    const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
    const parsed = new Date(Date.UTC(y, m - 1, d));
    return parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
  };
  for (const a of dataset.articles) {
    for (const f of a.annotations.figures) {
      assert.equal(f.value, surfaceValue(f.selector.exact), `${a.id} ${f.id}`);
      if (f.unit === 'percent') assert.ok(f.value >= 0 && f.value <= 100);
    }
    assert.ok(a.datePublished && realDay(a.datePublished) && a.datePublished <= today);
    if (a.dateModified) assert.ok(a.dateModified >= a.datePublished);
    assert.ok(realDay(a.provenance.dateAdded) && a.provenance.dateAdded <= today);
    for (const e of a.annotations.events) {
      for (const value of [e.time?.value, e.time?.beginPoint, e.time?.endPoint]) {
        if (value && /^\d{4}(?:-\d{2}){0,2}$/.test(value))
          assert.ok(value <= a.datePublished, `${a.id} ${e.id}: ${value}`);
      }
    }
  }
});

test('bodies are far from near-duplicates (5-word shingles)', () => {
  const shingles = (article: Article) => {
    const words = articleText(article).toLowerCase().split(/\s+/);
    return new Set(words.slice(4).map((_, i) => words.slice(i, i + 5).join(' ')));
  };
  const sets = dataset.articles.map(shingles);
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const shared = [...sets[i]!].filter((s) => sets[j]!.has(s)).length;
      const jaccard = shared / (sets[i]!.size + sets[j]!.size - shared);
      assert.ok(jaccard < 0.2, `${dataset.articles[i]!.id} and ${dataset.articles[j]!.id}: ${jaccard.toFixed(2)}`);
    }
  }
});

test('made-up names are distinct within a pool, at any size', () => {
  for (const size of [10, 5_000, 40_000]) {
    const words = new Set<string>();
    for (let k = 0; k < size; k++) words.add(madeUpWord(0, k));
    assert.equal(words.size, size);
  }
  const sizes = poolSizes(100_000);
  assert.ok(Object.values(sizes).every((n) => n >= 1 && n <= 100_000));
});

test('the validator finds no error in the synthetic corpus', async () => {
  const report = await validateData({ dataDir: corpus });
  const errors = report.findings.filter((f) => f.severity === 'error');
  assert.deepEqual(errors, []);
});

test('synth refuses to write inside data/ or dist/, and explains', () => {
  const before = readdirSync(join(ROOT, 'data', 'articles'));
  try {
    for (const out of [join(ROOT, 'data'), join(ROOT, 'data', 'synthetic'), join(ROOT, 'dist', 'x')]) {
      const result = runScript('synth.ts', ['--count', '1', '--out', out]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(
        result.stderr,
        /^error: refusing --out .*(it is|it lies inside) the repository's (data folder|dist\/)/,
      );
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
    assert.deepEqual(readdirSync(join(ROOT, 'data', 'articles')), before);
  } finally {
    // Should the guard ever break, remove what synth wrote, and only that: a record that was there stays.
    for (const name of readdirSync(join(ROOT, 'data', 'articles'))) {
      if (name.startsWith('synth-') && !before.includes(name)) rmSync(join(ROOT, 'data', 'articles', name));
    }
  }
});

test('synth reports usage mistakes with exit code 2', () => {
  const missing = runScript('synth.ts', ['--out', join(scratch, 'x')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--count and --out are required/);
  const bad = runScript('synth.ts', ['--count', 'ten', '--out', join(scratch, 'x')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--count must be a positive integer/);
  const occupied = runScript('synth.ts', ['--count', '1', '--out', corpus]);
  assert.equal(occupied.code, 2);
  assert.match(occupied.stderr, /already holds files/);
});
