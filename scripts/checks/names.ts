/** Registered names in article text: how a name may be written, and finding every registered name in a text. */
import type { Registry } from './registry.ts';

/** Kinds whose names are common nouns, so they are also written in lowercase (“batteries” for “Batteries”). */
const COMMON_NOUN_KINDS = new Set(['commodity', 'chemical-element', 'technology', 'topic']);

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The spellings a registered name may take in running text: as registered, capitalised (sentence start), and for
 * common-noun kinds in lowercase.
 */
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

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the code point at `i` is a letter or digit (what `[\p{L}\p{N}]` matches), with a fast path for ASCII. */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** UTF-16 units of the code point at `i`. */
const widthAt = (text: string, i: number) => (text.codePointAt(i)! > 0xffff ? 2 : 1);
const isWordChar = (c: string | undefined) => c !== undefined && LETTER_OR_DIGIT.test(c);

/**
 * The phrases by exact text, and for each first word (lowercased) the lengths (UTF-16 units) of the phrases that start
 * with it. A word of the text is then checked with one look-up per length, not one comparison per phrase (fifty people
 * may share a first name). Two flat maps, not one map per first word: at 100,000 articles (71,547 entities) a map
 * per word cost 49 MB in each validation thread.
 */
interface PhraseIndex {
  lengths: Map<string, number[]>;
  byText: Map<string, Phrase[]>;
}

/** Built once per registry. */
const indexes = new WeakMap<Registry, PhraseIndex>();

function indexOf(registry: Registry): PhraseIndex {
  let index = indexes.get(registry);
  if (index) return index;
  const { lengths, byText }: PhraseIndex = (index = { lengths: new Map(), byText: new Map() });
  const add = (text: string, phrase: Omit<Phrase, 'text'>) => {
    const first = /^[\p{L}\p{N}]+/u.exec(text);
    if (!first) return;
    const key = first[0].toLowerCase();
    let list = byText.get(text);
    if (!list) byText.set(text, (list = []));
    const known = lengths.get(key);
    if (!known) lengths.set(key, [text.length]);
    else if (!known.includes(text.length)) known.push(text.length);
    if (!list.some((p) => p.id === phrase.id)) list.push({ text, ...phrase });
  };
  for (const [id, e] of registry.entities) {
    for (const s of spellings(e.name, e.kind)) add(s, { collection: 'entities', id, what: 'name' });
    for (const alias of e.aliases)
      for (const s of spellings(alias, e.kind)) add(s, { collection: 'entities', id, what: 'alias' });
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
 * occurrence inside a longer one (“Munich” in “Munich Security Conference”) is left out. Cost: one look-up per word,
 * and one per phrase length for a word that starts registered phrases (scripts/checks/names.test.ts checks the result
 * against the plain definition).
 */
export function registeredNamesIn(text: string, registry: Registry): Occurrence[] {
  const index = indexOf(registry);
  const found = new Map<string, Occurrence>();
  // The words of the text (runs of letters and digits, as /[\p{L}\p{N}]+/gu finds them), scanned by hand: a regular
  // expression with Unicode properties over every word of 100,000 articles was the validator's largest cost.
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && !isWordAt(text, i)) i += widthAt(text, i);
    if (i >= length) break;
    const start = i;
    while (i < length && isWordAt(text, i)) i += widthAt(text, i);
    const phraseLengths = index.lengths.get(text.slice(start, i).toLowerCase());
    if (!phraseLengths) continue;
    for (const phraseLength of phraseLengths) {
      const end = start + phraseLength;
      if (end > length) continue;
      // A phrase with this exact text starts with this word: its first word is the text's, since the phrase may not
      // end inside a word (checked next) and a phrase ending in punctuation ends its first word before it.
      const phrases = index.byText.get(text.slice(start, end));
      if (!phrases) continue;
      if (isWordChar(text[end - 1]) && isWordChar(text[end])) continue;
      found.set(`${start}:${end}`, { start, end, phrases: [...phrases] });
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
