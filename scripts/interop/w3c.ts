/**
 * W3C Web Annotation (JSON-LD): each annotation of an article as an `Annotation` whose targets are the article
 * (`source`) with a `TextQuoteSelector` and a `TextPositionSelector` (code points), one target per span (the main
 * span first, the others with their `role`), and whose bodies carry the meaning: the linked record (a Wikidata IRI
 * when the entity has one, the dataset's URN otherwise) and the annotation's other fields. `fields` keeps them all
 * as a JSON literal, so an import gives back exactly the annotation, and `version` the record's version at export.
 * The dataset's annotations are one `AnnotationCollection` paged in `AnnotationPage`s (scripts/publish/formats/w3c.ts).
 */
import type { Article, PublishedArticle } from '../../types/index.ts';
import {
  CHOICE_FIELDS,
  choicesOf,
  contextOf,
  decomposeArticle,
  exportedBlocks,
  GENRE_FIELD,
  getLink,
  getPath,
  isRecord,
  MAIN,
  recordIri,
  recordVersion,
  URN,
  type Decomposed,
  type Layer,
} from './model.ts';
import { collectionReferences } from '../lib/references.ts';
import { LAYERS } from '../lib/layers.ts';
import type { Registry } from '../lib/registry.ts';
import { ImportError, type Read, type ToolAnnotation, type ToolDocument, type ToolSpan } from './merge.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const VOCAB = `${URN}:vocab:`;

/** A field's name in a W3C body: its path in camel case, list items left out (`source/outlets/-` → `sourceOutlets`). */
const bodyName = (path: readonly string[]) =>
  path
    .filter((key) => key !== '-')
    .map((key, i) => (i === 0 ? key : key[0]!.toUpperCase() + key.slice(1)))
    .join('');

/**
 * The reference fields of each layer that a body names as IRIs (from the one declaration, scripts/lib/references.ts),
 * but the layer's own link (a body of its own) and those inside lists of objects (a claim's reviews).
 */
const LINK_FIELDS = collectionReferences('articles').flatMap(({ path, target }) => {
  const [top, layer, , ...rest] = path;
  if (top !== 'annotations' || !(layer! in LAYERS) || rest.slice(0, -1).includes('-')) return [];
  if (rest.join('/') === LAYERS[layer as Layer].link?.field) return [];
  return [{ layer: layer as Layer, path: rest.filter((k) => k !== '-').join('/'), name: bodyName(rest), target }];
});

/** The IPTC NewsCodes genre vocabulary: a qcode `genre:X` is the concept `…/genre/X`. */
const IPTC_GENRE = 'http://cv.iptc.org/newscodes/genre/';

/** The JSON-LD context: the W3C one, then the dataset's terms (links are IRIs; `fields` is a JSON literal). */
export const W3C_CONTEXT = [
  ANNO_CONTEXT,
  {
    '@version': 1.1,
    '@vocab': VOCAB,
    an: VOCAB,
    fields: { '@id': `${VOCAB}fields`, '@type': '@json' },
    // Fields whose values are records: IRIs, not strings (a name given twice is one term).
    ...Object.fromEntries(
      [...Object.values(LAYERS).flatMap((l) => (l.link ? [l.link.as] : [])), ...LINK_FIELDS.map((f) => f.name)].map(
        (field) => [field, { '@id': `${VOCAB}${field}`, '@type': '@id' }],
      ),
    ),
  },
] as const;

const articleIri = (id: string) => `${URN}:article:${id}`;
/** A choice's name in a W3C body: `SourceKind` → `sourceKind`. */
const bodyKey = (choice: string) => choice[0]!.toLowerCase() + choice.slice(1);

/** One annotation as a W3C `Annotation` (without `@context`). */
export function w3cAnnotation(
  articleId: string,
  item: Decomposed,
  registry: Registry,
  version: string,
): Record<string, unknown> {
  const spec = LAYERS[item.layer];
  const source = articleIri(articleId);
  const target = item.spans.map((span) => ({
    type: 'SpecificResource',
    source,
    ...(span.role === MAIN ? {} : { role: span.role }),
    selector: [
      { type: 'TextQuoteSelector', exact: span.selector.exact, ...contextOf(span.selector) },
      { type: 'TextPositionSelector', start: span.start, end: span.end },
    ],
  }));
  const body: Record<string, unknown>[] = [];
  const meaning: Record<string, unknown> = { type: `an:${spec.label}` };
  // The record the annotation is about (the entity mentioned, the quote's speaker…): a body of its own.
  const linked = getLink(item);
  if (spec.link && typeof linked === 'string') {
    const iri = recordIri(registry, spec.link.collection, linked);
    // What looking the entity up in Wikidata found (`none`: no item exists), when it was looked up.
    const check = spec.link.collection === 'entities' ? registry.entities.get(linked)?.wikidataCheck : undefined;
    body.push({
      type: 'SpecificResource',
      purpose: spec.motivation === 'describing' ? 'classifying' : spec.motivation,
      source: iri,
      ...(check ? { wikidataCheck: check } : {}),
    });
    meaning[spec.link.as] = iri;
  }
  for (const [field, value] of Object.entries(item.fields))
    if (value === null || typeof value !== 'object') meaning[field] = value;
  for (const { layer, path, name, target } of LINK_FIELDS) {
    const value = layer === item.layer ? getPath(item.fields, path) : undefined;
    const iri = (id: unknown) => recordIri(registry, target, String(id));
    if (value !== undefined && value !== null) meaning[name] = Array.isArray(value) ? value.map(iri) : iri(value);
  }
  // The choices (nested ones too: `sourceKind`), as the values the fields hold.
  for (const [name, value] of Object.entries(choicesOf(item.layer, item.fields))) meaning[bodyKey(name)] ??= value;
  body.push(meaning);
  return {
    id: `${source}:annotation:${item.id}`,
    type: 'Annotation',
    motivation: spec.motivation,
    layer: item.layer,
    body,
    target,
    fields: item.fields,
    version,
  };
}

/** An article's annotations as W3C `Annotation`s, each with the record's version (see `recordVersion`). */
export function w3cAnnotations(
  article: Pick<Article | PublishedArticle, 'id' | 'body' | 'annotations' | 'genre'>,
  registry: Registry,
): Record<string, unknown>[] {
  const { annotations } = decomposeArticle(article);
  const version = recordVersion(article);
  const source = articleIri(article.id);
  // The article's structure: each block described by its type (and level), and the article classified by genre.
  const blocks = exportedBlocks(article).map((block, index) => ({
    id: `${source}:block:${index + 1}`,
    type: 'Annotation',
    motivation: 'describing',
    body: { type: `an:${block.label}`, ...(block.choices.Level ? { level: Number(block.choices.Level) } : {}) },
    target: {
      type: 'SpecificResource',
      source,
      selector: { type: 'TextPositionSelector', start: block.start, end: block.end },
    },
  }));
  const concept = IPTC_GENRE + article.genre?.slice('genre:'.length);
  const body = { type: 'SpecificResource', purpose: 'classifying', source: concept };
  const genre = { id: `${source}:genre`, type: 'Annotation', motivation: 'classifying', body, target: source };
  return [
    ...annotations.map((a) => w3cAnnotation(article.id, a, registry, version)),
    ...blocks,
    ...(article.genre === undefined ? [] : [genre]),
  ];
}

/** Most pages an import follows from a collection (a dataset of 100,000 articles has a few hundred). */
const MAX_PAGES = 10_000;

/**
 * The annotations of a W3C document, with where they are: an `AnnotationCollection` (its pages followed from `first`
 * through `next`, each read by `load` when not embedded), an `AnnotationPage`, a list or one `Annotation`.
 */
function annotationsIn(
  document: unknown,
  load: (reference: string, where: string) => unknown,
): Array<[unknown, string]> {
  if (Array.isArray(document)) return document.map((a, i) => [a, `/${i}`]);
  const doc = isRecord(document) ? document : {};
  if (doc.type !== 'AnnotationCollection' && doc.type !== 'AnnotationPage') return [[document, '']];
  const list: Array<[unknown, string]> = [];
  const collection = doc.type === 'AnnotationCollection';
  // Where the page's items are: a pointer, or a page file's name and a pointer in it.
  let [page, base] = collection ? [doc.first, '/first'] : [doc, ''];
  const seen = new Set<string>();
  while (page !== undefined && page !== null) {
    if (typeof page === 'string') {
      if (seen.has(page) || seen.size >= MAX_PAGES)
        throw new ImportError(base, `the pages loop or exceed ${MAX_PAGES} at ${JSON.stringify(page)}`);
      seen.add(page);
      [page, base] = [load(page, base), `${page} `];
    }
    const items = (page as { items?: unknown } | null)?.items;
    if (!Array.isArray(items))
      throw new ImportError(`${base}/items`, 'an AnnotationPage needs its annotations in items');
    for (const [i, a] of items.entries()) list.push([a, `${base}/items/${i}`]);
    page = collection ? (page as { next?: unknown }).next : null;
    base = `${base}/next`;
  }
  return list;
}

/**
 * Reads the annotations of one article from a W3C document (see `annotationsIn`); annotations that target another
 * article are skipped. The typed body gives the label and the choices, a SpecificResource body the link (a re-link in
 * the tool), `layer`, `fields` and `version` what the export carried; the block and genre annotations give the
 * article's structure.
 */
export function readW3c(
  document: unknown,
  articleId: string,
  load: (reference: string, where: string) => unknown = (reference, where) => {
    throw new ImportError(where, `the page ${JSON.stringify(reference)} is not in this file; import the page file`);
  },
): Read {
  const source = articleIri(articleId);
  const prefix = `${source}:annotation:`;
  const items: ToolAnnotation[] = [];
  const blocks: ToolDocument['blocks'] = [];
  let genre: ToolDocument['genreAt'];
  for (const [value, where] of annotationsIn(document, load)) {
    const a = isRecord(value) ? value : {};
    if (a.type !== 'Annotation') throw new ImportError(where || '/', 'expected an object with "type": "Annotation"');
    const bodies = many(a.body).filter(isRecord);
    if (typeof a.target === 'string') {
      // The article classified by genre: its body is the genre's concept.
      const concept = typeof bodies[0]?.source === 'string' ? bodies[0].source : '';
      const qcode = concept.startsWith(IPTC_GENRE) ? `genre:${concept.slice(IPTC_GENRE.length)}` : concept;
      if (a.target === source && a.motivation === 'classifying')
        genre ??= { choices: { [GENRE_FIELD.name]: qcode }, where };
      continue;
    }
    const targets = many(a.target).map((t, i) =>
      readTarget(t, `${where}/target${Array.isArray(a.target) ? `/${i}` : ''}`),
    );
    if (targets.length === 0) throw new ImportError(`${where}/target`, 'an annotation needs a target');
    if (targets[0]!.source !== null && targets[0]!.source !== source) continue;
    const linkBody = bodies.find((b) => b.type === 'SpecificResource' && typeof b.source === 'string');
    const typed = bodies.find((b) => typeof b.type === 'string' && b.type.startsWith('an:'));
    const textual = bodies.find((b) => b.type === 'TextualBody' && typeof b.value === 'string');
    const label = typed ? String(typed.type).slice(3) : textual ? String(textual.value) : null;
    const choices: Record<string, string> = {};
    for (const { name } of CHOICE_FIELDS) {
      const shown = typed?.[bodyKey(name)];
      if (typeof shown === 'string' || typeof shown === 'boolean' || typeof shown === 'number')
        choices[name] = String(shown);
    }
    if (typeof a.id === 'string' && a.id.startsWith(`${source}:block:`)) {
      const [start, end] = [targets[0]!.start ?? -1, targets[0]!.end ?? -1];
      blocks.push({ start, end, label: label ?? '', choices, where });
      continue;
    }
    const layer = typeof a.layer === 'string' && Object.hasOwn(LAYERS, a.layer) ? (a.layer as Layer) : null;
    const spans = targets
      .map(({ source: _, ...span }) => span)
      .sort((x, y) => (x.role === MAIN ? -1 : y.role === MAIN ? 1 : 0));
    items.push({
      where,
      layer,
      label: label ?? (layer ? LAYERS[layer].label : 'Mention'),
      id: typeof a.id === 'string' && a.id.startsWith(prefix) ? a.id.slice(prefix.length) : null,
      spans,
      fields: isRecord(a.fields) ? a.fields : null,
      link: linkBody ? String(linkBody.source) : null,
      version: text(a.version) ?? null,
      choices,
    });
  }
  return { items, document: { blocks, genreAt: genre }, toolText: null };
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
/** A JSON-LD value that may be one item or a list of them, as a list. */
const many = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** A target's source, role and selectors (a quote selector, a position selector, or both). */
function readTarget(value: unknown, where: string): ToolSpan & { source: string | null } {
  if (!isRecord(value)) throw new ImportError(where, 'a target must be an object with a selector');
  const selectors = many(value.selector).filter(isRecord);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (!quote && !position) throw new ImportError(where, 'a target needs a TextQuoteSelector or a TextPositionSelector');
  if (quote && typeof quote.exact !== 'string')
    throw new ImportError(`${where}/selector`, 'TextQuoteSelector.exact must be a string');
  if (position && (!Number.isInteger(position.start) || !Number.isInteger(position.end)))
    throw new ImportError(`${where}/selector`, 'TextPositionSelector.start and end must be integers');
  return {
    source: text(value.source) ?? null,
    role: text(value.role) ?? MAIN,
    start: position ? Number(position.start) : null,
    end: position ? Number(position.end) : null,
    exact: quote ? String(quote.exact) : null,
    ...contextOf({ prefix: text(quote?.prefix), suffix: text(quote?.suffix) }),
    where,
  };
}
