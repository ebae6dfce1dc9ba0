/** The first article: verbatim, valid, and completely annotated. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadDataset } from '../scripts/lib/load.ts';
import { schemaValidators } from '../scripts/checks/schema.ts';
import { articleText } from '../scripts/lib/text-quote.ts';
import { DATA_DIR, ROOT, SEED_ID, SEED_TEXT_SHA256 } from './helpers.ts';

const dataset = loadDataset(DATA_DIR);
const validators = schemaValidators(join(ROOT, 'schemas'));
const seed = dataset.articles.find((a) => a.id === SEED_ID);

test('the seed article exists', () => {
  assert.ok(seed, `data/articles/${SEED_ID}.json is missing`);
});

test('every record in data/ validates against its generated schema', () => {
  for (const [collection, records] of Object.entries(dataset)) {
    const validate = validators[collection as keyof typeof validators];
    for (const record of records) {
      assert.ok(validate(record), `${collection}/${record.id}: ${JSON.stringify(validate.errors)}`);
    }
  }
});

test('the schema rejects an unknown property and a malformed id', () => {
  assert.ok(seed);
  assert.equal(validators.articles({ ...seed, subtitle: 'x' }), false);
  assert.equal(validators.articles({ ...seed, id: 'Not A Slug' }), false);
  assert.equal(validators.articles({ ...seed, url: 'ftp://example.org/a' }), false);
  assert.equal(validators.articles({ ...seed, datePublished: '2025-13' }), false);
});

test('the body reproduces the seed file verbatim (pinned SHA-256): five paragraphs and one subheading', () => {
  assert.ok(seed);
  assert.equal(createHash('sha256').update(articleText(seed), 'utf8').digest('hex'), SEED_TEXT_SHA256);
  assert.deepEqual(
    seed.body.map((b) => b.type),
    ['paragraph', 'paragraph', 'subheading', 'paragraph', 'paragraph', 'paragraph'],
  );
  assert.equal(seed.body[2]?.text, 'Misaligned expectations and strategy');
  assert.ok(articleText(seed).includes('Ukraine’s'), 'typographic apostrophes are kept');
  assert.ok(articleText(seed).includes('“pay back”'), 'typographic quotes are kept');
});

test('metadata the text does not give is unknown or flagged, never invented', () => {
  assert.ok(seed);
  assert.equal(seed.url, null);
  assert.equal(seed.publisher, null);
  assert.equal(seed.authors, null);
  assert.equal(seed.datePublished, null);
  assert.equal(seed.headline.origin, 'curator');
  for (const figure of seed.annotations.figures) {
    if (figure.unit !== 'currency') assert.equal(figure.currency, null, `${figure.id} has a currency the text lacks`);
  }
  const inferred = seed.inferences.filter((i) => i.field === 'currency').map((i) => i.about).sort();
  assert.deepEqual(inferred, ['f-aid-300-billion', 'f-minerals-500-billion']);
});

test('the seed is annotated completely', () => {
  assert.ok(seed);
  const { mentions, quotes, figures, citedSources, events } = seed.annotations;
  const mentioned = new Set(mentions.map((m) => m.entity));
  for (const entity of [
    'volodymyr-zelensky', 'donald-trump', 'scott-bessent', 'ukraine', 'united-states', 'russia', 'kyiv',
    'washington-dc', 'munich', 'us-department-of-the-treasury', 'munich-security-conference', 'russo-ukrainian-war',
    'victory-plan', 'rare-earth-elements', 'lanthanum', 'cerium', 'neodymium', 'batteries', 'nuclear-power',
    'advanced-weaponry',
  ]) {
    assert.ok(mentioned.has(entity), `no mention of ${entity}`);
  }
  // Every occurrence of the most frequent names is annotated, not just the first.
  const text = articleText(seed);
  const count = (s: string) => text.split(s).length - 1;
  assert.equal(mentions.filter((m) => m.entity === 'volodymyr-zelensky').length, count('Zelensky'));
  assert.equal(mentions.filter((m) => m.entity === 'united-states' && m.selector.exact === 'U.S.').length, count('U.S.'));
  assert.deepEqual(citedSources.map((c) => c.outlet).sort(), ['reuters', 'the-economist', 'the-washington-post']);
  const zelensky = quotes.find((q) => q.speaker === 'volodymyr-zelensky' && q.kind === 'direct');
  assert.ok(zelensky && zelensky.continuations.length === 1, 'Zelensky’s two-sentence quote');
  assert.ok(quotes.some((q) => q.speaker === 'donald-trump' && q.selector.exact === 'pay back'));
  assert.deepEqual(
    figures.map((f) => [f.selector.exact, f.value, f.unit]),
    [['50%', 50, 'percent'], ['300 billion', 300e9, 'unstated'], ['500 billion', 500e9, 'unstated']],
  );
  assert.deepEqual(
    events.map((e) => e.time?.selector.exact).sort(),
    ['October 2024', 'last week', 'last weekend', 'since 2022'],
  );
});

test('every reference in the seed resolves to a registry record', () => {
  assert.ok(seed);
  const entities = new Set(dataset.entities.map((e) => e.id));
  const outlets = new Set(dataset.outlets.map((o) => o.id));
  const a = seed.annotations;
  const entityRefs = [
    ...a.mentions.flatMap((m) => [m.entity, m.standsFor]),
    ...a.quotes.map((q) => q.speaker),
    ...a.figures.map((f) => f.assertedBy),
    ...a.events.map((e) => e.entity),
  ].filter((id): id is string => typeof id === 'string');
  for (const id of entityRefs) assert.ok(entities.has(id), `unknown entity ${id}`);
  for (const c of a.citedSources) assert.ok(outlets.has(c.outlet), `unknown outlet ${c.outlet}`);
  const ids = new Set([...Object.values(a).flat().map((x) => x.id), 'article']);
  for (const inference of seed.inferences) assert.ok(ids.has(inference.about), `inference about unknown ${inference.about}`);
});
