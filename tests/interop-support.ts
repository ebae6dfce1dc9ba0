/**
 * Shared by the annotation-tool tests: a synthetic article whose text has characters outside the BMP, a CRLF inside
 * a paragraph and repeated phrases, annotated with every kind; and a small registry. Everything is made up (the
 * Wikidata id below is a deliberately impossible test value, not a claim about any real item).
 */
import type { Article, Entity } from '../types/index.ts';
import type { Registry } from '../scripts/lib/registry.ts';
import { readW3c, W3C_CONTEXT, w3cAnnotations } from '../scripts/interop/w3c.ts';
import { bratAnn, readBrat } from '../scripts/interop/brat.ts';
import { labelStudioTask, readLabelStudio } from '../scripts/interop/label-studio.ts';
import type { Read } from '../scripts/interop/merge.ts';
import { articleText } from '../scripts/lib/text-quote.ts';
import { articleTemplate } from '../scripts/lib/article-template.ts';

export const TEST_QID = 'Q999999999';

const entity = (id: string, kind: Entity['kind'], name: string, identifiers: Entity['identifiers'] = {}): Entity => ({
  id,
  kind,
  name,
  aliases: [],
  demonyms: [],
  roles: [],
  identifiers,
});

export const SYNTHETIC_REGISTRY: Registry = {
  entities: new Map([
    ['jane-example', entity('jane-example', 'person', 'Jane Example', { wikidata: TEST_QID })],
    ['examplestan', entity('examplestan', 'country', 'Examplestan')],
  ]),
  outlets: new Map([['example-wire', { id: 'example-wire', name: 'Example Wire', url: null, country: null }]]),
};

/**
 * 𝔊 (U+1D50A) and 🚀 (U+1F680) are outside the BMP; "the grid" and "Jane Example" repeat; one paragraph holds a CRLF.
 */
export function syntheticArticle(): Article {
  return {
    // The metadata of a scaffolded record; the body and annotations below.
    ...articleTemplate('synthetic-interop', '2026-01-01', 'tests'),
    body: [
      {
        type: 'paragraph',
        text:
          '🚀 Jane Example said the grid in 𝔊-town was “broken,” she said. “We will fix the grid,” Jane ' +
          'Example added.',
      },
      {
        type: 'paragraph',
        text:
          'Examplestan reportedly lost 40% of the grid\r\nlast week, according to Example Wire. 🚀 ' +
          'Examplestan agreed.',
      },
    ],
    annotations: {
      mentions: [
        { id: 'm-jane-1', selector: { exact: 'Jane Example', suffix: ' said' }, entity: 'jane-example', form: 'name' },
        { id: 'm-jane-2', selector: { exact: 'Jane Example', prefix: '” ' }, entity: 'jane-example', form: 'name' },
        {
          id: 'm-examplestan-1',
          selector: { exact: 'Examplestan', suffix: ' reportedly' },
          entity: 'examplestan',
          form: 'name',
        },
        {
          id: 'm-examplestan-2',
          selector: { exact: 'Examplestan', prefix: '🚀 ' },
          entity: 'examplestan',
          form: 'name',
          standsFor: 'examplestan',
        },
      ],
      quotes: [
        {
          id: 'q-broken',
          selector: { exact: 'broken,' },
          continuations: [{ exact: 'We will fix the grid,' }],
          kind: 'direct',
          source: { kind: 'entity', entity: 'jane-example', affiliation: null, selector: { exact: 'she' } },
          cue: [{ exact: 'said', prefix: 'she ' }],
          hedges: [],
          outlet: null,
        },
      ],
      figures: [
        {
          id: 'f-grid-share',
          selector: { exact: '40%' },
          value: 40,
          unit: 'percent',
          currency: null,
          measures: 'Share of the grid lost',
          assertedBy: null,
          hedges: [{ exact: 'reportedly' }],
        },
      ],
      citedSources: [{ id: 'cs-example-wire', selector: { exact: 'Example Wire' }, outlet: 'example-wire' }],
      events: [
        {
          id: 'e-grid-loss',
          selector: { exact: 'lost 40% of the grid' },
          description: 'Examplestan loses part of its grid',
          entity: null,
          setting: null,
          place: 'examplestan',
          participants: ['examplestan'],
          time: {
            selector: { exact: 'last week' },
            type: 'instant',
            value: 'XXXX-WXX',
            beginPoint: null,
            endPoint: null,
            relative: { unit: 'week', offset: -1 },
          },
        },
      ],
      claims: [
        {
          id: 'c-agreed',
          selector: { exact: 'Examplestan agreed' },
          claimReviewed: 'Examplestan agreed',
          claimant: { kind: 'article', entity: null, affiliation: null, selector: null },
          checkable: false,
          isBasedOn: ['f-grid-share'],
          reviews: [],
        },
      ],
    },
    inferences: [],
  };
}

/** The article with no annotations: the clean record an import fills. */
export function withoutAnnotations(article: Article): Article {
  return {
    ...article,
    annotations: { mentions: [], quotes: [], figures: [], citedSources: [], events: [], claims: [] },
  };
}

/** An article's annotations as one W3C AnnotationPage, as the export's page files hold them. */
export function w3cPage(article: Article, registry: Registry): Record<string, unknown> {
  return {
    '@context': W3C_CONTEXT,
    id: 'page-1.jsonld',
    type: 'AnnotationPage',
    items: w3cAnnotations(article, registry),
  };
}

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Each format that imports: export the article, read the file back as the import does. */
export type { Read };
export const FORMATS: Record<string, (article: Article, registry: Registry) => Read> = {
  w3c: (article, registry) => readW3c(json(w3cPage(article, registry)), article.id),
  brat: (article, registry) => readBrat(bratAnn(article, registry), articleText(article)),
  'label-studio': (article, registry) => readLabelStudio(json([labelStudioTask(article, registry)]), article.id),
};
