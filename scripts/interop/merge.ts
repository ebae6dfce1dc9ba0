/**
 * From annotations made in a tool to this dataset's annotations, merged into an article. Each format's reader turns
 * its file into `ToolAnnotation`s (spans with code point offsets and/or quoted text, a label, perhaps an id, a link
 * and the exported fields); this module finds each span in the article text, computes its `TextQuoteSelector`
 * (with a prefix or suffix wherever the exact text repeats), fills in what the tool did not say (entity stubs and
 * `TODO` placeholders that validation rejects until a curator completes them), and merges the result without ever
 * replacing an existing annotation. Pure functions.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Annotations, Article, TextQuoteSelector } from '../../types/index.ts';
import { articleText, matchSelector, minimalSelector } from '../lib/text-quote.ts';
import { assemble, MAIN, Offsets, type AnyAnnotation, type Layer } from './spans.ts';
import { kindLabel, LAYERS, resolveLink, setLink, ROLE_PATTERNS, type Registry } from './layers.ts';

export interface ToolSpan {
  /** The role (`selector`, `attribution`, `continuations/0`), or a pattern with `#` for the index (`hedges/#`). */
  role: string;
  /** Code point offsets into the tool's text, when the tool gives them. */
  start: number | null;
  end: number | null;
  exact: string | null;
  prefix?: string;
  suffix?: string;
  /** Where in the import file, for messages. */
  where: string;
}

export interface ToolAnnotation {
  where: string;
  /** The kind, when the file says it (an export's note); otherwise it comes from the label. */
  layer: Layer | null;
  label: string;
  id: string | null;
  /** The main span first. */
  spans: ToolSpan[];
  /** The annotation's other fields, exactly as exported; null for an annotation made in the tool. */
  fields: Record<string, unknown> | null;
  /** The record the tool links the annotation to: an id, a Wikidata QID or IRI, or the dataset's URN. */
  link: string | null;
}

/** A problem with the import file, located in it. Nothing is written when one occurs. */
export class ImportError extends Error {
  constructor(
    readonly where: string,
    message: string,
    readonly hint = '',
  ) {
    super(message);
  }
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'x';

/** Labels that name a layer: each layer's label, and every entity kind for mentions. */
function layerOfLabel(label: string, entityKinds: readonly string[]): Layer | null {
  for (const [layer, spec] of Object.entries(LAYERS) as Array<[Layer, (typeof LAYERS)[Layer]]>)
    if (spec.label === label) return layer;
  if (entityKinds.some((kind) => kindLabel(kind) === label)) return 'mentions';
  return null;
}

export interface Built {
  annotations: Array<{ layer: Layer; annotation: AnyAnnotation }>;
  /** Entity or outlet stubs made for links that resolve to nothing: the placeholder, and what the tool said. */
  stubs: Array<{ placeholder: string; label: string; text: string; where: string }>;
}

/**
 * Turns tool annotations into dataset annotations for `article`. `toolText`, when the tool carries the text (brat's
 * .txt, Label Studio's data.text), must be the article text: offsets into another text would point at other words.
 */
export function buildAnnotations(
  article: Pick<Article, 'body' | 'annotations'>,
  registry: Registry,
  items: readonly ToolAnnotation[],
  toolText: string | null,
  entityKinds: readonly string[],
): Built {
  const text = articleText(article);
  const offsets = new Offsets(text);
  if (toolText !== null && toolText !== text) {
    const points = [...toolText];
    const ours = [...text];
    let at = 0;
    while (at < points.length && at < ours.length && points[at] === ours[at]) at++;
    throw new ImportError(
      '',
      `the text in the import file differs from the article text at character ${at} (${JSON.stringify(points.slice(at, at + 20).join(''))} instead of ${JSON.stringify(ours.slice(at, at + 20).join(''))})`,
      'Annotate the text exported by `npm run build` (dist/annotations/), unchanged: offsets into another text would point at other words.',
    );
  }
  const usedIds = new Set<string>(
    Object.values(article.annotations).flatMap((list) => (list as Array<{ id: string }>).map((a) => a.id)),
  );
  const built: Built = { annotations: [], stubs: [] };
  for (const item of items) {
    const layer = item.layer ?? layerOfLabel(item.label, entityKinds);
    const unknownLabel = layer === null;
    const kind: Layer = layer ?? 'mentions';
    const spec = LAYERS[kind];
    const placed = item.spans.map((span) => ({ span, ...place(text, offsets, span) }));
    const main = placed.find((p) => p.span.role === MAIN);
    if (!main) throw new ImportError(item.where, 'the annotation has no main span');
    // Roles given as patterns (`hedges/#`) are numbered in text order.
    const counters = new Map<string, number>();
    const spans = [...placed]
      .sort((a, b) => a.from - b.from)
      .map((p) => {
        let role = p.span.role;
        if (role.includes('#')) {
          const n = counters.get(role) ?? 0;
          counters.set(role, n + 1);
          role = role.replace('#', String(n));
        }
        return { role, selector: p.selector };
      });
    let fields: Record<string, unknown>;
    if (item.fields && !unknownLabel) {
      fields = structuredClone(item.fields);
      if (spec.link && item.link !== null) {
        const resolved = resolveLink(registry, spec.link.collection, item.link);
        if (resolved) setLink(spec, fields, resolved);
      }
    } else {
      const resolved = spec.link && item.link !== null ? resolveLink(registry, spec.link.collection, item.link) : null;
      let link = resolved;
      if (!link) {
        link = `TODO-${slug(item.link && !/^(?:Q\d+|https?:|urn:)/.test(item.link) ? item.link : main.selector.exact)}`;
        built.stubs.push({ placeholder: link, label: item.label, text: main.selector.exact, where: item.where });
      }
      fields = spec.stub(link);
    }
    let id = item.id;
    if (id === null) {
      for (let n = 1; ; n++) {
        const candidate = `${spec.idPrefix}-${slug(main.selector.exact)}-${n}`;
        if (!usedIds.has(candidate)) {
          id = candidate;
          break;
        }
      }
    }
    usedIds.add(id);
    built.annotations.push({ layer: kind, annotation: assemble(id, fields, spans) });
  }
  return built;
}

/** Finds one span in the article text and computes its selector. */
function place(text: string, offsets: Offsets, span: ToolSpan): { from: number; selector: TextQuoteSelector } {
  let from: number | null = null;
  let to: number | null = null;
  if (span.start !== null && span.end !== null) {
    if (span.end <= span.start || span.end > offsets.length)
      throw new ImportError(
        span.where,
        `the span ${span.start}..${span.end} is not within the article text (0..${offsets.length} characters)`,
      );
    from = offsets.utf16(span.start);
    to = offsets.utf16(span.end);
    if (span.exact !== null && text.slice(from, to) !== span.exact) {
      throw new ImportError(
        span.where,
        `the text at ${span.start}..${span.end} is ${JSON.stringify(text.slice(from, to))}, not ${JSON.stringify(span.exact)}`,
        'The offsets count Unicode code points into the article text; was the text changed in the tool?',
      );
    }
  } else if (span.exact !== null) {
    const selector = {
      exact: span.exact,
      ...(span.prefix === undefined ? {} : { prefix: span.prefix }),
      ...(span.suffix === undefined ? {} : { suffix: span.suffix }),
    };
    const matches = matchSelector(text, selector);
    if (matches.length !== 1)
      throw new ImportError(
        span.where,
        `${JSON.stringify(span.exact)} ${matches.length === 0 ? 'is not in the article text' : `occurs ${matches.length} times and nothing says which`}`,
        'Give a TextPositionSelector, or a prefix or suffix that picks one occurrence.',
      );
    from = matches[0]!;
    to = from + span.exact.length;
  } else {
    throw new ImportError(span.where, 'the span has neither offsets nor text');
  }
  const exact = text.slice(from, to);
  if (exact.includes('\n'))
    throw new ImportError(
      span.where,
      `the span ${JSON.stringify(exact)} crosses a paragraph break`,
      'An annotation lies within one block (paragraph or subheading); split it in two.',
    );
  if (exact.trim() !== exact || exact === '')
    throw new ImportError(
      span.where,
      `the span ${JSON.stringify(exact)} starts or ends with white space`,
      'Select the words only, without the spaces around them.',
    );
  // The tool's own context, when it singles out the same occurrence; otherwise the shortest that does.
  if (span.prefix !== undefined || span.suffix !== undefined) {
    const given = {
      exact,
      ...(span.prefix === undefined ? {} : { prefix: span.prefix }),
      ...(span.suffix === undefined ? {} : { suffix: span.suffix }),
    };
    const matches = matchSelector(text, given);
    if (matches.length === 1 && matches[0] === from) return { from, selector: given };
  }
  return { from, selector: minimalSelector(text, from, to) };
}

export type Outcome = 'added' | 'unchanged' | 'duplicate' | 'conflict';

export interface MergeReport {
  article: Article;
  entries: Array<{ layer: Layer; id: string; outcome: Outcome; detail: string }>;
}

const mainPosition = (text: string, annotation: AnyAnnotation) =>
  matchSelector(text, (annotation as { selector: TextQuoteSelector }).selector)[0] ?? -1;

/**
 * Adds the built annotations to a copy of the article. An annotation with an existing id is `unchanged` when equal
 * and a `conflict` otherwise (nothing is replaced); one of the same kind on the same words under another id is a
 * `duplicate` and is not added again.
 */
export function mergeAnnotations(article: Article, built: Built['annotations']): MergeReport {
  const next = structuredClone(article);
  const text = articleText(article);
  const entries: MergeReport['entries'] = [];
  const all = () =>
    Object.entries(next.annotations).flatMap(([layer, list]) =>
      (list as AnyAnnotation[]).map((a) => ({ layer: layer as Layer, annotation: a })),
    );
  for (const { layer, annotation } of built) {
    const existing = all().find((e) => e.annotation.id === annotation.id);
    if (existing) {
      const same =
        existing.layer === layer &&
        isDeepStrictEqual(JSON.parse(JSON.stringify(existing.annotation)), JSON.parse(JSON.stringify(annotation)));
      entries.push({
        layer,
        id: annotation.id,
        outcome: same ? 'unchanged' : 'conflict',
        detail: same
          ? 'already in the record, identical'
          : `the record already has a different ${existing.layer} annotation "${annotation.id}"`,
      });
      continue;
    }
    const at = mainPosition(text, annotation);
    const list = next.annotations[layer] as AnyAnnotation[];
    const twin = list.find(
      (a) =>
        mainPosition(text, a) === at &&
        (a as { selector: TextQuoteSelector }).selector.exact ===
          (annotation as { selector: TextQuoteSelector }).selector.exact,
    );
    if (twin) {
      entries.push({
        layer,
        id: annotation.id,
        outcome: 'duplicate',
        detail: `the same words are already annotated as "${twin.id}"; not added again`,
      });
      continue;
    }
    list.push(annotation);
    entries.push({
      layer,
      id: annotation.id,
      outcome: 'added',
      detail: (annotation as { selector: TextQuoteSelector }).selector.exact,
    });
  }
  return { article: next, entries };
}

/** Every annotation of an article, by id (for comparing round trips). */
export function annotationsById(annotations: Annotations): Map<string, AnyAnnotation> {
  return new Map(
    Object.values(annotations).flatMap((list) => (list as AnyAnnotation[]).map((a) => [a.id, a] as const)),
  );
}

export { ROLE_PATTERNS };
