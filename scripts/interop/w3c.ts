/**
 * W3C Web Annotation (JSON-LD): each annotation of an article as an `Annotation` whose targets are the article
 * (`source`) with a `TextQuoteSelector` and a `TextPositionSelector` (code points), one target per span (the main
 * span first, the others with their `role`), and whose bodies carry the meaning: the linked record (a Wikidata IRI
 * when the entity has one, the dataset's URN otherwise) and the annotation's other fields. `fields` keeps them all
 * as a JSON literal, so an import gives back exactly the annotation. An article is an `AnnotationCollection`.
 */
import type { Article } from '../../types/index.ts';
import { decomposeArticle, MAIN, type Decomposed, type Layer } from './spans.ts';
import { getLink, LAYERS, recordIri, URN, type Registry } from './layers.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const VOCAB = `${URN}:vocab:`;

/** Top-level fields that name a registry record (the rest of an annotation's fields are literals). */
const LINK_FIELDS: Record<string, 'entities' | 'outlets'> = {
  entity: 'entities',
  standsFor: 'entities',
  assertedBy: 'entities',
  setting: 'entities',
  place: 'entities',
  outlet: 'outlets',
};

/** The JSON-LD context: the W3C one, then the dataset's terms (links are IRIs; `fields` is a JSON literal). */
export const W3C_CONTEXT = [
  ANNO_CONTEXT,
  {
    '@version': 1.1,
    '@vocab': VOCAB,
    an: VOCAB,
    fields: { '@id': `${VOCAB}fields`, '@type': '@json' },
    // Fields whose values are records: IRIs, not strings.
    ...Object.fromEntries(
      [
        ...new Set([...Object.values(LAYERS).flatMap((l) => (l.link ? [l.link.as] : [])), ...Object.keys(LINK_FIELDS)]),
      ].map((field) => [field, { '@id': `${VOCAB}${field}`, '@type': '@id' }]),
    ),
  },
] as const;

export const articleIri = (id: string) => `${URN}:article:${id}`;
export const annotationIri = (articleId: string, annotationId: string) =>
  `${URN}:article:${articleId}:annotation:${annotationId}`;

/** One annotation as a W3C `Annotation` (without `@context`). */
export function w3cAnnotation(articleId: string, item: Decomposed, registry: Registry): Record<string, unknown> {
  const spec = LAYERS[item.layer];
  const source = articleIri(articleId);
  const target = item.spans.map((span) => ({
    type: 'SpecificResource',
    source,
    ...(span.role === MAIN ? {} : { role: span.role }),
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: span.selector.exact,
        ...(span.selector.prefix === undefined ? {} : { prefix: span.selector.prefix }),
        ...(span.selector.suffix === undefined ? {} : { suffix: span.selector.suffix }),
      },
      { type: 'TextPositionSelector', start: span.start, end: span.end },
    ],
  }));
  const body: Record<string, unknown>[] = [];
  const meaning: Record<string, unknown> = { type: `an:${spec.label}` };
  // The record the annotation is about (the entity mentioned, the quote's speaker…): a body of its own.
  const linked = getLink(spec, item.fields);
  if (spec.link && typeof linked === 'string') {
    const iri = recordIri(registry, spec.link.collection, linked);
    body.push({
      type: 'SpecificResource',
      purpose: spec.motivation === 'describing' ? 'classifying' : spec.motivation,
      source: iri,
    });
    meaning[spec.link.as] = iri;
  }
  for (const [field, value] of Object.entries(item.fields)) {
    const collection = LINK_FIELDS[field];
    if (collection && typeof value === 'string') meaning[field] = recordIri(registry, collection, value);
    else if (value === null || typeof value !== 'object') meaning[field] = value;
  }
  body.push(meaning);
  return {
    id: annotationIri(articleId, item.id),
    type: 'Annotation',
    motivation: spec.motivation,
    layer: item.layer,
    body,
    target,
    fields: item.fields,
  };
}

/** An article's annotations as an `AnnotationCollection` with one page. */
export function w3cCollection(article: Article, registry: Registry): Record<string, unknown> {
  const { annotations } = decomposeArticle(article);
  return {
    '@context': W3C_CONTEXT,
    id: `${articleIri(article.id)}:annotations`,
    type: 'AnnotationCollection',
    label: article.headline.text,
    total: annotations.length,
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map((a) => w3cAnnotation(article.id, a, registry)),
    },
  };
}

/** What an import needs from one W3C annotation. */
export interface W3cItem {
  /** JSON path of the annotation in the file, for messages. */
  where: string;
  layer: Layer | null;
  id: string | null;
  /** Targets: their role, quote selector and position selector (either may be missing). */
  targets: Array<{
    role: string;
    exact: string | null;
    prefix?: string;
    suffix?: string;
    start: number | null;
    end: number | null;
  }>;
  fields: Record<string, unknown> | null;
  /** The link named by an identifying/classifying/linking SpecificResource body, when `fields` is absent. */
  link: string | null;
  label: string | null;
}

/** Thrown for a W3C file that is not what the importer understands, with where. */
export class FormatError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
  }
}

/** Reads the annotations of a W3C file: an AnnotationCollection (with `first.items`), an AnnotationPage, a list or one Annotation. */
export function readW3c(document: unknown, articleId: string): W3cItem[] {
  const list: Array<[unknown, string]> = [];
  const doc = document as Record<string, unknown>;
  if (Array.isArray(document)) document.forEach((a, i) => list.push([a, `/${i}`]));
  else if (doc && typeof doc === 'object' && doc.type === 'AnnotationCollection') {
    const items = (doc.first as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(items))
      throw new FormatError('/first/items', 'an AnnotationCollection needs its annotations in first.items');
    items.forEach((a, i) => list.push([a, `/first/items/${i}`]));
  } else if (doc && typeof doc === 'object' && doc.type === 'AnnotationPage' && Array.isArray(doc.items))
    (doc.items as unknown[]).forEach((a, i) => list.push([a, `/items/${i}`]));
  else list.push([document, '']);
  const prefix = `${articleIri(articleId)}:annotation:`;
  return list.map(([value, where]) => {
    const a = value as Record<string, unknown>;
    if (!a || typeof a !== 'object' || a.type !== 'Annotation')
      throw new FormatError(where || '/', 'expected an object with "type": "Annotation"');
    const targets = (Array.isArray(a.target) ? a.target : [a.target]).map((t, i) =>
      readTarget(t, `${where}/target${Array.isArray(a.target) ? `/${i}` : ''}`),
    );
    if (targets.length === 0) throw new FormatError(`${where}/target`, 'an annotation needs a target');
    const bodies = (Array.isArray(a.body) ? a.body : a.body === undefined ? [] : [a.body]) as Array<
      Record<string, unknown>
    >;
    const linkBody = bodies.find((b) => b && b.type === 'SpecificResource' && typeof b.source === 'string');
    const typed = bodies.find((b) => b && typeof b.type === 'string' && b.type.startsWith('an:'));
    const layer = typeof a.layer === 'string' && a.layer in LAYERS ? (a.layer as Layer) : null;
    const id = typeof a.id === 'string' && a.id.startsWith(prefix) ? a.id.slice(prefix.length) : null;
    const fields =
      a.fields !== null && typeof a.fields === 'object' && !Array.isArray(a.fields)
        ? (a.fields as Record<string, unknown>)
        : null;
    const textual = bodies.find((b) => b && b.type === 'TextualBody' && typeof b.value === 'string');
    const label = typed ? String(typed.type).slice(3) : textual ? String(textual.value) : null;
    return { where, layer, id, targets, fields, link: linkBody ? String(linkBody.source) : null, label };
  });
}

function readTarget(value: unknown, where: string): W3cItem['targets'][number] {
  const t = value as Record<string, unknown>;
  if (!t || typeof t !== 'object') throw new FormatError(where, 'a target must be an object with a selector');
  const selectors = (Array.isArray(t.selector) ? t.selector : [t.selector]) as Array<
    Record<string, unknown> | undefined
  >;
  const quote = selectors.find((s) => s?.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s?.type === 'TextPositionSelector');
  if (!quote && !position) throw new FormatError(where, 'a target needs a TextQuoteSelector or a TextPositionSelector');
  if (quote && typeof quote.exact !== 'string')
    throw new FormatError(`${where}/selector`, 'TextQuoteSelector.exact must be a string');
  if (position && (!Number.isInteger(position.start) || !Number.isInteger(position.end)))
    throw new FormatError(`${where}/selector`, 'TextPositionSelector.start and end must be integers');
  return {
    role: typeof t.role === 'string' ? t.role : MAIN,
    exact: quote ? String(quote.exact) : null,
    ...(typeof quote?.prefix === 'string' ? { prefix: quote.prefix } : {}),
    ...(typeof quote?.suffix === 'string' ? { suffix: quote.suffix } : {}),
    start: position ? Number(position.start) : null,
    end: position ? Number(position.end) : null,
  };
}
