/**
 * One synthetic article, written from a table of sentence kinds (SENTENCES) that between them make every kind of
 * annotation the data model has: every article holds each sentence kind once, then more drawn at random. A sentence
 * is a template: its `{slot}`s draw words from a small grammar (GRAMMAR), its `${…}` parts are passages that
 * annotations select (`Mark`s). Once the body is laid out, each mark becomes the shortest unambiguous
 * TextQuoteSelector. Article `i` of a corpus depends only on the seed, `i` and the pool sizes.
 */
import type { Annotations, Article, Block, CuratorInference, Entity, Outlet, Source } from '../../types/index.ts';
import type { FigureUnit, QuoteKind, RelativeTime, TextQuoteSelector, TimeExpression } from '../../types/index.ts';
import { minimalSelector } from '../lib/text-quote.ts';
import { MONTHS, resolveRelative, WEEKDAYS } from '../lib/timex.ts';
import { slugify } from '../lib/portable-names.ts';
import { SYNTH_PREFIX, synthEntity, synthOutlet, type PoolName, type PoolSizes } from './registry.ts';
import { FIRST_NAMES, SLOTS, SYLLABLES } from './words.ts';

/** The day synthetic articles are recorded as added: fixed, so output never depends on the clock. */
export const SYNTH_DATE_ADDED = '2026-01-15';
/** Publication days are drawn from this range (UTC), all before `SYNTH_DATE_ADDED`. */
const FIRST_PUBLISHED = Date.UTC(2015, 0, 1);
const LAST_PUBLISHED = Date.UTC(2025, 11, 31);
const DAY = 86_400_000;

/** A seeded generator (mulberry32) of floats in [0, 1), its seed an FNV-1a hash of a text. */
function seeded(text: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) state = Math.imul(state ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The grammar of the running text: the word lists, and phrases made of them. `{Slot}` capitalises. */
const GRAMMAR: Record<string, readonly string[]> = {
  ...SLOTS,
  np: ['the {adj} {noun}', 'the {noun} {noun}', 'the {adj} {noun} {noun}'],
  clause: ['{np} {modal} {verb} {np} {prep} {np} {soon}', '{np} {modal} {verb} {np} {soon}'],
  filler: [
    '{Group} {said} that {clause}.',
    '{Opener}, {clause}.',
    '{Np} was {past} {prep} {np}, and {group} {said} that {clause}.',
    'Some {group} {past} {np} {soon}, while others {said} that {clause}.',
  ],
};

/** Monday to Friday. */
const WORKDAYS = WEEKDAYS.slice(0, 5);
/** Relative time expressions, each with how it is computed from the publication date. */
const RELATIVE: ReadonlyArray<[string, RelativeTime]> = [
  ['last week', { unit: 'week', offset: -1 }],
  ['last month', { unit: 'month', offset: -1 }],
  ['last weekend', { unit: 'weekend', offset: -1 }],
  ['yesterday', { unit: 'day', offset: -1 }],
  ['last night', { unit: 'day', offset: -1, partOfDay: 'NI' }],
  ['last year', { unit: 'year', offset: -1 }],
  ['last summer', { unit: 'season', offset: -1, season: 'SU' }],
  ['on Monday morning', { unit: 'weekday', offset: -1, weekday: 1, partOfDay: 'MO' }],
  ...WORKDAYS.map((day, i): [string, RelativeTime] => [`on ${day}`, { unit: 'weekday', offset: -1, weekday: i + 1 }]),
];
/** Units of measure as the text writes them, with their UN/CEFACT codes. */
const MEASURES = Object.entries({ kilometres: 'KMT', tonnes: 'TNE', hectares: 'HAR', miles: 'SMI' });

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** A passage that annotations select: text and inner passages. Its place is known once the body is laid out. */
class Mark {
  start = 0;
  end = 0;
  constructor(readonly parts: Part[]) {}
  get text(): string {
    return this.parts.map((part) => (typeof part === 'string' ? part : part.text)).join('');
  }
}
type Part = string | Mark;
/** An annotation as written: every selector still a mark. */
type Marked<T> = T extends TextQuoteSelector
  ? Mark
  : T extends readonly (infer U)[]
    ? Marked<U>[]
    : T extends object
      ? { [K in keyof T]: Marked<T[K]> }
      : T;
type Note<K extends keyof Annotations> = Marked<Annotations[K][number]>;
/** A pool's records: outlets, or entities. */
type Entry<P extends PoolName> = P extends 'outlet' ? Outlet : Entity;

const ARTICLE: Marked<Source> = { kind: 'article', entity: null, affiliation: null, selector: null };
const IMPLICIT: Marked<Source> = { ...ARTICLE, kind: 'implicit' };
/** What an annotation of each kind holds unless its sentence says otherwise (shared: never changed in place). */
const DEFAULTS: { [K in keyof Annotations]: Partial<Note<K>> } = {
  mentions: { form: 'name' },
  quotes: { continuations: [], kind: 'paraphrase', cue: [], hedges: [], outlet: null },
  figures: { currency: null, assertedBy: null, hedges: [] },
  citedSources: {},
  events: { entity: null, setting: null, place: null, participants: [], time: null },
  claims: { claimant: ARTICLE, checkable: true, isBasedOn: [], reviews: [] },
};

/** Writes one article: the draws, the registry entries it is about, and the annotations made so far. */
class Writer {
  readonly notes = Object.fromEntries(Object.keys(DEFAULTS).map((kind) => [kind, []])) as unknown as {
    [K in keyof Annotations]: Note<K>[];
  };
  readonly inferences: CuratorInference[] = [];
  /** Per pool, the entries the article is about: entry `index mod size` first, then up to two more at random. */
  readonly cast: { [P in PoolName]: Array<Entry<P>> };
  readonly published: string;
  private readonly counters = new Map<string, number>();

  constructor(
    readonly random: () => number,
    index: number,
    sizes: PoolSizes,
  ) {
    const cast = (Object.keys(sizes) as PoolName[]).map((pool) => {
      const ks = new Set(
        [index, this.int(0, sizes[pool] - 1), this.int(0, sizes[pool] - 1)].map((k) => k % sizes[pool]),
      );
      return [pool, [...ks].map((k) => (pool === 'outlet' ? synthOutlet(k) : synthEntity(pool, k, sizes)))];
    });
    this.cast = Object.fromEntries(cast) as typeof this.cast;
    this.published = isoDay(FIRST_PUBLISHED + this.int(0, (LAST_PUBLISHED - FIRST_PUBLISHED) / DAY) * DAY);
  }

  /** An integer in [min, max], both included. */
  int = (min: number, max: number) => min + Math.floor(this.random() * (max - min + 1));
  pick = <T>(items: readonly T[]): T => items[Math.floor(this.random() * items.length)]!;

  /** The next entry of a pool, in turn: the first use of a pool takes the entry the article must reference. */
  next<P extends PoolName>(pool: P): Entry<P> {
    const turn = this.counters.get(pool) ?? 0;
    this.counters.set(pool, turn + 1);
    return this.cast[pool][turn % this.cast[pool].length]!;
  }

  /** Records an annotation, its id numbered after `stem` (`f-count-2`); returns the id. */
  note<K extends keyof Annotations>(kind: K, stem: string, fields: Partial<Note<K>>): string {
    const n = (this.counters.get(stem) ?? 0) + 1;
    this.counters.set(stem, n);
    (this.notes[kind] as object[]).push({ id: `${stem}-${n}`, ...DEFAULTS[kind], ...fields });
    return `${stem}-${n}`;
  }

  /** Template text with every `{slot}` drawn from the grammar, left to right. */
  fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      const words = this.fill(this.pick(GRAMMAR[slot.toLowerCase()]!));
      return slot === slot.toLowerCase() ? words : capitalize(words);
    });
  }

  /** A tagged template: its text filled from the grammar, its `${…}` parts kept as they are. */
  t = (strings: TemplateStringsArray, ...parts: Part[]): Part[] =>
    strings.flatMap((s, i) => (i < parts.length ? [this.fill(s), parts[i]!] : [this.fill(s)]));
  /** The same, as one marked passage. */
  m = (strings: TemplateStringsArray, ...parts: Part[]) => new Mark(this.t(strings, ...parts));

  /** A mention: the name, the short name (an alias), a nominal (“the province”) or a demonym. */
  name(e: Entity, form: 'name' | 'short' | 'nominal' | 'demonym' = 'name', standsFor?: Entity): Mark {
    const nominal = `the ${(e.roles[0]?.title ?? e.name.slice(e.name.indexOf(' ') + 1)).toLowerCase()}`;
    const forms = { name: e.name, short: e.aliases[0] ?? e.name, nominal, demonym: e.demonyms[0]! };
    const selector = new Mark([forms[form]]);
    const fields = { selector, entity: e.id, form: form === 'short' ? 'name' : form };
    const stem = `m-${e.id.slice(SYNTH_PREFIX.length)}`;
    this.note('mentions', stem, standsFor ? { ...fields, standsFor: standsFor.id } : fields);
    return selector;
  }

  /** An outlet credited for the reporting: its name, and the cited source's id. */
  cite(outlet: Outlet): [Mark, string] {
    const selector = new Mark([outlet.name]);
    const id = this.note('citedSources', `cs-${outlet.id.slice(SYNTH_PREFIX.length)}`, { selector, outlet: outlet.id });
    return [selector, id];
  }

  /** A claim, the article's own unless its fields say otherwise. */
  claim(selector: Mark, fields: Partial<Note<'claims'>> = {}): string {
    return this.note('claims', 'c', { selector, claimReviewed: `${capitalize(selector.text)}.`, ...fields });
  }

  figure(selector: Mark, value: number, unit: FigureUnit, measures: string, more: Partial<Note<'figures'>> = {}) {
    return this.note('figures', `f-${unit}`, { selector, value, unit, measures, ...more });
  }

  event(selector: Mark, description: string, more: Partial<Note<'events'>> = {}) {
    return this.note('events', 'e', { selector, description, ...more });
  }

  quote(kind: QuoteKind, selector: Mark, source: Marked<Source>, cue: Mark[], more: Partial<Note<'quotes'>> = {}) {
    return this.note('quotes', `q-${kind}`, { selector, kind, source, cue, ...more });
  }

  /** A time expression and its words: an absolute month, an interval since a year, or relative to publication. */
  time(): [Mark, Marked<TimeExpression>] {
    const year = this.int(2010, Number(this.published.slice(0, 4)) - 1);
    const none = { type: 'instant', value: null, beginPoint: null, endPoint: null, relative: null } as const;
    const [words, relative] = this.pick(RELATIVE);
    const month = this.int(1, 12);
    const choices: Array<[string, Mark, Partial<Omit<TimeExpression, 'selector'>>]> = [
      ['in ', new Mark([`${MONTHS[month - 1]} ${year}`]), { value: `${year}-${String(month).padStart(2, '0')}` }],
      ['', new Mark([`since ${year}`]), { type: 'interval', beginPoint: String(year), endPoint: 'PRESENT_REF' }],
      ['', new Mark([words]), { value: resolveRelative(relative, this.published) as string, relative }],
    ];
    const [lead, selector, time] = choices[this.int(0, 2)]!;
    return [new Mark([lead, selector]), { ...none, ...time, selector }];
  }
}

/** An entity as a quote's source, named by `selector`. */
const spoken = (e: Entity, selector: Mark): Marked<Source> => ({ ...ARTICLE, kind: 'entity', entity: e.id, selector });
const RATIONALE = 'Synthetic inference: the text gives no currency; the generator proposes U.S. dollars.';

/** The sentence kinds: each writes a sentence (or two) and its annotations. */
const SENTENCES: Record<string, (w: Writer) => Part[]> = {
  /** Someone acts at a time (absolute, an interval, or relative): an event with participants and a place; a claim. */
  action(w) {
    const [person, org, city] = [w.next('person'), w.next('organization'), w.next('city')];
    const [[when, time], verb] = [w.time(), w.m`{past}`];
    const title = person.roles[0]!.title;
    const all = w.m`${title} ${w.name(person)} ${verb} the {noun} proposed by the ${w.name(org)} ${when}`;
    const participants = [person.id, org.id];
    w.event(verb, `${person.name} ${verb.text} a proposal of the ${org.name}`, { participants, place: city.id, time });
    w.claim(all);
    return w.t`${all}, a move that {group} in ${w.name(city)} {said} {modal} {verb} {np}.`;
  },
  /** A registered event, and something done during it: events with an entity, a setting, a place; a nominal. */
  meeting(w) {
    const [event, person, doc, region] = [w.next('event'), w.next('person'), w.next('document'), w.next('region')];
    const [[when, time], verb] = [w.time(), w.m`{past}`];
    const meeting = w.m`the ${w.name(event)} ${when}`;
    w.event(meeting, `The ${event.name}`, { entity: event.id, time });
    const act = w.m`${w.name(person, 'short')} ${verb} the ${w.name(doc)}`;
    const [participants, setting, place] = [[person.id, doc.id], event.id, region.id];
    w.event(verb, `${person.name} ${verb.text} the ${doc.name}`, { participants, setting, place });
    w.claim(act);
    return w.t`At ${meeting}, ${act}, which ${w.name(event, 'nominal')} had {past} {prep} {np}.`;
  },
  /** Commodities, technologies and elements, a demonym, and a city standing for an organisation. */
  things(w) {
    const [region, city, org] = [w.next('region'), w.next('city'), w.next('organization')];
    const all = w.m`${w.name(region, 'demonym')} exports of ${w.name(w.next('commodity'))} have {past} {soon}`;
    w.claim(all);
    const makers = w.m`makers of ${w.name(w.next('technology'))} in ${w.name(city, 'name', org)}`;
    return w.t`${all}, and ${makers} {said} about supplies of ${w.name(w.next('chemical-element'))}.`;
  },
  /** A quote in two passages, with its cue and a hedge, sometimes credited to the outlet that first reported it. */
  direct(w) {
    const person = w.next('person');
    const [first, second, cue, hedge] = [w.m`{Clause}`, w.m`{Clause}.`, w.m`said`, w.m`{hedge}`];
    const name = w.name(person, 'short');
    const outlet = w.int(0, 2) === 0 ? w.next('outlet') : null;
    const more = { continuations: [second], hedges: [hedge], outlet: outlet?.id ?? null };
    w.quote('direct', first, spoken(person, name), [cue], more);
    const credit = outlet ? w.t` ${w.cite(outlet)[0]} first reported the remarks.` : [];
    return [...w.t`“${first},” ${name} ${hedge} ${cue}. “${second}”`, ...credit];
  },
  /** A fragment quoted inside the reporter's sentence. */
  partial(w) {
    const [person, org] = [w.next('person'), w.next('organization')];
    const [cue, words, name] = [w.m`described it as`, w.m`the {adj} {noun} with no {noun} behind it`, w.name(person)];
    w.quote('partial', words, spoken(person, name), [cue]);
    return w.t`${name} of the ${w.name(org, 'short')} ${cue} “${words}”, adding that {clause}.`;
  },
  /** Indirect speech by a named, an unnamed or a group source (the group's reported as a belief), and its claim. */
  paraphrase(w) {
    const [person, org, region] = [w.next('person'), w.next('organization'), w.next('region')];
    const source = w.pick<() => Marked<Source>>([
      () => spoken(person, w.name(person, 'short')),
      () => ({ ...ARTICLE, kind: 'unnamed', affiliation: org.id, selector: w.m`An official at the ${w.name(org)}` }),
      () => ({ ...ARTICLE, kind: 'group', affiliation: region.id, selector: w.m`{Group} in ${w.name(region)}` }),
    ])();
    const belief = source.kind === 'group';
    const [cue, words] = [belief ? w.m`believe` : w.m`{said}`, w.m`{clause}`];
    const quote = w.quote('paraphrase', words, source, [cue], belief ? { attribution: 'belief' } : {});
    w.claim(words, { claimant: source, checkable: false, isBasedOn: [quote] });
    return w.t`${source.selector!} ${cue} that ${words}.`;
  },
  /** Outlets credited as the source of a report. */
  outlets(w) {
    const outlets = [...new Set([w.next('outlet'), w.next('outlet')])];
    const cited = outlets.map((outlet) => w.cite(outlet));
    const names = new Mark(cited.flatMap(([name], i) => (i > 0 ? [' and ', name] : [name])));
    const [cue, words] = [w.m`According to`, w.m`{clause}`];
    const source = { ...ARTICLE, kind: 'outlet' as const, outlets: outlets.map((o) => o.id), selector: names };
    const quote = w.quote('paraphrase', words, source, [cue]);
    w.claim(words, { claimant: source, isBasedOn: [quote, ...cited.map(([, id]) => id)] });
    return w.t`${cue} ${names}, ${words}.`;
  },
  /** Money: a hedged amount in a stated currency, and one in none, for which a curator inference proposes one. */
  money(w) {
    const [person, org] = [w.next('person'), w.next('organization')];
    const [millions, billions, years] = [w.int(12, 950), w.int(2, 40), w.int(3, 12)];
    const [symbol, currency] = w.pick(Object.entries({ $: 'USD', '€': 'EUR', '£': 'GBP' }));
    const [hedge, amount, estimated] = [w.m`{hedge}`, w.m`${symbol}${String(millions)} million`, w.m`estimated`];
    const total = w.m`${String(billions)} billion`;
    const value = `Value of the ${org.aliases[0]} proposal`;
    const cost = `Cost of the programme ${person.aliases[0]} describes`;
    const valued = w.figure(amount, millions * 1e6, 'currency', value, { currency, hedges: [hedge] });
    const unstated = w.figure(total, billions * 1e9, 'unstated', cost, { assertedBy: person.id, hedges: [estimated] });
    const inference = { about: unstated, field: '/currency', value: 'USD', rationale: RATIONALE } as const;
    w.inferences.push({ id: `inf-${unstated}-currency`, ...inference, confidence: 'low' });
    const claim = w.m`The {noun} is ${hedge} valued at ${amount}`;
    w.claim(claim, { isBasedOn: [valued] });
    const programme = w.m`${w.name(person, 'short')} has said the programme would cost an ${estimated} ${total}`;
    return w.t`${claim}, and ${programme} over ${String(years)} years.`;
  },
  /** A share, a count and a measure. */
  numbers(w) {
    const [commodity, city] = [w.next('commodity'), w.next('city')];
    const [percent, count, length] = [w.int(3, 97), w.int(120, 48_000), w.int(2, 900)];
    const [[unit, unitCode], things] = [w.pick(MEASURES), w.fill('{things}')];
    const [share, number] = [w.m`${String(percent)}%`, w.m`${count.toLocaleString('en-US')}`];
    const measure = w.m`${String(length)} ${unit}`;
    w.figure(share, percent, 'percent', `Share of ${commodity.name} output affected`);
    w.figure(number, count, 'count', `Number of ${things} in ${city.name} involved`);
    w.figure(measure, length, 'measure', 'Extent of the works', { unitCode });
    const shares = w.m`Roughly ${share} of ${w.name(commodity)} output {modal} be affected`;
    return w.t`${shares}, while about ${number} ${things} in ${w.name(city)} {modal} {verb} ${measure} of {np}.`;
  },
  /** Something that reportedly happened (an implicit source, a hedged claim), which an outlet's fact-check rated. */
  review(w) {
    const [outlet, rating, hedge, words] = [w.next('outlet'), w.fill('{rating}'), w.m`{hedge}`, w.m`{past} {np}`];
    const all = w.m`{np} ${hedge} ${words}`;
    const quote = w.quote('paraphrase', words, IMPLICIT, [], { hedges: [hedge] });
    const url = `${outlet.url}fact-check/${slugify(all.text).slice(0, 40)}`;
    const reviews = [{ url, outlet: outlet.id, reviewRating: rating, datePublished: w.published }];
    w.claim(all, { claimant: IMPLICIT, hedges: [hedge], checkable: false, isBasedOn: [quote], reviews });
    return w.t`A fact-check by ${w.cite(outlet)[0]} rated “${rating}” the claim that ${all}.`;
  },
  /** Running text with no annotation. */
  filler: (w) => [w.fill('{filler}')],
};

/** A list item under the subheading: a count in a city. */
function listItem(w: Writer): Part[] {
  const [count, noun, city] = [w.int(2, 900), w.fill('{noun}'), w.next('city')];
  const selector = w.m`${String(count)}`;
  w.figure(selector, count, 'count', `Number of ${noun} sites in ${city.name}`);
  return w.t`${selector} ${noun} sites in ${w.name(city, 'short')}, {past} {soon}`;
}

/** Writes article `index` of a corpus. */
export function synthArticle(seed: string, index: number, sizes: PoolSizes): Article {
  // A rare draw cannot be singled out by any selector (the same words twice in one block); draw again.
  for (let attempt = 0; ; attempt++) {
    try {
      return writeArticle(new Writer(seeded(`${seed}\u0000article-${attempt}\u0000${index}`), index, sizes), index);
    } catch (error) {
      if (attempt >= 20) throw error;
    }
  }
}

function writeArticle(w: Writer, index: number): Article {
  // Every kind once, then more drawn at random, in a random order; paragraphs of two to four sentences, and after
  // the second a subheading over a list of two levels.
  const kinds = Object.keys(SENTENCES);
  const order = [...kinds, ...Array.from({ length: w.int(4, 12) }, () => w.pick(kinds))]
    .map((kind) => [w.random(), kind] as const)
    .sort((a, b) => a[0] - b[0]);
  const blocks: Array<[Block['type'], number | null, Part[]]> = [];
  for (let at = 0; at < order.length;) {
    const sentences = order.slice(at, (at += w.int(2, 4))).map(([, kind]) => SENTENCES[kind]!(w));
    blocks.push(['paragraph', null, sentences.flatMap((parts, i) => (i > 0 ? [' ', ...parts] : parts))]);
    if (blocks.length !== 2) continue;
    blocks.push(['subheading', null, w.t`{Adj} {noun} and the {noun} question`]);
    const items = w.int(2, 4);
    for (let item = 0; item < items; item++) blocks.push(['listItem', 1 + (item % 2), listItem(w)]);
  }

  // Lay the body out, then turn every mark into its selector.
  let text = '';
  const place = (part: Part) => {
    if (typeof part === 'string') return void (text += part);
    part.start = text.length;
    part.parts.forEach(place);
    part.end = text.length;
  };
  const body = blocks.map(([type, level, parts], i) => {
    const start = (text += i > 0 ? '\n' : '').length;
    parts.forEach(place);
    return { type, ...(level === null ? {} : { level }), text: text.slice(start) };
  });
  const select = (_: string, value: unknown) =>
    value instanceof Mark ? minimalSelector(text, value.start, value.end) : value;
  const annotations = JSON.parse(JSON.stringify(w.notes, select)) as Annotations;

  const [org, city, publisher] = [w.cast.organization[0]!, w.cast.city[0]!, w.cast.outlet[0]!];
  const headline = w.fill(`${org.aliases[0]} {past} {adj} {noun} plan for ${city.name}`);
  const id = `${SYNTH_PREFIX}${String(index).padStart(6, '0')}-${slugify(headline).split('-').slice(0, 6).join('-')}`;
  const modified =
    w.int(0, 2) === 0 ? isoDay(Math.min(Date.parse(w.published) + w.int(1, 20) * DAY, LAST_PUBLISHED)) : null;
  const author = `${w.pick(FIRST_NAMES)} ${capitalize(w.pick(SYLLABLES))}${w.pick(SYLLABLES)}`;
  return {
    id,
    headline: { text: headline, origin: 'original' },
    url: `${publisher.url}${w.published.slice(0, 4)}/${id}`,
    publisher: publisher.id,
    authors: [{ name: author, entity: null }],
    datePublished: w.published,
    dateModified: modified,
    genre: 'genre:Current',
    language: 'en',
    body,
    keywords: [w.cast.commodity[0]!.name, w.cast.technology[0]!.name, w.cast.region[0]!.name, 'synthetic'],
    provenance: {
      source: 'Synthetic text generated by `npm run synth` for benchmarks and tests; it reports nothing that happened.',
      sourceUrl: null,
      dateAdded: SYNTH_DATE_ADDED,
      addedBy: 'npm run synth',
    },
    rights: {
      status: 'public-domain',
      holder: null,
      license: null,
      note: 'Synthetic: machine-generated filler about made-up people, places and organisations. Not a news article.',
    },
    annotations,
    inferences: w.inferences,
  };
}
