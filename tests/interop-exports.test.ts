/**
 * The four annotation-tool exports, checked by real parsers: the W3C export expanded by `jsonld` against the vendored
 * W3C context (offline), the brat export read by our .ann parser (itself tested on the format documentation's
 * examples), Label Studio offsets on text outside the BMP, and spaCy-style spans re-sliced by Debian's Python.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import type { Options } from 'jsonld';
import { ROOT } from './helpers.ts';
import { SYNTHETIC_REGISTRY, TEST_QID, syntheticArticle, w3cPage } from './interop-support.ts';
import { ANNO_CONTEXT } from '../scripts/interop/w3c.ts';
import { BratSyntaxError, bratAnn, bratConf, parseBratAnn } from '../scripts/interop/brat.ts';
import { labelStudioConfig, labelStudioTask } from '../scripts/interop/label-studio.ts';
import { spacyLine } from '../scripts/interop/spacy.ts';
import { entityKinds } from '../scripts/interop/model.ts';
import { articleText } from '../scripts/lib/text-quote.ts';

const article = syntheticArticle();
const text = articleText(article);
const points = [...text];
const ANNO = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'vendor', 'w3c-anno-context', 'anno.jsonld'), 'utf8'),
) as RemoteDocument['document'];
/** What a JSON-LD document loader returns (@types/jsonld does not export the name). */
type RemoteDocument = Awaited<ReturnType<NonNullable<Options.DocLoader['documentLoader']>>>;
const OA = 'http://www.w3.org/ns/oa#';

test(
  'W3C: a page expands with jsonld against the W3C context, offline, into TextQuote and TextPosition ' +
    'selectors and meaningful bodies',
  async () => {
    const documentLoader = (url: string): Promise<RemoteDocument> => {
      if (url === ANNO_CONTEXT || url === 'https://www.w3.org/ns/anno.jsonld')
        return Promise.resolve({ contextUrl: undefined, documentUrl: url, document: ANNO });
      return Promise.reject(new Error(`offline: no remote context (${url})`));
    };
    const collection = w3cPage(article, SYNTHETIC_REGISTRY);
    const [expanded] = (await jsonld.expand(collection, { documentLoader })) as unknown as Array<Record<string, any>>;
    assert.match(JSON.stringify(expanded!['@type']), /OrderedCollectionPage/);
    const items = expanded!['http://www.w3.org/ns/activitystreams#items'][0]['@list'] as Array<Record<string, any>>;
    const total = Object.values(article.annotations).reduce<number>(
      (n, list: readonly unknown[]) => n + list.length,
      0,
    );
    assert.equal(items.length, total + article.body.length + (article.genre ? 1 : 0), 'annotations, blocks, genre');
    for (const item of items) {
      assert.deepEqual(item['@type'], [`${OA}Annotation`]);
      const id = String(item['@id']);
      if (/:block:\d+$/.test(id)) {
        // A block: its position selects the block, its body's type is the block's.
        const [target] = item[`${OA}hasTarget`] as Array<Record<string, any>>;
        const position = target![`${OA}hasSelector`][0] as Record<string, Array<{ '@value': number }>>;
        const index = Number(/:block:(\d+)$/.exec(id)![1]) - 1;
        const [start, end] = [position[`${OA}start`]![0]!['@value'], position[`${OA}end`]![0]!['@value']];
        const text = points.slice(start, end).join('');
        assert.equal(text, article.body[index]!.text);
        assert.deepEqual(item[`${OA}hasBody`][0]['@type'], ['urn:annotated-news:vocab:Paragraph']);
        continue;
      }
      for (const target of item[`${OA}hasTarget`]) {
        assert.equal(target[`${OA}hasSource`][0]['@id'], `urn:annotated-news:article:${article.id}`);
        const selectors = target[`${OA}hasSelector`] as Array<Record<string, any>>;
        const quote = selectors.find((s) => s['@type'][0] === `${OA}TextQuoteSelector`)!;
        const position = selectors.find((s) => s['@type'][0] === `${OA}TextPositionSelector`)!;
        const start = Number(position[`${OA}start`][0]['@value']);
        const end = Number(position[`${OA}end`][0]['@value']);
        // Code points: the position selects exactly the quoted text.
        assert.equal(points.slice(start, end).join(''), quote[`${OA}exact`][0]['@value']);
      }
    }
    const mention = items.find((i) => i['@id'].endsWith(':annotation:m-jane-1'))!;
    const identifying = mention[`${OA}hasBody`].find(
      (b: any) => b[`${OA}hasPurpose`]?.[0]?.['@id'] === `${OA}identifying`,
    );
    assert.equal(
      identifying[`${OA}hasSource`][0]['@id'],
      `http://www.wikidata.org/entity/${TEST_QID}`,
      'an entity with a QID is its Wikidata IRI',
    );
    const country = items.find((i) => i['@id'].endsWith(':annotation:m-examplestan-1'))!;
    assert.ok(
      JSON.stringify(country).includes('urn:annotated-news:entity:examplestan'),
      'an entity without a QID is the dataset URN',
    );
    const quote = JSON.stringify(items.find((i) => i['@id'].endsWith(':annotation:q-broken')));
    assert.match(quote, /urn:annotated-news:vocab:kind.*"direct"/);
    assert.match(quote, /urn:annotated-news:vocab:speaker/);
    assert.match(quote, /urn:annotated-news:vocab:sourceKind.*"entity"/, 'a nested choice is a body property');
    const figure = JSON.stringify(items.find((i) => i['@id'].endsWith(':annotation:f-grid-share')));
    assert.match(figure, /rdf-syntax-ns#value":\[\{"@value":40\}/);
    assert.match(figure, /urn:annotated-news:vocab:unit.*"percent"/);
  },
);

test(
  "brat: our .ann parser reads the format documentation's examples, and rejects malformed lines with their " + 'number',
  () => {
    // The examples of https://brat.nlplab.org/standoff.html, one per annotation type.
    const doc = parseBratAnn(
      [
        'T1\tOrganization 0 4\tSony',
        'T2\tMERGE-ORG 14 27\tjoint venture',
        'T3\tOrganization 33 41\tEricsson',
        'E1\tMERGE-ORG:T2 Org1:T1 Org2:T3',
        'T4\tCountry 75 81\tSweden',
        'R1\tOrigin Arg1:T3 Arg2:T4',
        'A1\tNegation E1',
        'A2\tConfidence E1 L1',
        'M3\tUncertain E1',
        'N1\tReference T1 Wikipedia:534366\tBarack Obama',
        '#1\tAnnotatorNotes T1\tthis annotation is suspect',
        'T5\tLocation 0 5;16 23\tNorth America',
        '*\tEquiv T1 T3',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      doc.textBounds.map((t) => [t.id, t.type, t.fragments, t.text]),
      [
        ['T1', 'Organization', [[0, 4]], 'Sony'],
        ['T2', 'MERGE-ORG', [[14, 27]], 'joint venture'],
        ['T3', 'Organization', [[33, 41]], 'Ericsson'],
        ['T4', 'Country', [[75, 81]], 'Sweden'],
        [
          'T5',
          'Location',
          [
            [0, 5],
            [16, 23],
          ],
          'North America',
        ],
      ],
    );
    assert.deepEqual(doc.events[0], {
      id: 'E1',
      type: 'MERGE-ORG',
      trigger: 'T2',
      args: [
        ['Org1', 'T1'],
        ['Org2', 'T3'],
      ],
      line: 4,
    });
    assert.deepEqual(doc.relations[0]!.args, { Arg1: 'T3', Arg2: 'T4' });
    assert.deepEqual(
      doc.attributes.map((a) => [a.name, a.target, a.value]),
      [
        ['Negation', 'E1', null],
        ['Confidence', 'E1', 'L1'],
        ['Uncertain', 'E1', null],
      ],
    );
    assert.deepEqual(
      [doc.normalizations[0]!.database, doc.normalizations[0]!.key, doc.normalizations[0]!.text],
      ['Wikipedia', '534366', 'Barack Obama'],
    );
    assert.equal(doc.notes[0]!.text, 'this annotation is suspect');
    assert.deepEqual(doc.equivalences[0]!.members, ['T1', 'T3']);
    for (const [bad, line] of [
      ['T1\tPerson 0 x\tJane', 1],
      ['T1\tPerson 0 4\tJane\nR1\tRole Arg1:T1 Arg2:T9', 2],
      ['T1\tPerson 5 2\tJane', 1],
      ['X1\tfoo', 1],
      ['T1 Person 0 4 Jane', 1],
    ] as const) {
      assert.throws(
        () => parseBratAnn(bad),
        (error: unknown) => error instanceof BratSyntaxError && error.line === line,
        bad,
      );
    }
  },
);

test(
  'brat: the export parses, every span is its text at code point offsets, and links normalise to Wikidata ' +
    'and the dataset',
  () => {
    const doc = parseBratAnn(bratAnn(article, SYNTHETIC_REGISTRY));
    // A span broken by a line break is in fragments, its text theirs joined by a space (as brat writes it).
    for (const t of doc.textBounds)
      assert.equal(t.fragments.map(([s, e]) => points.slice(s, e).join('')).join(' '), t.text, t.id);
    assert.ok(
      doc.textBounds.some((t) => t.type === 'Paragraph' && t.fragments.length === 2),
      'the CRLF block',
    );
    assert.ok(
      doc.textBounds.some((t) => t.type === 'Person' && t.text === 'Jane Example'),
      'mentions are typed by entity kind',
    );
    // PARC-style attribution: the quote's source and cue spans hang off it by relations.
    assert.ok(
      doc.relations.some((r) => r.type === 'Source'),
      'quotes have a source relation',
    );
    assert.ok(
      doc.relations.some((r) => r.type === 'Cue'),
      'quotes have a cue relation',
    );
    assert.ok(doc.normalizations.some((n) => n.database === 'Wikidata' && n.key === TEST_QID));
    assert.ok(doc.normalizations.some((n) => n.database === 'AnnotatedNews' && n.key === 'examplestan'));
    const conf = bratConf(entityKinds(join(ROOT, 'schemas')));
    for (const type of new Set(doc.textBounds.map((t) => t.type)))
      assert.match(conf, new RegExp(`^${type}$`, 'm'), `${type} is declared in annotation.conf`);
  },
);

test('Label Studio: region offsets are code points (what Label Studio stores), right on text outside the BMP', () => {
  const task = labelStudioTask(article, SYNTHETIC_REGISTRY) as {
    data: { text: string };
    annotations: Array<{
      result: Array<{ type: string; value: { start: number; end: number; text: string; labels: string[] } }>;
    }>;
  };
  assert.equal(task.data.text, text);
  const regions = task.annotations[0]!.result.filter((r) => r.type === 'labels');
  assert.ok(regions.length > 0);
  let differsFromUtf16 = false;
  for (const region of regions) {
    const { start, end, text: quoted } = region.value;
    assert.equal(points.slice(start, end).join(''), quoted);
    if (text.slice(start, end) !== quoted) differsFromUtf16 = true;
  }
  assert.ok(differsFromUtf16, 'the test text must make UTF-16 offsets wrong');
  const config = labelStudioConfig(entityKinds(join(ROOT, 'schemas')));
  for (const label of new Set(regions.map((r) => r.value.labels[0])))
    assert.ok(config.includes(`<Label value="${label}"/>`), `${label} is in the labelling config`);
  assert.match(config, /<Relation value="Cue"\/>/);
  assert.match(config, /<Relation value="Claimant"\/>/);
});

test('spaCy: Debian Python re-slices every span of the JSON Lines to its text', () => {
  const line = spacyLine(article, SYNTHETIC_REGISTRY);
  const script =
    'import json,sys\nn=0\nfor line in sys.stdin:\n  d=json.loads(line)\n  for s in d["spans"]:\n    assert ' +
    'd["text"][s["start"]:s["end"]]==s["text"], s\n    n+=1\nprint(n)';
  const result = spawnSync('/usr/bin/python3', ['-c', script], { input: line, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(Number(result.stdout.trim()), article.annotations.mentions.length);
  assert.ok(line.includes(`"kb_id":"${TEST_QID}"`));
});

test("labels are unambiguous: no label names two things in the Label Studio config or brat's annotation.conf", () => {
  const kinds = entityKinds(join(ROOT, 'schemas'));
  const labels = [...labelStudioConfig(kinds).matchAll(/<Label value="([^"]+)"\/>/g)].map((m) => m[1]);
  assert.equal(new Set(labels).size, labels.length, `duplicate labels: ${labels.join(', ')}`);
  const entities = bratConf(kinds).split('[entities]\n')[1]!.split('\n\n')[0]!.split('\n');
  assert.equal(new Set(entities).size, entities.length);
});

test('the labelling configuration in CONTRIBUTING.md is the one the export uses', () => {
  const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  assert.ok(contributing.includes(labelStudioConfig(entityKinds(join(ROOT, 'schemas'))).trimEnd()));
});
