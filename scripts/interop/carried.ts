/**
 * What each annotation-tool export does not carry, and why: the one list a test holds every field of the article
 * schema (annotations, genre, blocks) and the entity's Wikidata look-up against. Every field not listed here is
 * carried: by W3C, brat and Label Studio (which import) so that a round trip gives it back; by spaCy as a value of its
 * lines. A key is a field's JSON pointer with `-` for list items, or a prefix of such pointers.
 */
export const EXPORTS = ['w3c', 'brat', 'label-studio', 'spacy'] as const;
export type ExportName = (typeof EXPORTS)[number];

const ENTITY_RECORD =
  'describes the entity, not the annotation: the export links the entity (its Wikidata QID or the dataset id), and ' +
  'the entity records (dist/jsonl/entities.jsonl) hold the look-up';

export const NOT_CARRIED: Record<ExportName, Record<string, string>> = {
  w3c: {},
  brat: { 'entities:/wikidataCheck': ENTITY_RECORD },
  'label-studio': { 'entities:/wikidataCheck': ENTITY_RECORD },
  spacy: {
    'entities:/wikidataCheck': ENTITY_RECORD,
    '/body/-/type': 'spaCy lines hold the text, its entity spans and meta; not its blocks',
    '/body/-/level': 'spaCy lines hold the text, its entity spans and meta; not its blocks',
    '/annotations/mentions/-/id': 'a spaCy span has no id',
    '/annotations/mentions/-/form': 'a spaCy span has one label, the entity kind',
    '/annotations/mentions/-/standsFor': 'a spaCy span has one knowledge-base id, the entity mentioned',
    '/annotations/quotes': 'spaCy spans are entity mentions only',
    '/annotations/figures': 'spaCy spans are entity mentions only',
    '/annotations/citedSources': 'spaCy spans are entity mentions only',
    '/annotations/events': 'spaCy spans are entity mentions only',
    '/annotations/claims': 'spaCy spans are entity mentions only',
  },
};

/** Why an export does not carry a field (its key), or null when it carries it. */
export function notCarried(format: ExportName, key: string): string | null {
  for (const [prefix, why] of Object.entries(NOT_CARRIED[format]))
    if (key === prefix || key.startsWith(`${prefix}/`)) return why;
  return null;
}
