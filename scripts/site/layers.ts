/**
 * How each annotation layer is shown: its heading, and the details of one annotation as term/description pairs.
 * Typed against the published records (types/published.ts): a renamed or added field or layer fails `tsc` here.
 */
import type { Entity, Outlet, PublishedArticle, TimeExpression, TimePoint } from '../../types/index.ts';
import { esc } from './html.ts';

/** What a renderer can look up: the registries, and links to their pages. */
export interface Registry {
  entity(id: string): Entity | undefined;
  outlet(id: string): Outlet | undefined;
  /** Relative link from the current page to an entity's page. */
  entityHref(id: string): string;
}

export type Layers = PublishedArticle['annotations'];
export type LayerName = keyof Layers;
export type AnyAnnotation = Layers[LayerName][number];
/** One line of an annotation's details: a term and its HTML. */
export type Detail = [term: string, html: string];

export interface LayerView<A> {
  /** The layer's heading (plural). */
  label: string;
  /** One line on what the layer shows. */
  help: string;
  details(annotation: A, registry: Registry): Detail[];
  /** Extra `<mark>` class names for an annotation (mentions: the entity kind). */
  markClass?(annotation: A, registry: Registry): string | undefined;
}

const UNKNOWN = '<span class="unknown">not stated in the text</span>';

/** An entity id as a link to its page (or the bare id when the registry has none), or `null` as unknown. */
function entityLink(id: string | null, registry: Registry): string {
  if (id === null) return UNKNOWN;
  const entity = registry.entity(id);
  return entity
    ? `<a href="${esc(registry.entityHref(id))}">${esc(entity.name)}</a> <span class="kind">${esc(entity.kind)}</span>`
    : esc(id);
}

const outletName = (id: string | null, registry: Registry): string =>
  id === null ? UNKNOWN : esc(registry.outlet(id)?.name ?? id);

/** Selectors as quoted passages (`''` when there are none). */
const passages = (list: readonly { exact: string }[]): string => list.map((s) => `“${esc(s.exact)}”`).join(', ');

/**
 * Who is quoted or claims something (PARC source): an unnamed person or group is shown as such, with its affiliation.
 */
function sourceHtml(source: Layers['quotes'][number]['source'], registry: Registry): string {
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
const code = (f: Layers['figures'][number]) =>
  f.unitCode === undefined ? '' : ` (<abbr title="UN/CEFACT Common Code">${esc(f.unitCode)}</abbr>)`;

const withOptional = (details: (Detail | false)[]): Detail[] => details.filter((d): d is Detail => d !== false);

/** Every layer's view, in display order (outer first when passages nest). */
export const LAYERS: { [L in LayerName]: LayerView<Layers[L][number]> } = {
  quotes: {
    label: 'Quotes',
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
  mentions: {
    label: 'Mentions',
    help: 'names of people, organisations, places and things, coloured by kind',
    details: (m, r) =>
      withOptional([
        ['Entity', entityLink(m.entity, r)],
        m.standsFor !== undefined && ['Stands for', entityLink(m.standsFor, r)],
      ]),
    markClass: (m, r) => `kind-${r.entity(m.entity)?.kind ?? 'unknown'}`,
  },
  figures: {
    label: 'Figures',
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
  events: {
    label: 'Events',
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
  citedSources: {
    label: 'Cited sources',
    help: 'outlets the article credits',
    details: (s, r) => [['Outlet', outletName(s.outlet, r)]],
  },
  claims: {
    label: 'Claims',
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

export const LAYER_NAMES = Object.keys(LAYERS) as LayerName[];

/** A layer's view, for any of its annotations (the one place the layer and its annotations' type are paired). */
export const layerView = (name: LayerName): LayerView<AnyAnnotation> => LAYERS[name];
