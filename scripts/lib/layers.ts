/**
 * The annotation layers, declared once: for each kind of annotation, what it is to an annotation tool (its label,
 * the prefix of ids made for it, the field that links it to a registry record, its W3C motivation, the fields an
 * annotation made in a tool starts with) and how the site shows it (heading, help, details). Read by the exports and
 * imports (scripts/interop/) and the site (scripts/site/). Typed against the published records: a renamed or added
 * field or layer fails `tsc` here.
 */
import type { Annotations, Entity, PublishedArticle, TimeExpression, TimePoint } from '../../types/index.ts';
import type { Registry } from './registry.ts';
import { surfaceNumber } from '../checks/surface-number.ts';
import { esc } from '../site/html.ts';

/** An annotation kind: a key of `Annotations` (`mentions`, `quotes`…). */
export type LayerName = keyof Annotations;
type Published = PublishedArticle['annotations'];
export type AnyAnnotation = Published[LayerName][number];
/** One line of an annotation's details on the site: a term and its HTML. */
type Detail = [term: string, html: string];

export interface LayerSpec<A = AnyAnnotation> {
  /**
   * The label of the annotation's main span in brat, Label Studio and the W3C body type (mentions use the entity kind).
   */
  label: string;
  /** Prefix of ids given to annotations made in a tool (`m-jane-doe-1`). */
  idPrefix: string;
  /**
   * The field (a `/`-separated path) that names the record the annotation is about, the registry it is in, and the
   * name it has in the W3C body (`speaker` for a quote's `source/entity`).
   */
  link: { field: string; collection: 'entities' | 'outlets'; as: string } | null;
  /** W3C Web Annotation motivation. */
  motivation: 'identifying' | 'describing' | 'linking';
  /**
   * The fields of an annotation made in a tool, given its link (a registry id, or a `TODO-…` placeholder) and its
   * words (and the entity it links to, if any). What the tool cannot say is a `TODO` placeholder, which validation
   * rejects until a curator completes it.
   */
  stub(link: string, text: string, entity?: Entity): Record<string, unknown>;
  /** The site: the layer's heading (plural) and its help. */
  heading: string;
  help: string;
  /** The site: the details of one annotation, as term/description pairs. */
  details(annotation: A, registry: Registry): Detail[];
  /** The site: extra `<mark>` class names for an annotation (mentions: the entity kind). */
  markClass?(annotation: A, registry: Registry): string | undefined;
}

const UNKNOWN = '<span class="unknown">not stated in the text</span>';

/** An entity id as a link to its page from an article page (or the bare id when the registry has none). */
function entityLink(id: string | null, registry: Registry): string {
  if (id === null) return UNKNOWN;
  const entity = registry.entities.get(id);
  return entity
    ? `<a href="${esc(`../entities/${id}.html`)}">${esc(entity.name)}</a> <span class="kind">${esc(entity.kind)}</span>`
    : esc(id);
}

const outletName = (id: string | null, registry: Registry): string =>
  id === null ? UNKNOWN : esc(registry.outlets.get(id)?.name ?? id);

/** Selectors as quoted passages (`''` when there are none). */
const passages = (list: readonly { exact: string }[]): string => list.map((s) => `“${esc(s.exact)}”`).join(', ');

/**
 * Who is quoted or claims something (PARC source): an unnamed person or group is shown as such, with its affiliation.
 */
function sourceHtml(source: Published['quotes'][number]['source'], registry: Registry): string {
  if (source.entity !== null) return entityLink(source.entity, registry);
  if (source.kind === 'outlet') return (source.outlets ?? []).map((o) => outletName(o, registry)).join(', ');
  if (source.kind === 'implicit') return 'a source the text implies but does not name';
  const of = source.affiliation !== null ? `, of ${entityLink(source.affiliation, registry)}` : '';
  if (source.kind === 'unnamed') return `an unnamed source${of}`;
  if (source.kind === 'group') return `a group${of}`;
  if (source.kind === 'article') return 'the article itself';
  return UNKNOWN;
}

/** TIMEX3's references to the publication time, as a reader says them. */
const REFERENCES = new Map([
  ['PRESENT_REF', 'the publication date'],
  ['PAST_REF', 'a time before the publication date'],
  ['FUTURE_REF', 'a time after the publication date'],
]);

/** A time value or an interval's end, as a reader says it (`open` when null). */
const point = (p: TimePoint | null, open: string) =>
  p === null ? open : (REFERENCES.get(p) ?? `<time>${esc(p)}</time>`);

/** What a time expression denotes: an instant's value (`X` where the text leaves it unknown), or an interval's ends. */
function timeHtml(time: TimeExpression): string {
  const value =
    time.type === 'interval'
      ? `from ${point(time.beginPoint, 'an unstated start')} to ${point(time.endPoint, 'an unstated end')}`
      : point(time.value, UNKNOWN);
  return `“${esc(time.selector.exact)}”: ${value}${time.relative ? ' (relative to the publication date)' : ''}`;
}

/** A measure's UN/CEFACT unit code, named as such. */
const code = (f: Published['figures'][number]) =>
  f.unitCode === undefined ? '' : ` (<abbr title="UN/CEFACT Common Code">${esc(f.unitCode)}</abbr>)`;

const withOptional = (details: (Detail | false)[]): Detail[] => details.filter((d): d is Detail => d !== false);

/** Every layer, in the order of `Annotations` (the exports' order). */
export const LAYERS: { [L in LayerName]: LayerSpec<Published[L][number]> } = {
  mentions: {
    label: 'Mention',
    idPrefix: 'm',
    link: { field: 'entity', collection: 'entities', as: 'entity' },
    motivation: 'identifying',
    // The form, when the words are a name or demonym of the entity (a new entity's name is the words).
    stub: (link, text, entity) => ({
      entity: link,
      form:
        entity && [entity.name, ...entity.aliases].includes(text)
          ? 'name'
          : entity?.demonyms.includes(text)
            ? 'demonym'
            : 'TODO: name, nominal or demonym',
    }),
    heading: 'Mentions',
    help: 'names of people, organisations, places and things, coloured by kind',
    details: (m, r) =>
      withOptional([
        ['Entity', entityLink(m.entity, r)],
        m.standsFor !== undefined && ['Stands for', entityLink(m.standsFor, r)],
      ]),
    markClass: (m, r) => `kind-${r.entities.get(m.entity)?.kind ?? 'unknown'}`,
  },
  quotes: {
    label: 'Quote',
    idPrefix: 'q',
    link: { field: 'source/entity', collection: 'entities', as: 'speaker' },
    motivation: 'describing',
    stub: (link) => ({
      continuations: [],
      kind: 'TODO: direct, partial or paraphrase',
      source: { kind: 'entity', entity: link, affiliation: null, selector: null },
      cue: [],
      hedges: [],
      outlet: null,
    }),
    heading: 'Quotes',
    help: 'words attributed to a speaker, with who said them',
    details: (q, r) =>
      withOptional([
        ['Speaker', sourceHtml(q.source, r)],
        ['Kind', esc(q.kind)],
        q.attribution === 'belief' && ['Reported as', 'what the source believes or thinks, not said'],
        q.cue.length > 0 && ['Attribution', passages(q.cue)],
        q.hedges.length > 0 && ['Hedged by', passages(q.hedges)],
        q.outlet !== null && ['Credited to', outletName(q.outlet, r)],
      ]),
  },
  figures: {
    label: 'Figure',
    idPrefix: 'f',
    link: { field: 'assertedBy', collection: 'entities', as: 'assertedBy' },
    motivation: 'describing',
    stub: (link, text) => {
      // The number as the words give it (the figures rule checks it against them); the rest is the curator's.
      const surface = surfaceNumber(text);
      return {
        value: surface?.values[0] ?? 0,
        unit: surface?.percent ? 'percent' : 'TODO: currency, count or unstated',
        currency: null,
        measures: 'TODO: what the number measures',
        assertedBy: link.startsWith('TODO') ? null : link,
        hedges: [],
      };
    },
    heading: 'Figures',
    help: 'numbers with their value and unit as the text states them',
    details: (f, r) =>
      withOptional([
        ['Value', esc(f.value.toLocaleString('en-US'))],
        ['Unit', f.unit === 'unstated' ? UNKNOWN : esc(`${f.unit}${f.currency ? ` (${f.currency})` : ''}`) + code(f)],
        ['Measures', esc(f.measures)],
        f.assertedBy !== null && ['Asserted by', entityLink(f.assertedBy, r)],
        f.hedges.length > 0 && ['Hedged by', passages(f.hedges)],
      ]),
  },
  citedSources: {
    label: 'CitedSource',
    idPrefix: 'cs',
    link: { field: 'outlet', collection: 'outlets', as: 'outlet' },
    motivation: 'linking',
    stub: (link) => ({ outlet: link }),
    heading: 'Cited sources',
    help: 'outlets the article credits',
    details: (s, r) => [['Outlet', outletName(s.outlet, r)]],
  },
  events: {
    // Not `Event`: that is the label of a mention of an entity of kind `event`.
    label: 'EventReference',
    idPrefix: 'e',
    link: { field: 'entity', collection: 'entities', as: 'entity' },
    motivation: 'describing',
    stub: (link) => ({
      description: 'TODO: the event, in your words',
      entity: link.startsWith('TODO') ? null : link,
      setting: null,
      place: null,
      participants: [],
      time: null,
    }),
    heading: 'Events',
    help: 'events the article refers to, with their dates',
    details: (e, r) =>
      withOptional([
        ['Event', esc(e.description)],
        e.entity !== null && ['Entity', entityLink(e.entity, r)],
        e.setting !== null && ['During', entityLink(e.setting, r)],
        e.place !== null && ['Place', entityLink(e.place, r)],
        // Repeats name no one twice: an event with 100,000 copies of one participant is one link.
        e.participants.length > 0 && [
          'Participants',
          [...new Set(e.participants)].map((p) => entityLink(p, r)).join(', '),
        ],
        ['When', e.time ? timeHtml(e.time) : UNKNOWN],
      ]),
  },
  claims: {
    label: 'Claim',
    idPrefix: 'c',
    link: { field: 'claimant/entity', collection: 'entities', as: 'claimant' },
    motivation: 'describing',
    stub: (link) => ({
      claimReviewed: 'TODO: the claim, in your words',
      claimant: { kind: 'entity', entity: link, affiliation: null, selector: null },
      checkable: 'TODO: true or false',
      isBasedOn: [],
      reviews: [],
    }),
    heading: 'Claims',
    help: 'checkable statements, with who makes them and any fact-check',
    details: (c, r) =>
      withOptional([
        ['Claim', esc(c.claimReviewed)],
        ['Claimant', sourceHtml(c.claimant, r)],
        ['Checkable', c.checkable ? 'yes' : 'no'],
        (c.hedges?.length ?? 0) > 0 && ['Hedged by', passages(c.hedges ?? [])],
        c.reviews.length > 0 && [
          'Reviewed',
          c.reviews
            .map(
              (review) =>
                `${esc(review.reviewRating)} (${outletName(review.outlet, r)}, <a ` +
                `href="${esc(review.url)}">review</a>)`,
            )
            .join('; '),
        ],
      ]),
  },
};

/** A layer's spec, for any of its annotations (the one place a layer and its annotations' type are paired). */
export const layerSpec = (name: LayerName): LayerSpec => LAYERS[name];

/** The layers in the site's display order: outer first where passages nest (a quote holds mentions and figures). */
export const DISPLAY_ORDER: LayerName[] = ['quotes', 'mentions', 'figures', 'events', 'citedSources', 'claims'];
