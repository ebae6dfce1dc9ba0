/**
 * Model 1.1 on the site's pages, in memory: the genre on the landing page, list items in the article text, outlet
 * and implicit sources, belief attributions and claim hedges in the details.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishedArticleFile, PublishedIndex } from '../types/index.ts';
import { articlePage } from '../scripts/site/article-page.ts';
import { landingPage } from '../scripts/site/landing-page.ts';
import { ROOT, SEED_ID, sharedBuild } from './helpers.ts';

const DIST = sharedBuild(join(ROOT, 'data'));
const index = JSON.parse(readFileSync(join(DIST, 'index.json'), 'utf8')) as PublishedIndex;
const { article } = JSON.parse(readFileSync(join(DIST, 'articles', `${SEED_ID}.json`), 'utf8')) as PublishedArticleFile;
const registry = { entities: new Map(), outlets: new Map() };

test('the landing page names an article’s genre', () => {
  const withGenre = {
    ...index,
    articles: index.articles.map((a) => ({ ...a, genre: 'genre:Press_Release' as const })),
  };
  const { main } = landingPage({ name: 'x', version: index.version, resources: [] }, [], withGenre);
  assert.match(main, /press release<\/span><\/li>/);
});

test('list items, outlet and implicit sources, beliefs and claim hedges show on the article page', () => {
  const quote = article.annotations.quotes[0]!;
  const claim = article.annotations.claims[0]!;
  const changed = {
    ...article,
    body: article.body.map((b, i) => (i === 1 ? { ...b, type: 'listItem' as const, level: 2 } : b)),
    annotations: {
      ...article.annotations,
      quotes: [
        {
          ...quote,
          attribution: 'belief' as const,
          source: { ...quote.source, kind: 'outlet' as const, entity: null, outlets: ['reuters-x'] },
        },
      ],
      claims: [
        {
          ...claim,
          hedges: [quote.selector],
          claimant: { ...claim.claimant, kind: 'implicit' as const, entity: null },
        },
      ],
    },
  };
  const { main } = articlePage(changed, registry);
  assert.match(main, /<p class="item level-2">/);
  assert.match(main, /<dt>Speaker<\/dt><dd>reuters-x<\/dd>/);
  assert.match(main, /<dt>Reported as<\/dt>/);
  assert.match(main, /<dt>Claimant<\/dt><dd>a source the text implies but does not name<\/dd>/);
  assert.ok(main.includes(`<dt>Hedged by</dt><dd>“${quote.selector.exact}”`), 'no claim hedges');
});

test('a measure shows its UN/CEFACT unit code, and a PRESENT_REF or PAST_REF value reads as words', () => {
  const figure = article.annotations.figures[0]!;
  const event = article.annotations.events.find((e) => e.time !== null)!;
  const changed = {
    ...article,
    annotations: {
      ...article.annotations,
      figures: [{ ...figure, unit: 'measure' as const, currency: null, unitCode: 'SMI' }],
      events: ['PRESENT_REF', 'PAST_REF'].map((value, i) => ({
        ...event,
        id: `e-ref-${i}`,
        time: { ...event.time!, type: 'instant' as const, value, beginPoint: null, endPoint: null, relative: null },
      })),
    },
  };
  const { main } = articlePage(changed, registry);
  assert.ok(main.includes('<dt>Unit</dt><dd>measure (<abbr title="UN/CEFACT Common Code">SMI</abbr>)</dd>'), main);
  assert.ok(main.includes('”: the publication date</dd>'), 'PRESENT_REF');
  assert.ok(main.includes('”: a time before the publication date</dd>'), 'PAST_REF');
});
