/**
 * How each annotation layer is shown: its heading, and the details of one annotation as term/description pairs.
 * A layer without its own renderer (a new one, say) gets the generic one, which lists the annotation's fields and
 * names the records its ids refer to; adding a renderer is adding one entry to `LAYERS`.
 */
import type { Entity, Outlet } from '../../types/index.ts';
import { esc } from './html.ts';

/** What a renderer can look up: the registries, and links to their pages. */
export interface Registry {
  entity(id: string): Entity | undefined;
  outlet(id: string): Outlet | undefined;
  /** Relative link from the current page to an entity's page. */
  entityHref(id: string): string;
}

type Annotation = Record<string, unknown>;
/** One line of an annotation's details: a term and its HTML. */
export type Detail = [term: string, html: string];

export interface LayerView {
  /** The layer's heading (plural). */
  label: string;
  /** One line on what the layer shows. */
  help: string;
  details(annotation: Annotation, registry: Registry): Detail[];
  /** Extra `<mark>` class names for an annotation (mentions: the entity kind). */
  markClass?(annotation: Annotation, registry: Registry): string | undefined;
}

const UNKNOWN = '<span class="unknown">not stated in the text</span>';

/** An entity id as a link to its page (or the bare id when the registry has none), or `null` as unknown. */
export function entityLink(id: unknown, registry: Registry): string {
  if (typeof id !== 'string') return UNKNOWN;
  const entity = registry.entity(id);
  return entity
    ? `<a href="${esc(registry.entityHref(id))}">${esc(entity.name)}</a> <span class="kind">${esc(entity.kind)}</span>`
    : esc(id);
}

function outletName(id: unknown, registry: Registry): string {
  if (typeof id !== 'string') return UNKNOWN;
  return esc(registry.outlet(id)?.name ?? id);
}

/** One selector or a list of them, as quoted passages (`''` when there are none). */
const passages = (value: unknown): string => {
  const list = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? [value] : [];
  return list.map((s) => `“${esc(String((s as { exact: string }).exact))}”`).join(', ');
};

/**
 * Who is quoted or claims something: an entity id, or a PARC-style source (`{ kind, entity, affiliation }`), where
 * an unnamed person or group is shown as such, with what the text says they belong to.
 */
function sourceHtml(source: unknown, registry: Registry): string {
  if (source === null || typeof source !== 'object') return entityLink(source, registry);
  const { kind, entity, affiliation, outlets } = source as {
    kind?: string;
    entity?: unknown;
    affiliation?: unknown;
    outlets?: unknown;
  };
  if (typeof entity === 'string') return entityLink(entity, registry);
  if (kind === 'outlet' && Array.isArray(outlets)) return outlets.map((o) => outletName(o, registry)).join(', ');
  if (kind === 'implicit') return 'a source the text implies but does not name';
  const of = typeof affiliation === 'string' ? `, of ${entityLink(affiliation, registry)}` : '';
  if (kind === 'unnamed') return `an unnamed source${of}`;
  if (kind === 'group') return `a group${of}`;
  if (kind === 'article') return 'the article itself';
  return UNKNOWN;
}

const withOptional = (details: (Detail | false)[]): Detail[] => details.filter((d): d is Detail => d !== false);

export const LAYERS: Record<string, LayerView> = {
  quotes: {
    label: 'Quotes',
    help: 'words attributed to a speaker, with who said them',
    details: (q, r) =>
      withOptional([
        ['Speaker', sourceHtml(q.source ?? q.speaker, r)],
        ['Kind', esc(String(q.kind))],
        passages(q.cue ?? q.attribution) !== '' && ['Attribution', passages(q.cue ?? q.attribution)],
        passages(q.hedges) !== '' && ['Hedged by', passages(q.hedges)],
        typeof q.outlet === 'string' && ['Credited to', outletName(q.outlet, r)],
      ]),
  },
  mentions: {
    label: 'Mentions',
    help: 'names of people, organisations, places and things, coloured by kind',
    details: (m, r) =>
      withOptional([
        ['Entity', entityLink(m.entity, r)],
        typeof m.standsFor === 'string' && ['Stands for', entityLink(m.standsFor, r)],
      ]),
    markClass: (m, r) => (typeof m.entity === 'string' ? `kind-${r.entity(m.entity)?.kind ?? 'unknown'}` : undefined),
  },
  figures: {
    label: 'Figures',
    help: 'numbers with their value and unit as the text states them',
    details: (f) =>
      withOptional([
        ['Value', esc(Number(f.value).toLocaleString('en-US'))],
        [
          'Unit',
          f.unit === 'unstated'
            ? UNKNOWN
            : esc(f.currency ? `${String(f.unit)} (${String(f.currency)})` : String(f.unit)),
        ],
        ['Measures', esc(String(f.measures))],
        passages(f.hedges) !== '' && ['Hedged by', passages(f.hedges)],
      ]),
  },
  events: {
    label: 'Events',
    help: 'events the article refers to, with their dates',
    details: (e, r) => {
      const time = e.time as {
        selector: { exact: string };
        date?: string | null;
        value?: string | null;
        relative?: unknown;
      } | null;
      const date = time?.date ?? time?.value ?? null;
      return withOptional([
        ['Event', esc(String(e.description))],
        typeof e.entity === 'string' && ['Entity', entityLink(e.entity, r)],
        typeof e.place === 'string' && ['Place', entityLink(e.place, r)],
        Array.isArray(e.participants) &&
          e.participants.length > 0 && ['Participants', e.participants.map((p) => entityLink(p, r)).join(', ')],
        [
          'When',
          time ? `“${esc(time.selector.exact)}”${time.relative ? ' (relative to the publication date)' : ''}` : UNKNOWN,
        ],
        ['Date', date ? `<time>${esc(date)}</time>` : UNKNOWN],
      ]);
    },
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
        ['Claim', esc(String(c.claimReviewed))],
        ['Claimant', sourceHtml(c.claimant, r)],
        typeof c.checkable === 'boolean' && ['Checkable', c.checkable ? 'yes' : 'no'],
        Array.isArray(c.reviews) &&
          c.reviews.length > 0 && [
            'Reviewed',
            c.reviews
              .map(
                (review: { url?: string; outlet?: string; reviewRating?: string }) =>
                  `${esc(String(review.reviewRating ?? ''))} (${outletName(review.outlet, r)}${review.url ? `, <a href="${esc(review.url)}">review</a>` : ''})`,
              )
              .join('; '),
          ],
      ]),
  },
};

/** The order layers are listed in, and their nesting rank (outer first): known layers first, then the rest by name. */
export function layerOrder(names: readonly string[]): string[] {
  const known = Object.keys(LAYERS);
  return [...names].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0 || ib >= 0) return ia >= 0 ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** A label for a layer without a renderer: `citedSources` → `Cited sources`. */
const humanize = (name: string) => {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The generic view: every field but the id and the selectors; ids of registry records are named. */
function genericView(name: string): LayerView {
  return {
    label: humanize(name),
    help: `${humanize(name).toLowerCase()} annotated in the text`,
    details: (annotation, registry) =>
      Object.entries(annotation)
        .filter(([key, value]) => key !== 'id' && !(typeof value === 'object' && value !== null))
        .map(([key, value]): Detail => {
          if (value === null) return [humanize(key), UNKNOWN];
          if (typeof value === 'string' && registry.entity(value)) return [humanize(key), entityLink(value, registry)];
          return [humanize(key), esc(String(value))];
        }),
  };
}

export const layerView = (name: string): LayerView => LAYERS[name] ?? genericView(name);
