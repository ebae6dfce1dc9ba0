/**
 * Model 1.1 end to end on a small article of its own: a round-up whose speaker is named in a subheading over list
 * items, an outlet source, an implicit source with a hedged claim, a belief, a genre and a Wikidata check validate
 * with every rule, and the published offsets of a selector in a list item count across blocks as for paragraphs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { editJson, scratchDataset, FIXTURE_ARTICLE } from '../scripts/checks/test-kit.ts';
import { validateData } from '../scripts/checks/run.ts';
import { positionArticle } from '../scripts/publish/positions.ts';
import type { Article, Entity, Source } from '../types/index.ts';

const source = (kind: Source['kind'], extra: Partial<Source> = {}): Source => ({
  kind,
  entity: null,
  affiliation: null,
  selector: null,
  ...extra,
});

test(
  'model 1.1: list items, a subheading source, outlet and implicit sources, a belief and claim ' + 'hedges are valid',
  async (t) => {
    const { dir, dispose } = scratchDataset();
    t.after(dispose);
    let article: Article | undefined;
    editJson(dir, FIXTURE_ARTICLE, (a: Article) => {
      a.genre = 'genre:Summary';
      a.body.push(
        { type: 'subheading', text: 'The minister on the radio' },
        { type: 'listItem', level: 1, text: 'On repairs: “The grid will hold.”' },
        { type: 'listItem', level: 2, text: 'Crews allegedly work at night, the Daily Ledger says.' },
      );
      const quote = a.annotations.quotes[0]!;
      a.annotations.quotes.push(
        {
          ...quote,
          id: 'q-grid-hold',
          selector: { exact: 'The grid will hold.' },
          continuations: [],
          kind: 'direct',
          // The speaker is named in the subheading over the list.
          source: source('entity', {
            entity: 'olena-kovalenko',
            selector: { exact: 'The minister', suffix: ' on the radio' },
          }),
          cue: [],
          hedges: [],
          attribution: 'belief',
        },
        {
          ...quote,
          id: 'q-crews',
          selector: { exact: 'Crews allegedly work at night' },
          continuations: [],
          kind: 'paraphrase',
          source: source('outlet', { outlets: ['daily-ledger'], selector: { exact: 'Daily Ledger' } }),
          cue: [{ exact: 'says', prefix: 'Ledger ' }],
          hedges: [],
        },
      );
      a.annotations.claims.push({
        ...a.annotations.claims[0]!,
        id: 'c-crews',
        selector: { exact: 'Crews allegedly work at night' },
        claimReviewed: 'Crews work at night.',
        claimant: source('implicit'),
        hedges: [{ exact: 'allegedly' }],
        isBasedOn: [],
        reviews: [],
      });
      article = a;
    });
    editJson(dir, 'entities/olena-kovalenko.json', (e: Entity) => {
      e.wikidataCheck = { status: 'none', checkedIn: 'a Wikidata search for the name', checkedOn: '2026-12-07' };
    });
    const { findings } = await validateData({ dataDir: dir, paths: [join(dir, FIXTURE_ARTICLE)] });
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
    // Offsets count across list items exactly as across paragraphs: the blocks joined with line feeds.
    const published = positionArticle(article!);
    const text = article!.body.map((b) => b.text).join('\n');
    const crews = published.annotations.claims.find((c) => c.id === 'c-crews')!;
    assert.equal(text.slice(crews.selector.start, crews.selector.end), 'Crews allegedly work at night');
    assert.equal(crews.hedges![0]!.start, crews.selector.start + 'Crews '.length);
  },
);

test(
  'model 1.1: “currently” is PRESENT_REF and “a 211-mile road” a measure in SMI; a measure without its code, ' +
    'or PAST_REF as an interval end, is a located error',
  async (t) => {
    const { dir, dispose } = scratchDataset();
    t.after(dispose);
    const edit = (unitCode: string | null, endPoint: string | null) =>
      editJson(dir, FIXTURE_ARTICLE, (a: Article) => {
        a.body.splice(3);
        a.body.push({ type: 'paragraph', text: 'Crews are currently paving a 211-mile road.' });
        a.annotations.figures.splice(2);
        a.annotations.figures.push({
          ...a.annotations.figures[0]!,
          id: 'f-road',
          selector: { exact: '211-mile' },
          value: 211,
          unit: 'measure',
          currency: null,
          measures: 'Length of the road being paved',
          assertedBy: null,
          ...(unitCode === null ? {} : { unitCode }),
        });
        const event = a.annotations.events[0]!;
        a.annotations.events.splice(1);
        a.annotations.events.push({
          ...event,
          id: 'e-paving',
          selector: { exact: 'paving' },
          description: 'Crews pave a road',
          time: {
            selector: { exact: 'currently' },
            type: endPoint === null ? 'instant' : 'interval',
            value: endPoint === null ? 'PRESENT_REF' : null,
            beginPoint: endPoint === null ? null : '2024',
            endPoint,
            relative: null,
          },
        });
      });
    const errors = async () =>
      (await validateData({ dataDir: dir, paths: [join(dir, FIXTURE_ARTICLE)] })).findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.pointer}: ${f.message}`);
    edit('SMI', null);
    assert.deepEqual(await errors(), []);
    edit(null, 'PAST_REF');
    const found = await errors();
    assert.ok(
      found.some((e) => e.startsWith('/annotations/figures/2/unit: a figure with unit "measure" needs a unitCode')),
      found.join('\n'),
    );
    assert.ok(
      found.some((e) => e.startsWith('/annotations/events/1/time/endPoint')),
      found.join('\n'),
    );
  },
);
