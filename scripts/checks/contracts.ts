/**
 * The contract table: every constraint that a doc comment in `types/` states, with what checks it. The drift test
 * (tests/contract-drift.test.ts) reads the doc comments of types/ and fails on any sentence that states a constraint
 * (“of kind”, “must”, “only when”, “unique”, …) without an entry here, on an entry whose checker is not a registered
 * rule, and on an entry whose sentence is gone. So a constraint is either checked or removed from the comment.
 *
 * `checkedBy` names a rule in ./rules/index.ts, or `schema` (the generated JSON Schema enforces it: a `@pattern`,
 * `@minLength`, an enum), or `review` (a judgement about the article's text that no program can make, such as
 * whether the text states a currency; CONTRIBUTING.md states it as a curation rule that reviewers check).
 */

/** Words that make a doc-comment sentence a constraint. */
export const CONSTRAINT_PHRASES =
  /\b(?:of kind|must|must not|may not|only when|only if|exactly one|unique|non-empty|at most|at least)\b/i;

export interface Contract {
  /** The file in types/. */
  file: string;
  /** A part of the sentence that states the constraint (matched literally). */
  says: string;
  /** A rule name, `schema` or `review`. */
  checkedBy: string;
  /**
   * When the sentence or its rule comes with another branch: which. Until both are on this branch the drift test
   * does not require them (so the branches merge in either order) and prints a reminder; once both are here it asks
   * for `pending` to be removed.
   */
  pending?: string;
}

export const CONTRACTS: readonly Contract[] = [
  {
    file: 'annotations.ts',
    says: '`prefix` and/or `suffix` must select exactly one occurrence',
    checkedBy: 'grounding',
  },
  {
    file: 'annotations.ts',
    says: 'Identifier of the annotation, unique within its article',
    checkedBy: 'annotation-ids',
  },
  {
    file: 'annotations.ts',
    says: 'Identifier of the inference, unique within its article',
    checkedBy: 'annotation-ids',
  },
  { file: 'annotations.ts', says: 'The ISO 4217 currency, only when the text states one', checkedBy: 'review' },
  // The kinds each entity field accepts are its `@entityKinds` tag, which `entity-kinds` reads from the schema.
  { file: 'annotations.ts', says: 'an entity of kind `event`, such as', checkedBy: 'entity-kinds' },
  { file: 'annotations.ts', says: '(an entity of kind `event`: a refusal', checkedBy: 'entity-kinds' },
  { file: 'annotations.ts', says: 'an entity of kind `country`, `city` or `region`', checkedBy: 'entity-kinds' },
  {
    file: 'annotations.ts',
    says: 'An external fact-check of a claim, recorded only when the article cites one',
    checkedBy: 'review',
  },
  { file: 'annotations.ts', says: 'It must resolve.', checkedBy: 'inference-pointers' },
  { file: 'common.ts', says: 'A JSON Pointer (RFC 6901) with at least one reference token', checkedBy: 'schema' },
  {
    file: 'registries.ts',
    says: "The entity's Wikidata item, only when verified against a named reference",
    checkedBy: 'review',
  },
  {
    file: 'common.ts',
    says: 'A non-empty single line of text with no leading or trailing white space',
    checkedBy: 'schema',
  },
];
