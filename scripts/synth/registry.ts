/**
 * The registries of a synthetic corpus: made-up people, organisations, places, events and documents, real
 * commodities, technologies and chemical elements, and made-up outlets. Pool sizes grow with the corpus, and article
 * `i` always references entry `i mod size` of every pool, so every registry record is referenced by some article
 * (no "unreferenced entry" warnings) and nothing has to be remembered between articles.
 */
import type { Entity, Outlet } from '../../types/index.ts';
import * as W from './words.ts';
import { slugify } from '../lib/portable-names.ts';

/** Every synthetic id starts with this, so synthetic records are never mistaken for curated ones. */
export const SYNTH_PREFIX = 'synth-';

const nth = <T>(list: readonly T[], k: number) => list[k % list.length]!;
/** The names of a made-up pool's k-th entry, from its made-up word: the name, then its aliases. */
type Make = (word: string, k: number) => string[];

/**
 * The pools, in the order their records are written, each with the k-th entry's name, aliases and more. A made-up
 * pool grows with the corpus: one entry per `per` articles, and at least `least` (or one per article, when there are
 * fewer); `shift` moves its syllables, so the k-th city and the k-th person get different made-up words. A real pool
 * has one entry per item of its list.
 */
const POOLS = {
  person: { per: 4, least: 8, shift: 0, make: (w, k) => [`${nth(W.FIRST_NAMES, k)} ${w}`, w] },
  organization: { per: 8, least: 6, shift: 5, make: (w, k) => [`${w} ${nth(W.ORGANIZATION_TYPES, k)}`, w] },
  city: { per: 10, least: 6, shift: 11, make: (w, k) => [`${w}${nth(W.CITY_SUFFIXES, k)}`] },
  region: { per: 25, least: 4, shift: 17, make: (w, k) => [`${w} ${nth(W.REGION_TYPES, k)}`, w] },
  event: { per: 10, least: 4, shift: 23, make: (w, k) => [`${w} ${nth(W.EVENT_TYPES, k)}`] },
  document: { per: 10, least: 4, shift: 29, make: (w, k) => [`${w} ${nth(W.DOCUMENT_TYPES, k)}`] },
  commodity: { list: W.COMMODITIES },
  technology: { list: W.TECHNOLOGIES },
  'chemical-element': { list: W.ELEMENTS.map(([name]) => name) },
  outlet: { per: 40, least: 6, shift: 3, make: (w, k) => [`The ${w} ${nth(W.OUTLET_NOUNS, k)}`] },
} satisfies Record<string, { list: readonly string[] } | { per: number; least: number; shift: number; make: Make }>;

export type PoolName = keyof typeof POOLS;
export type PoolSizes = Record<PoolName, number>;
export const ENTITY_POOLS = Object.keys(POOLS).filter((pool) => pool !== 'outlet') as Exclude<PoolName, 'outlet'>[];

/** Registry pool sizes for a corpus of `count` articles (each at least 1, at most `count`). */
export function poolSizes(count: number): PoolSizes {
  const entries = Object.entries(POOLS).map(([name, pool]) => [
    name,
    'list' in pool
      ? Math.min(count, pool.list.length)
      : Math.max(Math.min(count, pool.least), Math.ceil(count / pool.per)),
  ]);
  return Object.fromEntries(entries) as PoolSizes;
}

/**
 * The k-th made-up word of a pool: k in base 32, one syllable per digit (at least three), each digit shifted by its
 * position and the pool's shift. All syllables have three letters, so the words of one pool are all distinct.
 */
export function madeUpWord(shift: number, k: number): string {
  let word = '';
  for (let rest = k, position = 0; position < 3 || rest > 0; position++, rest = Math.floor(rest / 32))
    word += W.SYLLABLES[((rest % 32) + position * 7 + shift) % 32];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The k-th entry's name and aliases. */
function names(pool: PoolName, k: number): string[] {
  const spec = POOLS[pool];
  return 'list' in spec ? [spec.list[k]!] : spec.make(madeUpWord(spec.shift, k), k);
}

/** The k-th entry of an entity pool. A person governs a region; a region has a demonym; an element its symbol. */
export function synthEntity(kind: Exclude<PoolName, 'outlet'>, k: number, sizes: PoolSizes): Entity {
  const [name, ...aliases] = names(kind, k) as [string, ...string[]];
  const id = `${SYNTH_PREFIX}${kind}-${slugify(name)}`;
  const entity: Entity = { id, kind, name, aliases, demonyms: [], roles: [], identifiers: {} };
  if (kind === 'person') {
    const month = String((k % 12) + 1).padStart(2, '0');
    const of = synthEntity('region', k % sizes.region, sizes).id;
    entity.roles.push({ title: nth(W.PERSON_TITLES, k), of, start: `${2012 + (k % 12)}-${month}`, end: null });
  }
  if (kind === 'region') entity.demonyms.push(`${aliases[0]}ian`);
  if (kind === 'chemical-element') {
    const [, elementSymbol, atomicNumber] = W.ELEMENTS[k]!;
    entity.identifiers = { elementSymbol, atomicNumber: Number(atomicNumber) };
  }
  return entity;
}

/** The k-th outlet: a made-up name on a reserved `.example` domain. */
export function synthOutlet(k: number): Outlet {
  const [name] = names('outlet', k) as [string];
  const slug = slugify(name);
  return { id: `${SYNTH_PREFIX}outlet-${slug}`, name, url: `https://${slug}.example/`, country: null };
}
