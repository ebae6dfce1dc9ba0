/**
 * The registries of a synthetic corpus: made-up people, organisations, places, events and documents, real
 * commodities, technologies and chemical elements, and made-up outlets. Pool sizes grow with the corpus, and article
 * `i` always references entry `i mod size` of every pool, so every registry record is referenced by some article
 * (no "unreferenced entry" warnings) and nothing has to be remembered between articles.
 */
import type { Entity, EntityKind, Outlet } from '../../types/index.ts';
import {
  SYLLABLES,
  FIRST_NAMES,
  PERSON_TITLES,
  ORGANIZATION_TYPES,
  CITY_SUFFIXES,
  REGION_TYPES,
  EVENT_TYPES,
  DOCUMENT_TYPES,
  OUTLET_NOUNS,
  COMMODITIES,
  TECHNOLOGIES,
  ELEMENTS,
} from './words.ts';

/** Every synthetic id starts with this, so synthetic records are never mistaken for curated ones. */
export const SYNTH_PREFIX = 'synth-';

/**
 * The pools, in the order their records are written. A made-up pool `grow`s with the corpus: `[floor, per]` gives
 * one entry per `per` articles, and at least `floor` (or one per article, when there are fewer); `shift` moves its
 * syllable digits, so the k-th city and the k-th person get different made-up words. A real pool has one entry per
 * item of its list (at most one per article).
 */
const POOLS = {
  person: { grow: [8, 4], shift: 0 },
  organization: { grow: [6, 8], shift: 5 },
  city: { grow: [6, 10], shift: 11 },
  region: { grow: [4, 25], shift: 17 },
  event: { grow: [4, 10], shift: 23 },
  document: { grow: [4, 10], shift: 29 },
  commodity: { list: COMMODITIES },
  technology: { list: TECHNOLOGIES },
  'chemical-element': { list: ELEMENTS },
  outlet: { grow: [6, 40], shift: 3 },
} as const;

export type PoolName = keyof typeof POOLS;
export type EntityPool = Exclude<PoolName, 'outlet'>;
export type PoolSizes = Record<PoolName, number>;
export const ENTITY_POOLS = Object.keys(POOLS).filter((pool) => pool !== 'outlet') as EntityPool[];

/** Registry pool sizes for a corpus of `count` articles (each at least 1, at most `count`). */
export function poolSizes(count: number): PoolSizes {
  const size = (pool: (typeof POOLS)[PoolName]) =>
    'list' in pool
      ? Math.min(count, pool.list.length)
      : Math.max(Math.min(count, pool.grow[0]), Math.ceil(count / pool.grow[1]));
  return Object.fromEntries(Object.entries(POOLS).map(([name, pool]) => [name, size(pool)])) as PoolSizes;
}

/**
 * The k-th made-up word of a pool: k written in base 32 with one syllable per digit (at least three), each digit
 * shifted by its position and the pool's namespace. All syllables have three letters, so the words of one pool
 * are all distinct.
 */
export function madeUpWord(pool: PoolName, k: number, poolSize: number): string {
  const base = SYLLABLES.length;
  const { shift = 0 } = POOLS[pool] as { shift?: number };
  let digits = 3;
  while (base ** digits < poolSize) digits++;
  // Multiplying by an odd constant modulo 2^(5·digits) is a bijection: it spreads neighbouring k over all syllables.
  const bits = 5 * digits;
  let rest = bits >= 32 ? k : (Math.imul(k, 0x9e3779b1) >>> 0) % 2 ** bits;
  let word = '';
  for (let position = 0; position < digits; position++) {
    const digit = rest % base;
    rest = Math.floor(rest / base);
    word += SYLLABLES[(digit + position * 7 + shift) % base];
  }
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A lowercase slug of a name: letters and digits, single hyphens between words. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** What an article needs to know of a registry entry to write about it. */
export interface CastMember {
  id: string;
  /** The full name, used on first mention. */
  name: string;
  /** The short form used afterwards (an alias, or the name itself). */
  short: string;
  /** Persons only: the role title. */
  title: string;
}

export interface SynthEntity {
  record: Entity;
  cast: CastMember;
}

/** The k-th entry of an entity pool, as a registry record and as the article writer sees it. */
export function synthEntity(pool: Exclude<PoolName, 'outlet'>, k: number, sizes: PoolSizes): SynthEntity {
  const word = madeUpWord(pool, k, sizes[pool]);
  const entity = (kind: EntityKind, name: string, aliases: string[], extra: Partial<Entity> = {}): SynthEntity => {
    const id = `${SYNTH_PREFIX}${kind}-${slugify(name)}`;
    const record: Entity = { id, kind, name, aliases, demonyms: [], roles: [], identifiers: {}, ...extra };
    return { record, cast: { id, name, short: aliases[0] ?? name, title: record.roles[0]?.title ?? '' } };
  };
  switch (pool) {
    case 'person': {
      const first = FIRST_NAMES[k % FIRST_NAMES.length]!;
      const title = PERSON_TITLES[k % PERSON_TITLES.length]!;
      const region = synthEntity('region', k % sizes.region, sizes);
      const startYear = 2012 + (k % 12);
      return entity('person', `${first} ${word}`, [word], {
        roles: [
          { title, of: region.record.id, start: `${startYear}-${String((k % 12) + 1).padStart(2, '0')}`, end: null },
        ],
      });
    }
    case 'organization':
      return entity('organization', `${word} ${ORGANIZATION_TYPES[k % ORGANIZATION_TYPES.length]}`, [word]);
    case 'city':
      return entity('city', `${word}${CITY_SUFFIXES[k % CITY_SUFFIXES.length]}`, []);
    case 'region':
      return entity('region', `${word} ${REGION_TYPES[k % REGION_TYPES.length]}`, [word]);
    case 'event':
      return entity('event', `${word} ${EVENT_TYPES[k % EVENT_TYPES.length]}`, []);
    case 'document':
      return entity('document', `${word} ${DOCUMENT_TYPES[k % DOCUMENT_TYPES.length]}`, []);
    case 'commodity':
      return entity('commodity', COMMODITIES[k]!, []);
    case 'technology':
      return entity('technology', TECHNOLOGIES[k]!, []);
    case 'chemical-element': {
      const [name, elementSymbol, atomicNumber] = ELEMENTS[k]!;
      return entity('chemical-element', name, [], { identifiers: { elementSymbol, atomicNumber } });
    }
  }
}

/** The k-th outlet: a made-up name on a reserved `.example` domain. */
export function synthOutlet(k: number, sizes: PoolSizes): Outlet {
  const word = madeUpWord('outlet', k, sizes.outlet);
  const name = `The ${word} ${OUTLET_NOUNS[k % OUTLET_NOUNS.length]}`;
  const slug = slugify(name);
  return { id: `${SYNTH_PREFIX}outlet-${slug}`, name, url: `https://${slug}.example/`, country: null };
}
