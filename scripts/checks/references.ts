/** Every id a record refers to, with where: shared by the `references` rule and the runner's summary. */
import type { Collection, CollectionRecords } from '../lib/collections.ts';

export interface Reference {
  /** The collection the id must be found in. */
  collection: 'entities' | 'outlets';
  id: string;
  pointer: string;
}

/** Each record's references, computed once: the runner's summary and the `references` rule both ask. */
const computed = new WeakMap<object, Reference[]>();

/** The references a record makes, in document order. Assumes a schema-valid record. Do not modify the result. */
export function referencesOf<C extends Collection>(collection: C, record: CollectionRecords[C]): Reference[] {
  let refs = computed.get(record);
  if (refs === undefined) computed.set(record, (refs = collect(collection, record)));
  return refs;
}

function collect<C extends Collection>(collection: C, record: CollectionRecords[C]): Reference[] {
  const refs: Reference[] = [];
  const entity = (id: string | null | undefined, pointer: string) => {
    if (typeof id === 'string') refs.push({ collection: 'entities', id, pointer });
  };
  const outlet = (id: string | null | undefined, pointer: string) => {
    if (typeof id === 'string') refs.push({ collection: 'outlets', id, pointer });
  };
  if (collection === 'articles') {
    const article = record as CollectionRecords['articles'];
    outlet(article.publisher, '/publisher');
    article.authors?.forEach((a, i) => entity(a.entity, `/authors/${i}/entity`));
    const { mentions, quotes, figures, citedSources, events, claims } = article.annotations;
    const source = (s: { entity: string | null; affiliation: string | null; outlets?: string[] }, at: string) => {
      entity(s.entity, `${at}/entity`);
      entity(s.affiliation, `${at}/affiliation`);
      s.outlets?.forEach((o, i) => outlet(o, `${at}/outlets/${i}`));
    };
    mentions.forEach((m, i) => {
      entity(m.entity, `/annotations/mentions/${i}/entity`);
      entity(m.standsFor, `/annotations/mentions/${i}/standsFor`);
    });
    quotes.forEach((q, i) => {
      source(q.source, `/annotations/quotes/${i}/source`);
      outlet(q.outlet, `/annotations/quotes/${i}/outlet`);
    });
    figures.forEach((f, i) => entity(f.assertedBy, `/annotations/figures/${i}/assertedBy`));
    citedSources.forEach((c, i) => outlet(c.outlet, `/annotations/citedSources/${i}/outlet`));
    events.forEach((e, i) => {
      const at = `/annotations/events/${i}`;
      entity(e.entity, `${at}/entity`);
      entity(e.setting, `${at}/setting`);
      entity(e.place, `${at}/place`);
      e.participants.forEach((p, j) => entity(p, `${at}/participants/${j}`));
    });
    claims.forEach((c, i) => {
      source(c.claimant, `/annotations/claims/${i}/claimant`);
      c.reviews.forEach((r, j) => outlet(r.outlet, `/annotations/claims/${i}/reviews/${j}/outlet`));
    });
  } else if (collection === 'entities') {
    const entityRecord = record as CollectionRecords['entities'];
    entityRecord.roles.forEach((r, i) => entity(r.of, `/roles/${i}/of`));
  }
  return refs;
}
