/**
 * Each import format's annotations as `ToolAnnotation`s (./merge.ts): main spans with their role spans, the label,
 * the link and, for files this dataset exported, the id and fields from the export's note.
 */
import { contextOf, MAIN, numberRoles, type Layer } from './spans.ts';
import { ROLE_PATTERNS } from './layers.ts';
import { LAYERS } from '../lib/layers.ts';
import { BLOCK_LABELS, GENRE_FIELD, type ToolBlock, type ToolDocument } from './document.ts';
import { NORM_DATASET, NORM_WIKIDATA, parseNote, type BratDocument, type BratNote } from './brat.ts';
import type { LabelStudioRegion } from './label-studio.ts';
import type { W3cItem } from './w3c.ts';
import { ImportError, type ToolAnnotation, type ToolSpan } from './merge.ts';

const ROLE_LABELS = new Set(Object.keys(ROLE_PATTERNS));

/** The span for a role, with the note's context (prefix/suffix) when it has one. */
function withContext(span: Omit<ToolSpan, 'prefix' | 'suffix'>, note: BratNote | null, role: string): ToolSpan {
  return { ...span, ...contextOf(note?.context?.[role] ?? {}) };
}

/** The role a note knows for a pattern, in order of the note's context keys (so exact roles survive). */
function noteLayer(note: BratNote | null): Layer | null {
  return note && typeof note.layer === 'string' && Object.hasOwn(LAYERS, note.layer) ? (note.layer as Layer) : null;
}

/** The exported fields of a note, when they are an object. */
const noteFields = (note: BratNote | null) =>
  note && note.fields !== null && typeof note.fields === 'object' && !Array.isArray(note.fields) ? note.fields : null;
const noteVersion = (note: BratNote | null) => (typeof note?.version === 'string' ? note.version : null);

export function fromW3c(items: readonly W3cItem[]): ToolAnnotation[] {
  return items
    .filter((item) => !item.block && item.genre === null)
    .map((item) => {
      const spans = item.targets.map((t, i) => ({
        role: t.role,
        start: t.start,
        end: t.end,
        exact: t.exact,
        ...contextOf(t),
        where: `${item.where}/target/${i}`,
      }));
      spans.sort((a, b) => (a.role === MAIN ? -1 : b.role === MAIN ? 1 : 0));
      return {
        where: item.where,
        layer: item.layer,
        label: item.label ?? (item.layer ? LAYERS[item.layer].label : 'Mention'),
        id: item.id,
        spans,
        fields: item.fields,
        link: item.link,
        version: item.version,
        choices: item.choices,
      };
    });
}

/** The article's structure in W3C annotations: its blocks' annotations and its genre's; null when it has none. */
export function w3cStructure(items: readonly W3cItem[]): ToolDocument | null {
  const blocks = items
    .filter((item) => item.block)
    .map((item) => ({
      start: item.targets[0]?.start ?? -1,
      end: item.targets[0]?.end ?? -1,
      label: item.label ?? '',
      choices: item.choices,
      where: item.where,
    }));
  const genre = items.find((item) => item.genre !== null);
  return structure(blocks, genre && { choices: { [GENRE_FIELD.name]: genre.genre! }, where: genre.where });
}

export function fromBrat(doc: BratDocument): ToolAnnotation[] {
  const notes = new Map<string, BratNote>();
  for (const note of doc.notes) {
    if (note.type !== 'AnnotatorNotes' || !note.text.startsWith('{')) continue;
    const parsed = parseNote(note.text);
    if (!parsed)
      throw new ImportError(
        `line ${note.line}`,
        `the note on ${JSON.stringify(note.target)} is not the JSON the export wrote`,
        'Remove the note, or restore it as exported.',
      );
    notes.set(note.target, parsed);
  }
  const links = new Map<string, string>();
  for (const n of doc.normalizations) {
    if (n.database === NORM_DATASET) links.set(n.target, n.key);
    else if (n.database === NORM_WIKIDATA && !links.has(n.target)) links.set(n.target, n.key);
  }
  const choices = bratChoices(doc);
  const regions = doc.textBounds.map((t): LabelStudioRegion => {
    if (t.fragments.length !== 1 && !BLOCK_LABELS.has(t.type))
      throw new ImportError(
        `line ${t.line}`,
        `${JSON.stringify(t.id)} is a discontinuous span`,
        'Annotate each part as its own span (a quote interrupted by the reporter: a Quote and a Continuation).',
      );
    const [start, end] = t.fragments[0]!;
    const [where, note, link] = [`line ${t.line}`, notes.get(t.id) ?? null, links.get(t.id) ?? null];
    return {
      where,
      regionId: t.id,
      label: t.type,
      start,
      end,
      text: t.text,
      link,
      note,
      choices: choices.get(t.id) ?? {},
    };
  });
  // Role spans hang off a main span by a relation whose type is the role's label.
  const relations = doc.relations.flatMap(({ type, args }) =>
    args.Arg1 && args.Arg2 ? [{ from: args.Arg1, to: args.Arg2, label: type }] : [],
  );
  return fromRegions(regions, relations, null, (t) => [
    `${JSON.stringify(t.regionId)} is a ${t.label} span that no relation ties to an annotation`,
    `Add a relation "${t.label}" from the annotation's main span (Arg1) to ${JSON.stringify(t.regionId)} (Arg2), ` +
      `or delete it.`,
  ]);
}

/** The attributes of a brat document, by the annotation they are on: name → value (`true` for a binary one). */
function bratChoices(doc: BratDocument): Map<string, Record<string, string>> {
  const choices = new Map<string, Record<string, string>>();
  for (const a of doc.attributes) choices.set(a.target, { ...choices.get(a.target), [a.name]: a.value ?? 'true' });
  return choices;
}

/** The article's structure in a brat document: its block spans and the genre on them; null when it has none. */
export function bratStructure(doc: BratDocument): ToolDocument | null {
  const choices = bratChoices(doc);
  const blocks = doc.textBounds
    .filter((t) => BLOCK_LABELS.has(t.type))
    .map((t) => ({
      start: t.fragments[0]![0],
      end: t.fragments[t.fragments.length - 1]![1],
      label: t.type,
      choices: choices.get(t.id) ?? {},
      where: `line ${t.line}`,
    }));
  return structure(blocks, blocks.find((b) => GENRE_FIELD.name in b.choices) ?? blocks[0]);
}

/** The article's structure in a Label Studio task: its block regions and the task's genre; null when it has none. */
export function labelStudioStructure(
  regions: readonly LabelStudioRegion[],
  choices: Record<string, string>,
): ToolDocument | null {
  const blocks = regions
    .filter((r) => BLOCK_LABELS.has(r.label))
    .map((r) => ({ start: r.start, end: r.end, label: r.label, choices: r.choices, where: r.where }));
  return structure(blocks, { choices, where: blocks[0]?.where ?? '' });
}

/** A file's structure from its blocks and where its genre is (the genre choice of that place). */
function structure(blocks: ToolBlock[], genreAt: { choices: Record<string, string>; where: string } | undefined) {
  if (blocks.length === 0) return null;
  return { blocks, genre: genreAt?.choices[GENRE_FIELD.name] ?? null, where: genreAt?.where ?? blocks[0]!.where };
}

export function fromLabelStudio(
  regions: readonly LabelStudioRegion[],
  relations: ReadonlyArray<{ from: string; to: string; label: string }>,
  version: string | null = null,
): ToolAnnotation[] {
  return fromRegions(regions, relations, version, (region) => [
    `a ${region.label} region that no relation ties to an annotation`,
    `Draw a "${region.label}" relation from the annotation's main region to this one, or delete it.`,
  ]);
}

/**
 * A tool's spans as annotations: each main span with the role spans its relations tie to it. `unattached` gives the
 * message and hint for a role span that no relation ties to an annotation.
 */
function fromRegions(
  regions: readonly LabelStudioRegion[],
  relations: ReadonlyArray<{ from: string; to: string; label: string }>,
  version: string | null,
  unattached: (region: LabelStudioRegion) => [string, string],
): ToolAnnotation[] {
  const roleOf = new Map<string, { main: string; label: string }>();
  for (const r of relations) if (ROLE_LABELS.has(r.label)) roleOf.set(r.to, { main: r.from, label: r.label });
  const byId = new Map(regions.map((r) => [r.regionId, r]));
  const out: ToolAnnotation[] = [];
  for (const region of regions) {
    if (roleOf.has(region.regionId) || BLOCK_LABELS.has(region.label)) continue;
    if (ROLE_LABELS.has(region.label)) throw new ImportError(region.where, ...unattached(region));
    const note = region.note;
    const spans: ToolSpan[] = [
      withContext(
        { role: MAIN, start: region.start, end: region.end, exact: region.text, where: region.where },
        note,
        MAIN,
      ),
    ];
    for (const [roleId, role] of roleOf) {
      const r = role.main === region.regionId ? byId.get(roleId) : undefined;
      if (r)
        spans.push({ role: ROLE_PATTERNS[role.label]!, start: r.start, end: r.end, exact: r.text, where: r.where });
    }
    out.push(
      resolveRoles(
        {
          where: region.where,
          layer: noteLayer(note),
          label: region.label,
          id: note?.id ?? null,
          spans,
          fields: noteFields(note),
          link: region.link,
          version: version ?? noteVersion(note),
          choices: region.choices,
        },
        note,
      ),
    );
  }
  return out;
}

/**
 * Role spans from a tool carry a pattern (`hedges/#`); with an export's note, the exact roles it recorded (in the
 * note's context) are matched back by pattern and order, so a round trip keeps each span's context.
 */
function resolveRoles(item: ToolAnnotation, note: BratNote | null): ToolAnnotation {
  const context = note?.context;
  if (!context) return item;
  const spans = item.spans.map((span) => (span.role.includes('#') ? span : withContext(span, note, span.role)));
  // Numbered roles: give each, in text order, the context recorded for the same index.
  const numbered = spans.filter((s) => s.role.includes('#')).sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  numberRoles(numbered.map((span) => span.role)).forEach((role, i) =>
    Object.assign(numbered[i]!, contextOf(context[role] ?? {})),
  );
  return { ...item, spans };
}
