/**
 * brat standoff (https://brat.nlplab.org/standoff.html): the article text as `<id>.txt` and its annotations as
 * `<id>.ann`. Offsets count Unicode code points, as brat (Python) does. Each annotation's main span is a text-bound
 * annotation (`T`) typed by what it is: a mention by its entity's kind (`Person`, `Country`…), the others by their
 * kind (`Quote`, `Figure`, `CitedSource`, `Event`); its other spans are `T`s typed by their role (`Attribution`,
 * `Continuation`, `Hedge`, `Time`), tied to the main span by a relation (`R`) of the same name. Links become
 * normalisations (`N`): `Wikidata:Q…` when the entity has a QID, and `AnnotatedNews:<id>` always. An
 * `AnnotatorNotes` note (`#`) holds the annotation's id and fields as JSON, so an import gives it back exactly.
 */
import type { Article, PublishedArticle } from '../../types/index.ts';
import { parseJsonSource } from '../lib/json-source.ts';
import { contextOf, decomposeArticle, recordVersion, type Decomposed } from './spans.ts';
import {
  ARTICLE_SCHEMA,
  choiceValues,
  choicesOf,
  getLink,
  kindLabel,
  mainLabel,
  roleLabel,
  rolePatterns,
  wikidataOf,
} from './layers.ts';
import { BLOCK_LABELS, exportedBlocks, GENRE_FIELD } from './document.ts';
import { LAYERS } from '../lib/layers.ts';
import type { Registry } from '../lib/registry.ts';

/** The normalisation databases this export uses (brat's tools.conf names them). */
export const NORM_DATASET = 'AnnotatedNews';
export const NORM_WIKIDATA = 'Wikidata';

/** A note's payload: what the spans and types do not say. */
export interface BratNote {
  layer: string;
  id: string;
  /** The record's version at export (see `recordVersion`). */
  version?: string;
  fields: Record<string, unknown>;
  /** prefix/suffix of each span's selector, by role, so the import restores the same selectors. */
  context?: Record<string, { prefix?: string; suffix?: string }>;
}

/**
 * What an export carries of an annotation besides its spans (a brat note, a Label Studio region's `meta`): its layer,
 * id and fields, the record's version, and each span's prefix/suffix by role.
 */
export function notePayload(item: Decomposed, version: string): BratNote {
  const context: NonNullable<BratNote['context']> = {};
  for (const span of item.spans)
    if (span.selector.prefix !== undefined || span.selector.suffix !== undefined)
      context[span.role] = contextOf(span.selector);
  return {
    layer: item.layer,
    id: item.id,
    version,
    fields: item.fields,
    ...(Object.keys(context).length > 0 ? { context } : {}),
  };
}

/**
 * A note's payload as the export wrote it, read as strictly as a record (scripts/lib/json-source.ts: depth, size,
 * forbidden keys); null when the note is not JSON the export wrote.
 */
export function parseNote(text: string): BratNote | null {
  const parsed = parseJsonSource(Buffer.from(text, 'utf8'));
  if (!parsed.ok) return null;
  const note = parsed.value as Partial<BratNote>;
  return typeof note.layer === 'string' && typeof note.id === 'string' ? (note as BratNote) : null;
}

/** The `.ann` text of one article. */
export function bratAnn(
  article: Pick<Article | PublishedArticle, 'body' | 'annotations' | 'genre'>,
  registry: Registry,
): string {
  const { annotations, offsets } = decomposeArticle(article);
  const version = recordVersion(article);
  const lines: string[] = [];
  let t = 0;
  let r = 0;
  let n = 0;
  let note = 0;
  let a = 0;
  const attributes = (target: string, choices: Record<string, string>) => {
    for (const [name, value] of Object.entries(choices)) lines.push(`A${++a}\t${name} ${target} ${value}`);
  };
  for (const item of annotations) {
    const mainT = `T${++t}`;
    const main = item.spans[0]!;
    lines.push(`${mainT}\t${mainLabel(item, registry)} ${main.start} ${main.end}\t${main.selector.exact}`);
    for (const span of item.spans.slice(1)) {
      const roleT = `T${++t}`;
      const label = roleLabel(span.role);
      lines.push(`${roleT}\t${label} ${span.start} ${span.end}\t${span.selector.exact}`);
      lines.push(`R${++r}\t${label} Arg1:${mainT} Arg2:${roleT}`);
    }
    const link = LAYERS[item.layer].link;
    const linked = getLink(LAYERS[item.layer], item.fields);
    if (link && typeof linked === 'string') {
      const name = link.collection === 'entities' ? (registry.entities.get(linked)?.name ?? linked) : linked;
      const qid = link.collection === 'entities' ? wikidataOf(registry.entities.get(linked)) : null;
      if (qid) lines.push(`N${++n}\tReference ${mainT} ${NORM_WIKIDATA}:${qid}\t${name}`);
      lines.push(`N${++n}\tReference ${mainT} ${NORM_DATASET}:${linked}\t${name}`);
    }
    attributes(mainT, choicesOf(item.layer, item.fields));
    lines.push(`#${++note}\tAnnotatorNotes ${mainT}\t${JSON.stringify(notePayload(item, version))}`);
  }
  // The blocks, as spans typed by their type (a block broken by a line feed in fragments, as brat writes it).
  exportedBlocks(article, offsets).forEach((block, index) => {
    const fragments: string[] = [];
    const texts: string[] = [];
    let at = block.start;
    for (const part of block.text.split(/(\r\n|\r|\n)/)) {
      const length = [...part].length;
      if (!/^[\r\n]+$/.test(part) && length > 0) {
        fragments.push(`${at} ${at + length}`);
        texts.push(part);
      }
      at += length;
    }
    lines.push(`T${++t}\t${block.label} ${fragments.join(';')}\t${texts.join(' ')}`);
    const genre = index === 0 && article.genre !== undefined ? { [GENRE_FIELD.name]: article.genre } : {};
    attributes(`T${t}`, { ...block.choices, ...genre });
  });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * brat's `annotation.conf` for these exports: the entity types (entity kinds, annotation kinds, roles, block types),
 * the role relations, and the choices as attributes.
 */
export function bratConf(entityKinds: readonly string[], schema = ARTICLE_SCHEMA): string {
  const layerLabels = Object.values(LAYERS).map((l) => l.label);
  const roles = Object.keys(rolePatterns(schema));
  const choices = choiceValues(schema);
  return [
    '# Generated by `npm run build` (annotated-news): the annotation types of the brat export.',
    '[entities]',
    ...entityKinds.map(kindLabel),
    ...layerLabels,
    ...roles,
    ...BLOCK_LABELS.keys(),
    '',
    '[relations]',
    ...roles.map((role) => `${role}\tArg1:<ENTITY>, Arg2:${role}`),
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    ...[...choices].map(([name, values]) => `${name}\tArg:<ENTITY>, Value:${[...values].join('|')}`),
    '',
  ].join('\n');
}

// Parsing ----------------------------------------------------------------------------------------------------------

/** An annotation of an `.ann` file: its id and its 1-based line. */
type AnnLine = { id: string; line: number };

export interface BratDocument {
  /** Each with one or more [start, end) fragments (discontinuous spans are separated by `;` in the file). */
  textBounds: Array<AnnLine & { type: string; fragments: Array<[number, number]>; text: string }>;
  relations: Array<AnnLine & { type: string; args: Record<string, string> }>;
  events: Array<AnnLine & { type: string; trigger: string; args: Array<[string, string]> }>;
  attributes: Array<AnnLine & { name: string; target: string; value: string | null }>;
  normalizations: Array<AnnLine & { type: string; target: string; database: string; key: string; text: string }>;
  notes: Array<AnnLine & { type: string; target: string; text: string }>;
  equivalences: Array<{ type: string; members: string[]; line: number }>;
}

/** A line of an `.ann` file that does not follow the format, with its 1-based line number. */
export class BratSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * Parses an `.ann` file (brat standoff): text-bound annotations (`T`), relations (`R`), events (`E`), attributes
 * (`A`, and the older `M`), normalisations (`N`), notes (`#`) and equivalences (`*`). Blank lines are skipped; any
 * other line that does not follow the format is a BratSyntaxError naming the line.
 */
export function parseBratAnn(ann: string): BratDocument {
  const doc: BratDocument = {
    textBounds: [],
    relations: [],
    events: [],
    attributes: [],
    normalizations: [],
    notes: [],
    equivalences: [],
  };
  const lines = ann.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const fields = raw.split('\t');
    const id = fields[0]!;
    const bad = (why: string): never => {
      throw new BratSyntaxError(line, `${why}: ${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw)}`);
    };
    /** A relation's or an event's argument, `ROLE:ID`. */
    const argument = (part: string): [string, string] => {
      const m = /^([^:]+):(\S+)$/.exec(part);
      return m ? [m[1]!, m[2]!] : bad(`expected ROLE:ID, not ${JSON.stringify(part)}`);
    };
    if (fields.length < 2) bad('expected an id, a tab and the annotation');
    const body = fields[1]!;
    switch (id[0]) {
      case 'T': {
        if (!/^T\d+/.test(id)) bad('a text-bound id is T followed by a number');
        const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
        if (!match) bad('expected "TYPE START END" (fragments separated by ";") after the id');
        if (fields.length < 3) bad('expected the spanned text after a tab');
        const fragments = match![2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
        for (const [s, e] of fragments) if (e < s) bad(`the end ${e} is before the start ${s}`);
        doc.textBounds.push({ id, type: match![1]!, fragments, text: fields.slice(2).join('\t'), line });
        break;
      }
      case 'R': {
        const parts = body.split(' ').filter(Boolean);
        if (parts.length < 3) bad('expected "TYPE Arg1:ID Arg2:ID"');
        doc.relations.push({ id, type: parts[0]!, args: Object.fromEntries(parts.slice(1).map(argument)), line });
        break;
      }
      case 'E': {
        const parts = body.split(' ').filter(Boolean);
        const head = /^([^:]+):(\S+)$/.exec(parts[0] ?? '');
        if (!head) bad('expected "TYPE:TRIGGER-ID" first');
        doc.events.push({ id, type: head![1]!, trigger: head![2]!, args: parts.slice(1).map(argument), line });
        break;
      }
      case 'A':
      case 'M': {
        const parts = body.split(' ').filter(Boolean);
        if (parts.length < 2 || parts.length > 3) bad('expected "NAME TARGET-ID [VALUE]"');
        doc.attributes.push({ id, name: parts[0]!, target: parts[1]!, value: parts[2] ?? null, line });
        break;
      }
      case 'N': {
        const m = /^(\S+) (\S+) ([^:\s]+):(\S+)$/.exec(body);
        if (!m) bad('expected "TYPE TARGET-ID DATABASE:KEY"');
        doc.normalizations.push({
          id,
          type: m![1]!,
          target: m![2]!,
          database: m![3]!,
          key: m![4]!,
          text: fields.slice(2).join('\t'),
          line,
        });
        break;
      }
      case '#': {
        const m = /^(\S+) (\S+)$/.exec(body);
        if (!m) bad('expected "TYPE TARGET-ID" in a note');
        doc.notes.push({ id, type: m![1]!, target: m![2]!, text: fields.slice(2).join('\t'), line });
        break;
      }
      case '*': {
        const parts = body.split(' ').filter(Boolean);
        if (parts.length < 3) bad('expected "TYPE ID ID…" in an equivalence');
        doc.equivalences.push({ type: parts[0]!, members: parts.slice(1), line });
        break;
      }
      default:
        bad('an annotation id starts with T, R, E, A, M, N, # or *');
    }
  });
  const known = new Set([
    ...doc.textBounds.map((t) => t.id),
    ...doc.relations.map((r) => r.id),
    ...doc.events.map((e) => e.id),
  ]);
  for (const r of doc.relations)
    for (const target of Object.values(r.args))
      if (!known.has(target))
        throw new BratSyntaxError(
          r.line,
          `relation ${JSON.stringify(r.id)} refers to ${JSON.stringify(target)}, which is not defined`,
        );
  for (const n of [...doc.normalizations, ...doc.notes, ...doc.attributes])
    if (!known.has(n.target))
      throw new BratSyntaxError(
        n.line,
        `${JSON.stringify(n.id)} refers to ${JSON.stringify(n.target)}, which is not defined`,
      );
  return doc;
}
