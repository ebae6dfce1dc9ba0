/**
 * Export then import gives back the same annotations, in every format that imports (W3C, brat, Label Studio): on the
 * seed article and on a synthetic one with characters outside the BMP, a CRLF inside a paragraph and repeated
 * phrases. And annotations made in a tool (labels and offsets only) get selectors that single out the occurrence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../types/index.ts';
import { ROOT } from './helpers.ts';
import { FORMATS, SYNTHETIC_REGISTRY, syntheticArticle, withoutAnnotations } from './interop-support.ts';
import { readLabelStudio, labelStudioTask } from '../scripts/interop/label-studio.ts';
import { buildAnnotations, ImportError, planImport, type ToolAnnotation } from '../scripts/interop/merge.ts';
import { entityKinds, loadRegistry } from '../scripts/interop/model.ts';
import type { Registry } from '../scripts/lib/registry.ts';
import { articleText, matchSelector } from '../scripts/lib/text-quote.ts';

const KINDS = entityKinds(join(ROOT, 'schemas'));
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The parts of a Label Studio task (as `labelStudioTask` writes it) that the tests edit. */
interface LabelStudioResult {
  id?: string;
  type: string;
  value?: { labels?: string[] } & Record<string, unknown>;
  [key: string]: unknown;
}
interface LabelStudioTask {
  annotations: Array<{ result: LabelStudioResult[] }>;
}

const DATA = join(ROOT, 'data');
const cases: Array<[string, () => { article: Article; registry: Registry }]> = [
  // Every real article, whichever they are.
  ...readdirSync(join(DATA, 'articles'))
    .filter((file) => file.endsWith('.json'))
    .map((file): [string, () => { article: Article; registry: Registry }] => [
      `the article ${file}`,
      () => ({
        article: JSON.parse(readFileSync(join(DATA, 'articles', file), 'utf8')) as Article,
        registry: loadRegistry(DATA),
      }),
    ]),
  [
    'a synthetic article (outside the BMP, CRLF in a paragraph, repeated phrases)',
    () => ({ article: syntheticArticle(), registry: SYNTHETIC_REGISTRY }),
  ],
];

for (const [name, load] of cases) {
  test(`round trip on ${name}: export then import gives back the same annotations, in every format`, () => {
    const { article, registry } = load();
    for (const [format, exportAndRead] of Object.entries(FORMATS)) {
      const { items, document, toolText } = exportAndRead(article, registry);
      // Into the record without its annotations, genre and block types: the import gives them all back.
      const clean = withoutAnnotations(article);
      delete clean.genre;
      clean.body = clean.body.map(({ text }) => ({ type: 'paragraph', text }));
      const built = buildAnnotations(clean, registry, items, toolText, KINDS);
      assert.deepEqual(built.entities, [], `${format}: no new entities for known ones`);
      const merged = planImport(clean, built, false, document);
      assert.deepEqual(json(merged.article), json(article), `${format}: the article differs after the round trip`);
      // Into the record itself: nothing changes.
      const same = planImport(article, buildAnnotations(article, registry, items, toolText, KINDS), false, document);
      assert.deepEqual(same.document, [], `${format}: a round trip changes the article`);
      assert.ok(
        same.changes.every((c) => c.outcome === 'unchanged'),
        `${format}: a round trip changes an annotation`,
      );
      // Importing again into the full record changes nothing.
      const again = planImport(
        merged.article,
        buildAnnotations(merged.article, registry, items, toolText, KINDS),
        false,
      );
      assert.ok(
        again.changes.every((e) => e.outcome === 'unchanged'),
        `${format}: a second import is not a no-op`,
      );
    }
  });
}

test(
  'annotations made in a tool (labels and offsets only) get unique selectors, ids, ' + 'and stubs for unknown entities',
  () => {
    const article = withoutAnnotations(syntheticArticle());
    const text = articleText(article);
    const span = (needle: string, nth: number) => {
      let at = -1;
      for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
      const start = [...text.slice(0, at)].length;
      return { start, end: start + [...needle].length };
    };
    const second = span('Jane Example', 1);
    const grid = span('the grid', 2);
    const items: ToolAnnotation[] = [
      {
        where: 'r1',
        layer: null,
        label: 'Person',
        id: null,
        spans: [{ role: 'selector', ...second, exact: 'Jane Example', where: 'r1' }],
        fields: null,
        version: null,
        link: 'jane-example',
      },
      {
        where: 'r2',
        layer: null,
        label: 'Organization',
        id: null,
        spans: [{ role: 'selector', ...grid, exact: null, where: 'r2' }],
        fields: null,
        version: null,
        link: null,
      },
    ];
    const built = buildAnnotations(article, SYNTHETIC_REGISTRY, items, null, KINDS);
    const [jane, gridMention] = built.annotations.map(
      (a) => a.annotation as { id: string; selector: { exact: string }; entity: string },
    );
    for (const [annotation, expected] of [
      [jane!, second],
      [gridMention!, grid],
    ] as const) {
      const matches = matchSelector(text, annotation.selector);
      assert.equal(matches.length, 1, JSON.stringify(annotation.selector));
      assert.equal(
        [...text.slice(0, matches[0])].length,
        expected.start,
        'the selector picks the annotated occurrence',
      );
      assert.ok(
        'prefix' in annotation.selector || 'suffix' in annotation.selector,
        'repeated text gets a prefix or suffix',
      );
    }
    assert.equal(jane!.entity, 'jane-example');
    assert.equal(jane!.id, 'm-jane-example-1');
    assert.equal(gridMention!.entity, 'the-grid', 'an unlinked mention links to a new entity');
    assert.deepEqual(
      built.entities.map((e) => [e.id, e.kind, e.name]),
      [['the-grid', 'organization', 'the grid']],
      'the new entity is written with the kind its label gives',
    );
    // A label that is not the dataset's is a located error, not a guess.
    const weapon: ToolAnnotation = {
      ...items[0]!,
      where: 'r3',
      label: 'Weapon',
      spans: [{ role: 'selector', ...span('𝔊-town', 0), exact: '𝔊-town', where: 'r3' }],
    };
    assert.throws(
      () => buildAnnotations(article, SYNTHETIC_REGISTRY, [weapon], null, KINDS),
      (error: ImportError) => error.where === 'r3' && /"Weapon" is not one of this dataset's/.test(error.message),
    );
  },
);

test(
  'a region relabelled as another kind replaces its annotation; drawn events, times and figures get complete ' +
    'fields',
  () => {
    const article = syntheticArticle();
    const task = json(labelStudioTask(article, SYNTHETIC_REGISTRY)) as unknown as LabelStudioTask;
    const result = task.annotations[0]!.result;
    result.find((r) => r.id === 'm-jane-1' && r.type === 'labels')!.value!.labels = ['Claim'];
    const text = articleText(article);
    const at = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
    const region = (id: string, label: string, needle: string) => ({
      id,
      type: 'labels',
      value: { start: at(needle), end: at(needle) + [...needle].length, text: needle, labels: [label] },
    });
    result.push(
      region('d1', 'EventReference', 'Examplestan agreed'),
      region('d2', 'Time', 'last week'),
      { type: 'relation', from_id: 'd1', to_id: 'd2', labels: ['Time'] },
      region('d3', 'Figure', '40%'),
    );
    const { items, toolText } = readLabelStudio([task], article.id);
    const built = buildAnnotations(article, SYNTHETIC_REGISTRY, items, toolText, KINDS);
    const plan = planImport(article, built, false);
    const outcome = (id: string) => plan.changes.find((c) => c.id === id);
    assert.equal(outcome('m-jane-1')?.outcome, 'removed');
    assert.equal(outcome('m-jane-1')?.relabelled, true);
    assert.equal(
      plan.article.annotations.mentions.find((m) => m.id === 'm-jane-1'),
      undefined,
      'relabelled: removed without --allow-delete',
    );
    const claim = plan.article.annotations.claims.find((c) => c.selector.exact === 'Jane Example');
    assert.ok(claim, 'and added as the new kind');
    const event = plan.article.annotations.events.find((e) => e.selector.exact === 'Examplestan agreed')!;
    assert.deepEqual(event.time, {
      selector: { exact: 'last week' },
      type: 'instant',
      value: null,
      beginPoint: null,
      endPoint: null,
      relative: null,
    });
    const figure = built.annotations.find((a) => a.where.endsWith('/result/' + String(result.length - 1)))!;
    const { value, unit } = figure.annotation as { value: number; unit: string };
    assert.deepEqual([value, unit], [40, 'percent'], 'the number and unit the words give');
    assert.equal(
      outcome(figure.annotation.id)?.outcome,
      'duplicate',
      'the same words, already a figure: not added again',
    );
  },
);
