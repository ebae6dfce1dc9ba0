/**
 * Model 1.1 in the annotation-tool exports, systematically: every field of the article schema's annotations, the
 * article's genre and its blocks' types and levels (and the entity's Wikidata look-up) is carried by each export, or
 * named in the one "not carried, because …" list (scripts/interop/carried.ts); a field added to the types fails here
 * until it is one or the other. And edits of the model 1.1 choices in each tool (a belief, an implicit source, a
 * checkable claim, a list item's level, the genre) are read back by the import. In memory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../types/index.ts';
import { ROOT } from './helpers.ts';
import { FORMATS, SYNTHETIC_REGISTRY, syntheticArticle, w3cPage, type Read } from './interop-support.ts';
import { EXPORTS, NOT_CARRIED, notCarried } from '../scripts/interop/carried.ts';
import { buildAnnotations, planImport } from '../scripts/interop/merge.ts';
import { entityKinds, loadRegistry, wikidataOf } from '../scripts/interop/model.ts';
import { spacyLine } from '../scripts/interop/spacy.ts';
import { w3cAnnotations } from '../scripts/interop/w3c.ts';
import { bratAnn, readBrat } from '../scripts/interop/brat.ts';
import { labelStudioTask, readLabelStudio } from '../scripts/interop/label-studio.ts';
import { readW3c } from '../scripts/interop/w3c.ts';
import type { Registry } from '../scripts/lib/registry.ts';
import { articleText } from '../scripts/lib/text-quote.ts';

type Node = { [key: string]: unknown };
const KINDS = entityKinds(join(ROOT, 'schemas'));
const DATA = join(ROOT, 'data');
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as Node;
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Every leaf field under `pointer` of a schema (a selector is a leaf), as keys with `-` for list items. */
function leafKeys(root: Node, node: Node, pointer: string, out: Set<string>, depth = 0): Set<string> {
  const definitions = root.definitions as Record<string, Node>;
  if (depth > 12) return out;
  const ref = typeof node.$ref === 'string' ? node.$ref.replace('#/definitions/', '') : null;
  if (ref === 'TextQuoteSelector') return out.add(pointer);
  if (ref !== null) return leafKeys(root, definitions[ref]!, pointer, out, depth + 1);
  if (Array.isArray(node.anyOf)) for (const b of node.anyOf as Node[]) leafKeys(root, b, pointer, out, depth + 1);
  else if (node.type === 'array') leafKeys(root, node.items as Node, `${pointer}/-`, out, depth + 1);
  else if (node.properties)
    for (const [key, child] of Object.entries(node.properties as Record<string, Node>))
      leafKeys(root, child, `${pointer}/${key}`, out, depth + 1);
  else if (node.type !== 'null') out.add(pointer);
  return out;
}

const article = schema('article');
const props = article.properties as Record<string, Node>;
const FIELDS = [
  ...leafKeys(article, props.genre!, '/genre', new Set()),
  ...leafKeys(article, props.body!, '/body', new Set()),
  ...leafKeys(article, props.annotations!, '/annotations', new Set()),
  ...[...leafKeys(schema('entity'), schema('entity'), '', new Set())]
    .filter((key) => key.startsWith('/wikidataCheck'))
    .map(() => 'entities:/wikidataCheck'),
];

/** Every value in an article at a field key, by its pointer. */
function valuesAt(value: unknown, key: string): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (node: unknown, rest: string[], pointer: string) => {
    if (rest.length === 0) return void (node !== undefined && found.set(pointer, node));
    if (node === null || typeof node !== 'object') return;
    const [head, ...tail] = rest;
    if (head === '-' && Array.isArray(node)) node.forEach((item, i) => walk(item, tail, `${pointer}/${i}`));
    else walk((node as Record<string, unknown>)[head!], tail, `${pointer}/${head}`);
  };
  walk(value, key.split('/').slice(1), '');
  return found;
}

/** The synthetic article with model 1.1 everywhere: genre, list items, outlet and implicit sources, a belief… */
export function model11Article(): Article {
  const a = syntheticArticle();
  a.genre = 'genre:Summary';
  a.body = [a.body[0]!, { ...a.body[1]!, type: 'listItem', level: 2 }];
  const quote = a.annotations.quotes[0]!;
  a.annotations.quotes = [
    {
      ...quote,
      attribution: 'belief',
      source: { kind: 'outlet', entity: null, affiliation: null, outlets: ['example-wire'], selector: null },
    },
  ];
  const claim = a.annotations.claims[0]!;
  a.annotations.claims = [
    {
      ...claim,
      hedges: [{ exact: 'reportedly' }],
      claimant: { kind: 'implicit', entity: null, affiliation: null, selector: null },
      reviews: [
        { url: 'https://example.org/check', outlet: 'example-wire', reviewRating: 'False', datePublished: null },
      ],
    },
  ];
  a.annotations.figures = a.annotations.figures.map((f) => ({ ...f, unit: 'currency', currency: 'USD' }));
  const event = a.annotations.events[0]!;
  a.annotations.events = [
    { ...event, time: { ...event.time!, relative: { unit: 'weekday', offset: -1, weekday: 3, partOfDay: 'MO' } } },
    {
      ...event,
      id: 'e-agreed',
      selector: { exact: 'Examplestan agreed' },
      time: { ...event.time!, relative: { unit: 'season', offset: -1, season: 'SU' } },
    },
  ];
  return a;
}

const REGISTRY: Registry = {
  ...SYNTHETIC_REGISTRY,
  entities: new Map(
    [...SYNTHETIC_REGISTRY.entities].map(([id, e]) => [
      id,
      { ...e, wikidataCheck: { status: 'linked', checkedIn: 'a test', checkedOn: '2026-01-01' } },
    ]),
  ),
};

const ARTICLES: Array<{ article: Article; registry: Registry }> = [
  ...readdirSync(join(DATA, 'articles'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      article: JSON.parse(readFileSync(join(DATA, 'articles', file), 'utf8')) as Article,
      registry: loadRegistry(DATA),
    })),
  { article: syntheticArticle(), registry: REGISTRY },
  { article: model11Article(), registry: REGISTRY },
];

const trips = new Map<string, Article>();
/** An article exported and imported into its record without annotations, genre or block types (once each). */
function roundTrip(format: string, article: Article, registry: Registry): Article {
  const key = `${format} ${article.id} ${JSON.stringify(article.genre)} ${article.body.length}`;
  let back = trips.get(key);
  if (back === undefined) {
    const { items, document, toolText } = FORMATS[format]!(article, registry);
    const clean = json(article);
    for (const layer of Object.keys(clean.annotations) as Array<keyof Article['annotations']>)
      clean.annotations[layer] = [];
    delete clean.genre;
    clean.body = clean.body.map(({ text }) => ({ type: 'paragraph', text }));
    back = planImport(clean, buildAnnotations(clean, registry, items, toolText, KINDS), false, document).article;
    trips.set(key, back);
  }
  return back;
}

test('every field of the article schema is carried by each export, or listed as not carried with why', () => {
  assert.ok(FIELDS.includes('/annotations/quotes/-/attribution') && FIELDS.includes('/body/-/level'), 'the walk');
  for (const format of EXPORTS)
    for (const listed of Object.keys(NOT_CARRIED[format]))
      assert.ok(
        FIELDS.some((key) => key === listed || key.startsWith(`${listed}/`)),
        `${format}: ${listed} is listed as not carried but is no field`,
      );
  for (const key of FIELDS) {
    if (key.startsWith('entities:')) continue;
    const carried = EXPORTS.filter((format) => notCarried(format, key) === null);
    const tested = ARTICLES.filter(({ article }) => valuesAt(article, key).size > 0);
    assert.ok(
      carried.length === 0 || tested.length > 0,
      `no test article has ${key}: give model11Article() one, or list it as not carried`,
    );
    for (const { article, registry } of tested)
      for (const format of carried) {
        if (format === 'spacy') {
          // spaCy does not import: the value is in the line (an entity as its QID or its id).
          const line = spacyLine(article, registry);
          for (const value of valuesAt(article, key).values()) {
            const shown =
              typeof value === 'object'
                ? (value as { exact: string }).exact
                : typeof value === 'string'
                  ? value
                  : JSON.stringify(value);
            // A reference shows as its entity's QID when it has one; a selector's words are text, never an id.
            const qid = typeof value === 'string' ? wikidataOf(registry.entities.get(value)) : undefined;
            assert.ok(line.includes(JSON.stringify(qid ?? shown).slice(1, -1)), `spacy: ${key} ${shown}`);
          }
          continue;
        }
        const back = roundTrip(format, article, registry);
        assert.deepEqual(json([...valuesAt(back, key)]), json([...valuesAt(article, key)]), `${format}: ${key}`);
      }
  }
  // The entity's Wikidata look-up, where an export carries entity links.
  const page = JSON.stringify(w3cAnnotations(model11Article(), REGISTRY));
  if (notCarried('w3c', 'entities:/wikidataCheck') === null)
    assert.ok(page.includes('"wikidataCheck":{"status":"linked"'), 'w3c: wikidataCheck on entity links');
});

/** Each format: the export of an article, edited as an annotator would in the tool, read back. */
type Edits = { attribution: string; claimantKind: string; checkable: string; level: string; genre: string };
const EDITS: Edits = {
  attribution: 'assertion',
  claimantKind: 'article',
  checkable: 'true',
  level: '1',
  genre: 'genre:Analysis',
};

function edited(format: string, article: Article, edits: Edits): Read {
  if (format === 'brat') {
    const ann = bratAnn(article, REGISTRY).split('\n');
    const targetOf = (id: string) =>
      /^#\d+\tAnnotatorNotes (T\d+)/.exec(ann.find((l) => l.includes(`"id":"${id}"`))!)![1]!;
    const blocks = ann.filter((l) => /^T\d+\t(Paragraph|ListItem|Subheading) /.test(l)).map((l) => l.split('\t')[0]!);
    const set = (target: string, name: string, value: string) => {
      const at = ann.findIndex((l) => new RegExp(`^A\\d+\\t${name} ${target} `).test(l));
      const line = `A${900 + ann.length}\t${name} ${target} ${value}`;
      if (at >= 0) ann[at] = line;
      else ann.push(line);
    };
    set(targetOf('q-broken'), 'Attribution', edits.attribution);
    set(targetOf('c-agreed'), 'ClaimantKind', edits.claimantKind);
    set(targetOf('c-agreed'), 'Checkable', edits.checkable);
    set(blocks[1]!, 'Level', edits.level);
    set(blocks[0]!, 'Genre', edits.genre);
    return readBrat(ann.join('\n'), articleText(article));
  }
  if (format === 'label-studio') {
    const task = json(labelStudioTask(article, REGISTRY)) as { annotations: Array<{ result: Node[] }> };
    const result = task.annotations[0]!.result;
    const set = (id: string | undefined, name: string, value: string) => {
      const found = result.find((r) => r.type === 'choices' && r.id === id && r.from_name === name);
      if (found) (found.value as { choices: string[] }).choices = [value];
      else result.push({ id, from_name: name, to_name: 'text', type: 'choices', value: { choices: [value] } });
    };
    set('q-broken', 'Attribution', edits.attribution);
    set('c-agreed', 'ClaimantKind', edits.claimantKind);
    set('c-agreed', 'Checkable', edits.checkable);
    set('block-2', 'Level', edits.level);
    set(undefined, 'Genre', edits.genre);
    return readLabelStudio([task], article.id);
  }
  const page = json(w3cPage(article, REGISTRY)) as { items: Node[] };
  const body = (suffix: string) => {
    const item = page.items.find((i) => String(i.id).endsWith(suffix))!;
    const bodies = (Array.isArray(item.body) ? item.body : [item.body]) as Node[];
    return bodies.find((b) => String(b.type).startsWith('an:') || b.purpose === 'classifying')!;
  };
  body(':annotation:q-broken').attribution = edits.attribution;
  body(':annotation:c-agreed').claimantKind = edits.claimantKind;
  body(':annotation:c-agreed').checkable = edits.checkable === 'true';
  body(':block:2').level = Number(edits.level);
  body(':genre').source = `http://cv.iptc.org/newscodes/genre/${edits.genre.slice('genre:'.length)}`;
  return readW3c(page, article.id);
}

for (const format of Object.keys(FORMATS))
  test(`${format}: edits of model 1.1 choices in the tool are read back; a value the schema lacks is refused`, () => {
    const article = model11Article();
    const { items, document, toolText } = edited(format, article, EDITS);
    const plan = planImport(article, buildAnnotations(article, REGISTRY, items, toolText, KINDS), false, document);
    const after = plan.article;
    assert.equal(after.annotations.quotes[0]!.attribution, 'assertion');
    assert.equal(after.annotations.claims[0]!.claimant.kind, 'article');
    assert.equal(after.annotations.claims[0]!.checkable, true);
    assert.deepEqual(after.body[1], { type: 'listItem', level: 1, text: article.body[1]!.text });
    assert.equal(after.genre, 'genre:Analysis');
    assert.ok(plan.document.some((line) => line.startsWith('~ genre: "genre:Summary" → "genre:Analysis"')));
    assert.deepEqual(
      plan.changes.filter((c) => c.outcome === 'changed').map((c) => c.id),
      ['q-broken', 'c-agreed'],
      'only the edited annotations change',
    );
    const wrong = edited(format, article, { ...EDITS, attribution: 'rumour' });
    assert.throws(
      () => buildAnnotations(article, REGISTRY, wrong.items, wrong.toolText, KINDS),
      /"rumour" is not a value of Attribution/,
    );
  });
