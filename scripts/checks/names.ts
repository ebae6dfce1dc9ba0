/** Registered names in article text: how a name may be written, and finding every registered name in a text. */
import type { Registry } from './registry.ts';

/** Kinds whose names are common nouns, so they are also written in lowercase (“batteries” for “Batteries”). */
const COMMON_NOUN_KINDS = new Set(['commodity', 'chemical-element', 'technology', 'topic']);

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The spellings a registered name may take in running text: as registered, capitalised (sentence start), and for common-noun kinds in lowercase. */
export function spellings(name: string, kind: string | null): string[] {
  const forms = new Set([name, upperFirst(name)]);
  if (kind !== null && COMMON_NOUN_KINDS.has(kind)) forms.add(lowerFirst(name));
  return [...forms];
}

export interface Phrase {
  /** The spelling looked for. */
  text: string;
  collection: 'entities' | 'outlets';
  id: string;
  /** What the phrase is of the record. */
  what: 'name' | 'alias' | 'demonym';
}

const WORD = /[\p{L}\p{N}]+/gu;
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Phrases keyed by their first word, lowercased. Built once per registry. */
const indexes = new WeakMap<Registry, Map<string, Phrase[]>>();

function indexOf(registry: Registry): Map<string, Phrase[]> {
  let index = indexes.get(registry);
  if (index) return index;
  index = new Map();
  const add = (text: string, phrase: Omit<Phrase, 'text'>) => {
    const first = /^[\p{L}\p{N}]+/u.exec(text);
    if (!first) return;
    const key = first[0].toLowerCase();
    let list = index!.get(key);
    if (!list) index!.set(key, (list = []));
    if (!list.some((p) => p.text === text && p.id === phrase.id)) list.push({ text, ...phrase });
  };
  for (const [id, e] of registry.entities) {
    for (const s of spellings(e.name, e.kind)) add(s, { collection: 'entities', id, what: 'name' });
    for (const alias of e.aliases) for (const s of spellings(alias, e.kind)) add(s, { collection: 'entities', id, what: 'alias' });
    for (const demonym of e.demonyms) add(demonym, { collection: 'entities', id, what: 'demonym' });
  }
  for (const [id, o] of registry.outlets) add(o.name, { collection: 'outlets', id, what: 'name' });
  indexes.set(registry, index);
  return index;
}

export interface Occurrence {
  start: number;
  end: number;
  phrases: Phrase[];
}

/**
 * Every occurrence of a registered name, alias or demonym in `text`, on word boundaries (UTF-16 offsets). An
 * occurrence inside a longer one (“Munich” in “Munich Security Conference”) is left out. Cost: one look-up per word.
 */
export function registeredNamesIn(text: string, registry: Registry): Occurrence[] {
  const index = indexOf(registry);
  const found = new Map<string, Occurrence>();
  for (const word of text.matchAll(WORD)) {
    const candidates = index.get(word[0].toLowerCase());
    if (!candidates) continue;
    const start = word.index;
    for (const phrase of candidates) {
      if (!text.startsWith(phrase.text, start)) continue;
      const end = start + phrase.text.length;
      if (isWordChar(phrase.text.at(-1)) && isWordChar(text[end])) continue;
      const key = `${start}:${end}`;
      const occurrence = found.get(key);
      if (occurrence) occurrence.phrases.push(phrase);
      else found.set(key, { start, end, phrases: [phrase] });
    }
  }
  const all = [...found.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: Occurrence[] = [];
  for (const o of all) {
    const last = outer.at(-1);
    if (last && o.start >= last.start && o.end <= last.end) continue;
    outer.push(o);
  }
  return outer;
}
