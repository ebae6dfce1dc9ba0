/** The first article: verbatim, valid, and completely annotated. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadDataset } from '../scripts/lib/collections.ts';
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
  const inferred = seed.inferences
    .filter((i) => i.field === '/currency')
    .map((i) => i.about)
    .sort();
  assert.deepEqual(inferred, ['f-aid-300-billion', 'f-minerals-500-billion']);
});

test('the seed is annotated completely', () => {
  assert.ok(seed);
  const { mentions, quotes, figures, citedSources, events, claims } = seed.annotations;
  const mentioned = new Set(mentions.map((m) => m.entity));
  for (const entity of [
    'volodymyr-zelensky',
    'donald-trump',
    'scott-bessent',
    'ukraine',
    'united-states',
    'russia',
    'kyiv',
    'washington-dc',
    'munich',
    'us-department-of-the-treasury',
    'munich-security-conference',
    'russo-ukrainian-war',
    'victory-plan',
    'rare-earth-element',
    'lanthanum',
    'cerium',
    'neodymium',
    'electric-battery',
    'nuclear-power',
    'military-aid',
    'us-minerals-proposal',
  ]) {
    assert.ok(mentioned.has(entity), `no mention of ${entity}`);
  }
  // Every occurrence of the most frequent names is annotated, not just the first.
  const text = articleText(seed);
  const count = (s: string) => text.split(s).length - 1;
  assert.equal(mentions.filter((m) => m.entity === 'volodymyr-zelensky').length, count('Zelensky'));
  // “U.S.” is a mention of the United States, except inside the name “U.S. Treasury”.
  assert.equal(
    mentions.filter((m) => m.entity === 'united-states' && m.selector.exact === 'U.S.').length,
    count('U.S.') - count('U.S. Treasury'),
  );
  // The article's subject, the minerals proposal, is referred to seven times.
  assert.equal(mentions.filter((m) => m.entity === 'us-minerals-proposal').length, 7);
  // Nominals take their determiner; “the country” is Ukraine.
  const nominal = (exact: string) => mentions.find((m) => m.selector.exact === exact && m.form === 'nominal');
  assert.equal(nominal('the country')?.entity, 'ukraine');
  assert.equal(nominal('the conference')?.entity, 'munich-security-conference');
  assert.equal(nominal('the ongoing conflict with Russia')?.entity, 'russo-ukrainian-war');
  assert.ok(
    mentions.some((m) => m.selector.exact === 'rare earth minerals'),
    '“rare earth” spans take “minerals”',
  );
  assert.deepEqual(citedSources.map((c) => c.outlet).sort(), ['reuters', 'the-economist', 'the-washington-post']);
  // Reported speech: source, cue and content, including the unnamed group source and Trump's indirect statement.
  const zelensky = quotes.find((q) => q.source.entity === 'volodymyr-zelensky' && q.kind === 'direct');
  assert.ok(zelensky && zelensky.continuations.length === 1, 'Zelensky’s two-sentence quote');
  assert.deepEqual(
    zelensky.cue.map((c) => c.exact),
    ['told'],
  );
  assert.ok(
    quotes.some(
      (q) =>
        q.source.entity === 'donald-trump' &&
        q.kind === 'paraphrase' &&
        q.selector.exact.startsWith('he wants Ukraine'),
    ),
  );
  assert.ok(quotes.some((q) => q.source.entity === 'donald-trump' && q.selector.exact === 'pay back'));
  const officials = quotes.find((q) => q.source.kind === 'group');
  assert.equal(officials?.source.selector?.exact, 'U.S. officials');
  assert.equal(officials?.source.entity, null, 'no person is invented for a group source');
  assert.deepEqual(
    officials?.cue.map((c) => c.exact),
    ['view', 'as'],
  );
  assert.deepEqual(
    figures.map((f) => [f.selector.exact, f.value, f.unit, f.assertedBy]),
    [
      ['50%', 50, 'percent', null],
      ['300 billion', 300e9, 'unstated', null],
      ['500 billion', 500e9, 'unstated', 'donald-trump'],
    ],
  );
  assert.deepEqual(
    events
      .flatMap((e) =>
        e.time ? [[e.time.selector.exact, e.time.type, e.time.value, e.time.beginPoint, e.time.endPoint]] : [],
      )
      .sort(),
    [
      ['October 2024', 'instant', '2024-10', null, null],
      ['last week', 'instant', 'XXXX-WXX', null, null],
      ['last week', 'instant', 'XXXX-WXX', null, null],
      ['last weekend', 'instant', 'XXXX-WXX-WE', null, null],
      ['last weekend', 'instant', 'XXXX-WXX-WE', null, null],
      ['since 2022', 'interval', null, '2022', 'PRESENT_REF'],
    ],
  );
  // What an event is, apart from where it happened: no event's entity is the conference it happened at.
  for (const e of events) assert.notEqual(e.entity, 'victory-plan');
  assert.equal(events.find((e) => e.id === 'e-munich-refusal')?.setting, 'munich-security-conference');
  assert.equal(events.find((e) => e.id === 'e-munich-refusal')?.entity, null);
  assert.ok(
    events.some((e) => e.selector.exact.includes('has firmly rejected')),
    'the main event',
  );
  assert.ok(claims.length > 0 && claims.every((c) => c.reviews.length === 0), 'claims, with no truth ratings');
  assert.ok(claims.some((c) => c.claimant.kind === 'group') && claims.some((c) => c.claimant.kind === 'article'));
});

test('the Munich date inferences rest on one fact, with one confidence, and point at what they infer', () => {
  assert.ok(seed);
  const dated = seed.inferences.filter((i) =>
    /Munich Security Conference was held from Friday 14 to Sunday 16 February 2025/.test(i.rationale),
  );
  assert.deepEqual(dated.map((i) => i.field).sort(), [
    '/datePublished',
    '/time/value',
    '/time/value',
    '/time/value',
    '/time/value',
  ]);
  assert.equal(new Set(dated.map((i) => i.confidence)).size, 1);
  const attribution = seed.inferences.find((i) => i.about === 'f-aid-300-billion' && i.field === '/assertedBy');
  assert.equal(attribution?.value, 'donald-trump', 'attributing the estimate to Trump is a flagged inference');
});

test('every reference in the seed resolves to a registry record', () => {
  assert.ok(seed);
  const entities = new Set(dataset.entities.map((e) => e.id));
  const outlets = new Set(dataset.outlets.map((o) => o.id));
  const a = seed.annotations;
  const entityRefs = [
    ...a.mentions.flatMap((m) => [m.entity, m.standsFor]),
    ...a.quotes.flatMap((q) => [q.source.entity, q.source.affiliation]),
    ...a.figures.map((f) => f.assertedBy),
    ...a.events.flatMap((e) => [e.entity, e.setting, e.place, ...e.participants]),
    ...a.claims.flatMap((c) => [c.claimant.entity, c.claimant.affiliation]),
  ].filter((id): id is string => typeof id === 'string');
  for (const id of entityRefs) assert.ok(entities.has(id), `unknown entity ${id}`);
  for (const c of a.citedSources) assert.ok(outlets.has(c.outlet), `unknown outlet ${c.outlet}`);
  const ids = new Set([
    ...Object.values(a)
      .flat()
      .map((x: { id: string }) => x.id),
    'article',
  ]);
  for (const inference of seed.inferences)
    assert.ok(ids.has(inference.about), `inference about unknown ${inference.about}`);
});

test('issue 25 stays fixed: event heads, statements as events, the Munich refusal as a claim, names as aliases', () => {
  assert.ok(seed);
  const { events, claims, mentions } = seed.annotations;
  const head = (id: string) => events.find((e) => e.id === id)?.selector.exact;
  assert.equal(head('e-rejection'), 'has firmly rejected', 'an event span is its head, not the clause');
  assert.equal(head('e-munich-refusal'), 'refusal');
  assert.equal(head('e-victory-plan-unveiled'), 'unveiled');
  const stated = events.find((e) => e.selector.exact === 'has openly stated');
  assert.deepEqual(stated?.participants, ['donald-trump'], 'Trump’s reported statement is an event');
  const refusal = claims.find((c) => c.id === 'c-munich-refusal');
  assert.ok(
    refusal?.checkable && refusal.claimant.kind === 'article',
    'the refusal to sign at Munich is a checkable claim',
  );
  const entity = (id: string) => dataset.entities.find((e) => e.id === id);
  assert.ok(!entity('victory-plan')?.aliases.includes('victory plan'), 'a document has no lowercase alias');
  assert.ok(!entity('us-department-of-the-treasury')?.aliases.includes('Treasury'), 'no bare “Treasury” alias');
  assert.equal(mentions.find((m) => m.entity === 'victory-plan')?.form, 'nominal');
});

test('second review: the visit, the outlets and “reportedly” as attributions, one clause per claim', () => {
  assert.ok(seed);
  const { events, quotes, claims } = seed.annotations;
  const visit = events.find((e) => e.selector.exact === 'visit');
  assert.deepEqual(visit?.participants, ['scott-bessent'], 'Bessent’s visit is an event of its own');
  assert.ok(
    !events.find((e) => e.id === 'e-proposal-presented')?.participants.includes('scott-bessent'),
    'the text does not say Bessent presented the proposal',
  );
  const reports = quotes.find((q) => q.source.kind === 'outlet');
  assert.deepEqual(reports?.source.outlets, ['the-economist', 'the-washington-post', 'reuters']);
  assert.deepEqual(
    reports?.cue.map((c) => c.exact),
    ['According to'],
  );
  const reportedly = quotes.find((q) => q.source.kind === 'implicit');
  assert.deepEqual(
    reportedly?.hedges.map((h) => h.exact),
    ['reportedly'],
  );
  const claim = (exact: string) => claims.find((c) => c.selector.exact === exact);
  assert.equal(claim('These minerals, which include lanthanum, cerium, and neodymium')?.checkable, true);
  assert.ok(
    claims.some(
      (c) =>
        c.checkable &&
        c.selector.exact.endsWith('emerged during tense negotiations amid the ongoing conflict with Russia'),
    ),
    'the deal’s emergence is a checkable claim',
  );
});
