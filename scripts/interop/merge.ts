/**
 * From annotations made in a tool to this dataset's annotations, merged into an article. Each format's reader turns
 * its file into `ToolAnnotation`s (spans with code point offsets and/or quoted text, a label, perhaps an id, a link
 * and the exported fields); this module finds each span in the article text, computes its `TextQuoteSelector`
 * (with a prefix or suffix wherever the exact text repeats), fills in what the tool did not say (entity stubs and
 * `TODO` placeholders that validation rejects until a curator completes them), and merges the result without ever
 * replacing an existing annotation. Pure functions.
 */
import type { Article, Entity, Genre, TextQuoteSelector } from '../../types/index.ts';
import { ENTITY_PLACEHOLDER, OUTLET_PLACEHOLDER } from '../lib/article-template.ts';
import { articleText, matchSelector, minimalSelector } from '../lib/text-quote.ts';
import {
  assemble,
  BLOCK_LABELS,
  CHOICE_FIELDS,
  contextOf,
  exportedBlocks,
  GENRE_FIELD,
  isRecord,
  parseNote,
  kindLabel,
  LEVEL_FIELD,
  MAIN,
  numberRoles,
  recordVersion,
  resolveLink,
  ROLE_PATTERNS,
  setPath,
  stableJson,
  type AnyAnnotation,
  type ChoiceField,
  type Layer,
} from './model.ts';
import { LAYERS } from '../lib/layers.ts';
import { RECORD_FILE } from '../checks/layout.ts';
import { slugify } from '../lib/portable-names.ts';
import type { Registry } from '../lib/registry.ts';

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
  /** The record's version the export carried with the annotation (null for one made in a tool). */
  version: string | null;
  /** The choices the tool shows on the annotation (`{ Attribution: 'belief' }`): they win over the exported fields. */
  choices?: Record<string, string>;
}

/** What a format's reader gives: the annotations, the article's structure, and the tool's text when it has one. */
export interface Read {
  items: ToolAnnotation[];
  document: ToolDocument | null;
  toolText: string | null;
}

/** The choices a file shows in one place (`{ Genre: 'genre:Analysis' }`), and where that is in the file. */
type Shown = { choices: Record<string, string>; where: string };

/**
 * The article's structure as a file gives it: its block spans, and the place whose choices hold its genre (none there:
 * no genre). A file without blocks says nothing of the structure.
 */
export interface ToolDocument {
  blocks: Array<Pick<Region, 'start' | 'end' | 'label'> & Shown>;
  genreAt?: Shown | undefined;
}

/** A span a tool labelled (a brat text-bound annotation, a Label Studio region), with what hangs off it. */
export interface Region {
  where: string;
  regionId: string;
  label: string;
  start: number;
  end: number;
  exact: string | null;
}

/** A relation from a main span to a role span, labelled by the role (brat relations, Label Studio relations). */
export type Relation = { from: string; to: string; label: string };

/**
 * What a brat or Label Studio file says: its regions, the relations between them, and by region id the record each
 * links to, its choices (`{ Attribution: 'belief' }`; a Label Studio task's own under null) and the note an export
 * wrote on it.
 */
export interface Regions {
  regions: Region[];
  relations: Relation[];
  links: Map<string, string>;
  choices: Map<string | null, Record<string, string>>;
  notes: Map<string, { text: string; where: string }>;
}

const ROLE_LABELS = new Set(Object.keys(ROLE_PATTERNS));

/**
 * A tool's regions as annotations: each main region with the role regions its relations tie to it, and the block
 * regions as the article's structure, its genre from the task's choices (Label Studio) or else from the block that
 * has it. With an export's note, each span takes the prefix/suffix the note recorded for its role (numbered roles in
 * text order), so a round trip keeps them. `version` is the record's version the file gives for all its regions.
 */
export function fromRegions(facts: Regions, version: string | null, toolText: string | null): Read {
  const { regions, relations } = facts;
  const roleOf = new Map<string, { main: string; label: string }>();
  for (const r of relations) if (ROLE_LABELS.has(r.label)) roleOf.set(r.to, { main: r.from, label: r.label });
  const byId = new Map(regions.map((r) => [r.regionId, r]));
  const span = (role: string, { start, end, exact, where }: Region): ToolSpan => ({ role, start, end, exact, where });
  const items: ToolAnnotation[] = [];
  for (const region of regions) {
    if (roleOf.has(region.regionId) || BLOCK_LABELS.has(region.label)) continue;
    if (ROLE_LABELS.has(region.label))
      throw new ImportError(
        region.where,
        `${JSON.stringify(region.regionId)} is a ${region.label} span that no relation ties to an annotation`,
        `Add a "${region.label}" relation from the annotation's main span to it, or delete it.`,
      );
    const raw = facts.notes.get(region.regionId);
    // A note the export wrote (JSON); other notes are the annotators'.
    const note = raw?.text.startsWith('{') ? parseNote(raw.text) : undefined;
    if (note === null)
      throw new ImportError(
        raw!.where,
        `the note on ${JSON.stringify(region.regionId)} is not the JSON the export wrote`,
        'Remove the note, or restore it as exported.',
      );
    const spans = [span(MAIN, region)];
    for (const [roleId, role] of roleOf)
      if (role.main === region.regionId && byId.has(roleId))
        spans.push(span(ROLE_PATTERNS[role.label]!, byId.get(roleId)!));
    const numbered = spans.filter((s) => s.role.includes('#')).sort((a, b) => a.start! - b.start!);
    numberRoles(numbered.map((s) => s.role)).forEach((role, i) => (numbered[i]!.role = role));
    for (const s of spans) Object.assign(s, contextOf(note?.context?.[s.role] ?? {}));
    const fields = note?.fields;
    items.push({
      where: region.where,
      layer: note && Object.hasOwn(LAYERS, note.layer) ? (note.layer as Layer) : null,
      label: region.label,
      id: note?.id ?? null,
      spans,
      fields: isRecord(fields) ? fields : null,
      link: facts.links.get(region.regionId) ?? null,
      version: version ?? (typeof note?.version === 'string' ? note.version : null),
      choices: facts.choices.get(region.regionId) ?? {},
    });
  }
  const blocks = regions
    .filter((r) => BLOCK_LABELS.has(r.label))
    .map((r) => ({ ...r, choices: facts.choices.get(r.regionId) ?? {} }));
  const task = facts.choices.get(null);
  const genreAt = task
    ? { choices: task, where: '' }
    : (blocks.find((b) => GENRE_FIELD.name in b.choices) ?? blocks[0]);
  return { items, document: { blocks, genreAt }, toolText };
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

/** Words as an id's slug, at most 60 characters (`x` when they have no letter or digit). */
const slug = (text: string) => slugify(text).slice(0, 60).replace(/-+$/, '') || 'x';

export interface Built {
  annotations: Array<{ layer: Layer; annotation: AnyAnnotation; where: string }>;
  /** Entity records to write for mentions whose link names no entity yet (kind from the label, name from the text). */
  entities: Entity[];
  /** What the import filled in that a curator should check, one line each. */
  notices: string[];
  /** The record versions the file's exported annotations carry (none for annotations made in a tool). */
  versions: Set<string>;
  /** Ids of exported annotations relabelled in the tool as another kind: replaced by a new annotation. */
  replaced: Set<string>;
}

/** The time of an event whose time expression was marked in a tool: an instant whose value the curator gives. */
const TIME_STUB = { type: 'instant', value: null, beginPoint: null, endPoint: null, relative: null };

/** Whether a role (`hedges/0`) is one the annotations have: the main span or a pattern of ROLE_PATTERNS. */
const rolePattern = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('#', '(?:\\d+|#)');
const KNOWN_ROLES = new RegExp(`^(?:${[MAIN, ...Object.values(ROLE_PATTERNS)].map(rolePattern).join('|')})$`);

const quoted = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * Turns tool annotations into dataset annotations for `article`. `toolText`, when the tool carries the text (brat's
 * .txt, Label Studio's data.text), must be the article text: offsets into another text would point at other words.
 * An exported annotation (with its note) keeps its id and fields, and takes what the tool changed: its spans, its
 * link (a re-link), its label (a mention's entity kind must then match; another kind of annotation makes a new one).
 * An annotation made in the tool gets an id, the fields a tool cannot say as `TODO` placeholders, and an entity
 * record for a mention that links to none.
 */
export function buildAnnotations(
  article: Pick<Article, 'body' | 'annotations'>,
  registry: Registry,
  items: readonly ToolAnnotation[],
  toolText: string | null,
  entityKinds: readonly string[],
): Built {
  const text = articleText(article);
  // The UTF-16 index of each code point offset (and of the end).
  const units = [0];
  for (const point of text) units.push(units[units.length - 1]! + point.length);
  if (toolText !== null && toolText !== text) {
    const [points, ours] = [[...toolText], [...text]];
    let at = 0;
    while (points[at] === ours[at]) at++;
    throw new ImportError(
      '',
      `the text in the import file differs from the article text at character ` +
        `${at} (${JSON.stringify(points.slice(at, at + 20).join(''))} instead of ` +
        `${JSON.stringify(ours.slice(at, at + 20).join(''))})`,
      'Annotate the text exported by `npm run build` (dist/annotations/), unchanged: offsets into another text ' +
        'would point at other words.',
    );
  }
  const usedIds = new Set<string>(
    Object.values(article.annotations).flatMap((list) => (list as Array<{ id: string }>).map((a) => a.id)),
  );
  for (const item of items) if (item.id !== null) usedIds.add(item.id);
  const built: Built = { annotations: [], entities: [], notices: [], versions: new Set(), replaced: new Set() };
  const newEntities = new Map<string, Entity>();
  const kindOfLabel = new Map(entityKinds.map((kind) => [kindLabel(kind), kind]));
  // Labels that name a layer: every entity kind for mentions, and each layer's label (first, should they meet).
  const layerOfLabel = new Map<string, Layer>([
    ...[...kindOfLabel.keys()].map((label): [string, Layer] => [label, 'mentions']),
    ...Object.entries(LAYERS).map(([layer, spec]): [string, Layer] => [spec.label, layer as Layer]),
  ]);
  for (const item of items) {
    const layer = layerOfLabel.get(item.label);
    if (layer === undefined)
      throw new ImportError(
        item.where,
        `the label ${quoted(item.label)} is not one of this dataset's`,
        `Use a label of the export's configuration (annotations/label-studio/config.xml, brat's ` +
          `annotation.conf): ${[...layerOfLabel.keys()].join(', ')}.`,
      );
    // Relabelled as another kind of annotation: a new annotation of that kind (the old one is then removed).
    const exported = item.fields !== null && item.layer === layer;
    if (item.fields !== null && item.version !== null) built.versions.add(item.version);
    if (item.fields !== null && !exported && item.id !== null) built.replaced.add(item.id);
    const spec = LAYERS[layer];
    for (const span of item.spans)
      if (!KNOWN_ROLES.test(span.role))
        throw new ImportError(
          span.where,
          `the role ${quoted(span.role)} is not one an annotation has`,
          `Roles: ${Object.keys(ROLE_PATTERNS).join(', ')}.`,
        );
    const placed = item.spans.map((span) => ({ span, ...place(text, units, span) }));
    const main = placed.find((p) => p.span.role === MAIN);
    if (!main) throw new ImportError(item.where, 'the annotation has no main span');
    // Roles given as patterns (`hedges/#`) are numbered in text order.
    const inOrder = [...placed].sort((a, b) => a.from - b.from);
    const roles = numberRoles(inOrder.map((p) => p.span.role));
    const spans = inOrder.map((p, i) => ({ role: roles[i]!, selector: p.selector }));
    let id = exported ? item.id : null;
    for (let n = 1; id === null; n++) {
      const candidate = `${spec.idPrefix}-${slug(main.selector.exact)}-${n}`;
      if (!usedIds.has(candidate)) usedIds.add((id = candidate));
    }
    // The record the annotation links to: the tool's (a re-link), else the exported one.
    const typed = spec.link && item.link?.trim() ? item.link : null;
    let link = typed === null ? null : resolveLink(registry, spec.link!.collection, typed);
    if (link === null && layer === 'mentions' && (typed !== null || !exported))
      link = entityStub(typed, main.selector.exact, kindOfLabel.get(item.label), item.where, registry, newEntities).id;
    else if (link === null && typed !== null)
      throw new ImportError(
        item.where,
        `${quoted(typed)} is no ${spec.link!.collection === 'outlets' ? 'outlet' : 'entity'} in the data folder`,
        `Type the id of a record in ${spec.link!.collection}/ (or a Wikidata QID it has), or add the record first.`,
      );
    const entity = link === null ? undefined : (registry.entities.get(link) ?? newEntities.get(link));
    const labelKind = kindOfLabel.get(item.label);
    if (layer === 'mentions' && entity && labelKind !== undefined && entity.kind !== labelKind)
      throw new ImportError(
        item.where,
        `the mention ${quoted(main.selector.exact)} is labelled ${item.label}, but it links to ` +
          `${quoted(entity.id)}, which is a ${entity.kind}`,
        `Link it to an entity of kind ${labelKind} (type its id or Wikidata QID), or label it ` +
          `${kindLabel(entity.kind)}.`,
      );
    const placeholder = spec.link?.collection === 'outlets' ? OUTLET_PLACEHOLDER : ENTITY_PLACEHOLDER;
    const annotationFields = exported
      ? structuredClone(item.fields!)
      : spec.stub(link ?? placeholder, main.selector.exact, entity);
    if (exported && link !== null && spec.link) setPath(annotationFields, spec.link.field, link);
    if (!exported && spec.link && link === null && layer !== 'events' && layer !== 'figures')
      built.notices.push(
        `${id}: ${quoted(main.selector.exact)} links to no record: wrote the placeholder "${placeholder}"; ` +
          `type the ${spec.link.as}'s id in the tool, or edit the record.`,
      );
    for (const [name, value] of Object.entries(item.choices ?? {})) {
      const choice = CHOICE_FIELDS.find((f) => f.on === layer && f.name === name);
      if (choice) setPath(annotationFields, choice.path, checkedChoice(choice, value, item.where), false);
    }
    completeSelectors(layer, annotationFields, spans);
    built.annotations.push({ layer, annotation: assemble(id, annotationFields, spans), where: item.where });
  }
  built.entities = [...newEntities.values()];
  for (const entity of built.entities)
    built.notices.push(
      `new entity ${quoted(entity.id)} (${entity.kind}, named ${quoted(entity.name)}): check its kind and name, ` +
        `add its aliases and Wikidata id.`,
    );
  return built;
}

/**
 * Where the annotation's shape asks for a selector the tool did not give, what the record must hold instead: a
 * quote's or claim's source without a span has `selector: null`; an event's time without its span is no time, and a
 * time span on an event without one makes a time for the curator to complete.
 */
function completeSelectors(layer: Layer, fields: Record<string, unknown>, spans: ReadonlyArray<{ role: string }>) {
  const given = (role: string) => spans.some((s) => s.role === role);
  for (const key of ['source', 'claimant']) {
    const value = fields[key];
    if (isRecord(value) && !given(`${key}/selector`)) value.selector = null;
  }
  if (layer === 'events' && !given('time/selector')) fields.time = null;
  else if (layer === 'events' && !isRecord(fields.time)) fields.time = { ...TIME_STUB };
}

/** The entity a mention made in a tool links to when no record matches: a new record, or one made before. */
function entityStub(
  typed: string | null,
  text: string,
  kind: string | undefined,
  where: string,
  registry: Registry,
  made: Map<string, Entity>,
): Entity {
  if (kind === undefined)
    throw new ImportError(
      where,
      `the mention ${quoted(text)} links to no entity, and its label does not say what kind of entity to add`,
      "Label it with the entity's kind (Person, Country…), or link it to an entity of data/entities/.",
    );
  const qid = typed !== null && /^Q\d+$/.test(typed.trim()) ? typed.trim() : null;
  const base = typed !== null && qid === null && RECORD_FILE.test(`${typed.trim()}.json`) ? typed.trim() : slug(text);
  let id = base;
  for (let n = 2; registry.entities.has(id) || (made.has(id) && made.get(id)!.kind !== kind); n++) id = `${base}-${n}`;
  const entity: Entity = made.get(id) ?? {
    id,
    kind: kind as Entity['kind'],
    name: text,
    aliases: [],
    demonyms: [],
    roles: [],
    identifiers: qid ? { wikidata: qid } : {},
  };
  made.set(id, entity);
  return entity;
}

/** Finds one span in the article text and computes its selector. */
function place(text: string, units: number[], span: ToolSpan): { from: number; selector: TextQuoteSelector } {
  const refuse = (message: string, hint?: string) => new ImportError(span.where, message, hint);
  let from: number;
  let to: number;
  if (span.start !== null && span.end !== null) {
    if (span.start < 0 || span.end <= span.start || span.end >= units.length)
      throw refuse(
        `the span ${span.start}..${span.end} is not within the article text (0..${units.length - 1} characters)`,
      );
    [from, to] = [units[span.start]!, units[span.end]!];
    if (span.exact !== null && text.slice(from, to) !== span.exact)
      throw refuse(
        `the text at ${span.start}..${span.end} is ${JSON.stringify(text.slice(from, to))}, ` +
          `not ${JSON.stringify(span.exact)}`,
        'The offsets count Unicode code points into the article text; was the text changed in the tool?',
      );
  } else if (span.exact !== null) {
    const matches = matchSelector(text, { exact: span.exact, ...contextOf(span) });
    const many = `occurs ${matches.length} times and nothing says which`;
    if (matches.length !== 1)
      throw refuse(
        `${JSON.stringify(span.exact)} ${matches.length === 0 ? 'is not in the article text' : many}`,
        'Give a TextPositionSelector, or a prefix or suffix that picks one occurrence.',
      );
    [from, to] = [matches[0]!, matches[0]! + span.exact.length];
  } else throw refuse('the span has neither offsets nor text');
  const exact = text.slice(from, to);
  if (exact.includes('\n'))
    throw refuse(
      `the span ${JSON.stringify(exact)} crosses a paragraph break`,
      'An annotation lies within one block (paragraph or subheading); split it in two.',
    );
  if (exact.trim() !== exact || exact === '')
    throw refuse(
      `the span ${JSON.stringify(exact)} starts or ends with white space`,
      'Select the words only, without the spaces around them.',
    );
  // The tool's own context, when it singles out the same occurrence; otherwise the shortest that does.
  if (span.prefix !== undefined || span.suffix !== undefined) {
    const given = { exact, ...contextOf(span) };
    const matches = matchSelector(text, given);
    if (matches.length === 1 && matches[0] === from) return { from, selector: given };
  }
  return { from, selector: minimalSelector(text, from, to) };
}

/** What an import changes in a record, annotation by annotation. */
export interface Change {
  outcome: 'added' | 'changed' | 'removed' | 'unchanged' | 'duplicate';
  layer: Layer;
  id: string;
  before: AnyAnnotation | null;
  after: AnyAnnotation | null;
  /** Where in the import file (for an annotation the file holds). */
  where: string;
  /** A removal because the tool relabelled the annotation as another kind (needs no --allow-delete). */
  relabelled?: boolean;
}

export interface ImportPlan {
  /** The record with the changes applied (removals only when allowed). */
  article: Article;
  changes: Change[];
  /** The record's version now, and the one the file was exported from (null for a file no export made). */
  version: string;
  exported: string | null;
  /** What the file changes in the article itself (genre, block types and levels), one line each. */
  document: string[];
}

/**
 * Compares the built annotations with the record. An annotation with an id the record has is `unchanged` or
 * `changed`; one with a new id is `added`, unless the record has the same kind on the same words (`duplicate`, not
 * added again). An annotation of the record that the file lacks is `removed` only when the file is an export of the
 * record as it is now (its version matches): a region deleted in the tool. Removals are applied when `allowDelete`.
 */
export function planImport(
  article: Article,
  built: Built,
  allowDelete: boolean,
  document: ToolDocument | null = null,
): ImportPlan {
  const version = recordVersion(article);
  const exported = built.versions.size === 1 ? [...built.versions][0]! : null;
  if (built.versions.size > 1)
    throw new ImportError(
      '',
      `the file holds annotations exported from ${built.versions.size} versions of the record ` +
        `(${[...built.versions].join(', ')})`,
      'Import one export of the record at a time.',
    );
  const current = new Map<string, { layer: Layer; annotation: AnyAnnotation }>();
  const atWords = new Map<string, string>();
  for (const [layer, list] of Object.entries(article.annotations) as Array<[Layer, AnyAnnotation[]]>)
    for (const annotation of list) {
      current.set(annotation.id, { layer, annotation });
      atWords.set(`${layer} ${stableJson(mainSelector(annotation))}`, annotation.id);
    }
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const { layer, annotation, where } of built.annotations) {
    seen.add(annotation.id);
    // The record's annotation of this id; else, of the same kind on the same words, its twin.
    const own = current.get(annotation.id);
    const twin = atWords.get(`${layer} ${stableJson(mainSelector(annotation))}`);
    const before = own ?? (twin === undefined ? undefined : current.get(twin));
    const same = own?.layer === layer && stableJson(own.annotation) === stableJson(annotation);
    const outcome = own ? (same ? 'unchanged' : 'changed') : before ? 'duplicate' : 'added';
    changes.push({ outcome, layer, id: annotation.id, before: before?.annotation ?? null, after: annotation, where });
  }
  if (exported === version)
    for (const [id, { layer, annotation }] of current)
      if (!seen.has(id))
        changes.push({
          outcome: 'removed',
          layer,
          id,
          before: annotation,
          after: null,
          where: '',
          relabelled: built.replaced.has(id),
        });
  const next = structuredClone(article);
  const byId = new Map(changes.map((c) => [c.id, c]));
  for (const layer of Object.keys(next.annotations) as Layer[]) {
    const kept = (next.annotations[layer] as AnyAnnotation[]).flatMap((annotation) => {
      const change = byId.get(annotation.id);
      if (change?.outcome === 'removed') return allowDelete || change.relabelled ? [] : [annotation];
      if (change?.outcome === 'changed') return change.layer === layer ? [change.after!] : [];
      return [annotation];
    });
    // Added here, or changed from another layer (relabelled): appended.
    const arrives = (c: Change) =>
      c.outcome === 'added' || (c.outcome === 'changed' && current.get(c.id)!.layer !== layer);
    kept.push(...changes.filter((c) => c.layer === layer && arrives(c)).map((c) => c.after!));
    (next.annotations as Record<Layer, AnyAnnotation[]>)[layer] = kept;
  }
  return { article: next, changes, version, exported, document: document ? applyDocument(next, document) : [] };
}

const mainSelector = (annotation: AnyAnnotation) => (annotation as { selector: TextQuoteSelector }).selector;

/** A choice's value, checked against the values the schema allows. */
function checkedChoice(choice: ChoiceField, text: string, where: string): unknown {
  if (!choice.values.includes(text))
    throw new ImportError(
      where,
      `${JSON.stringify(text)} is not a value of ${choice.name}`,
      `Choose one of ${choice.values.join(', ')}.`,
    );
  // As the field holds it: `true` → true, `2` → 2.
  return choice.type === 'boolean' ? text === 'true' : choice.type === 'integer' ? Number(text) : text;
}

/**
 * Applies a file's structure to an article (in place): each block span names a whole block, whose type and level it
 * sets; the genre is the file's (a file that gives the blocks gives the genre; none means none). Returns what
 * changed, one line each.
 */
function applyDocument(article: Article, { blocks, genreAt }: ToolDocument): string[] {
  if (blocks.length === 0) return [];
  const byStart = new Map(exportedBlocks(article).map((b, i) => [b.start, { ...b, index: i }]));
  const changes: string[] = [];
  for (const span of blocks) {
    const found = byStart.get(span.start);
    const type = BLOCK_LABELS.get(span.label)!;
    if (!found || found.end !== span.end)
      throw new ImportError(
        span.where,
        `the ${span.label} span ${span.start}..${span.end} is not a whole block of the article`,
        'A Paragraph, Subheading or ListItem span covers exactly one block, as the export wrote it.',
      );
    const shown = span.choices[LEVEL_FIELD.name];
    const block = article.body[found.index]!;
    let level = type === 'listItem' ? block.level : undefined;
    if (type === 'listItem' && shown !== undefined) level = checkedChoice(LEVEL_FIELD, shown, span.where) as number;
    if (type === 'listItem' && level === undefined)
      throw new ImportError(
        span.where,
        'a ListItem span needs a Level',
        `Choose one of ${LEVEL_FIELD.values.join(', ')}.`,
      );
    const next = { type, ...(level === undefined ? {} : { level }), text: block.text } as typeof block;
    const name = (b: typeof block) => `${b.type}${b.level === undefined ? '' : ` level ${b.level}`}`;
    if (name(block) !== name(next))
      changes.push(`~ body/${found.index} ${JSON.stringify(block.text.slice(0, 40))}: ${name(block)} → ${name(next)}`);
    article.body[found.index] = next;
  }
  const shown = genreAt?.choices[GENRE_FIELD.name];
  const genre =
    shown === undefined ? undefined : (checkedChoice(GENRE_FIELD, shown, genreAt!.where || blocks[0]!.where) as Genre);
  if (genre !== article.genre)
    changes.push(`~ genre: ${JSON.stringify(article.genre ?? null)} → ${JSON.stringify(genre ?? null)}`);
  if (genre === undefined) delete article.genre;
  else article.genre = genre;
  return changes;
}
