/**
 * What every check declares: a `name`, a `description`, its `scope` and, for a record rule, what it `needs` of
 * other files; and `check(context) → issues`. The runner calls a record rule once per record in its scope and a
 * dataset rule once over the summary of every record, adds the rule name, the file, the line and column, and turns
 * a crashing check into a finding.
 */
import type { Severity } from '../lib/findings.ts';
import type { Collection, CollectionRecords } from '../lib/collections.ts';
import type { Redirect } from '../../types/index.ts';
import type { Registry } from './registry.ts';

/** What a rule reports; the runner turns it into a located `Finding`. */
export interface Issue {
  /** JSON pointer to the offending value in the file. */
  pointer: string;
  severity: Severity;
  message: string;
  hint: string;
  /** The file, for a dataset rule's issues (a record rule's are about the record's own file). */
  file?: string;
  /** Point at the member's key rather than its value (for unknown or misplaced fields). */
  key?: boolean;
}

/** Record ids known from file names (`<id>.json`), by collection: what references may resolve to. */
export type KnownIds = Record<Collection, ReadonlySet<string>>;

/** Where a rule looks: the records of one collection, every record, or the dataset as a whole. */
export type Scope = 'article' | 'entity' | 'outlet' | 'redirect' | 'record' | 'dataset';
export type RecordScope = Exclude<Scope, 'dataset'>;

/** The collection each single-collection scope covers. */
export const SCOPE_COLLECTION = {
  article: 'articles',
  entity: 'entities',
  outlet: 'outlets',
  redirect: 'redirects',
} as const satisfies Record<Exclude<RecordScope, 'record'>, Collection>;

/** Whether a rule of this scope checks a record of this collection. */
export const covers = (scope: Scope, collection: Collection): boolean =>
  scope === 'record' || (scope !== 'dataset' && SCOPE_COLLECTION[scope] === collection);

type RecordOf = { [C in Collection]: { collection: C; record: CollectionRecords[C] } }[Collection];
type InScope<S extends RecordScope> = S extends 'record'
  ? RecordOf
  : Extract<RecordOf, { collection: (typeof SCOPE_COLLECTION)[Exclude<S, 'record'>] }>;

/** What a record rule may know of other files; it gets only what it declares in `needs`. */
export interface CrossFile {
  known: KnownIds;
  /** The entities' kinds, names and demonyms and the outlets' names. */
  registry: Registry;
}
export type Need = keyof CrossFile;

/** One schema-valid record, as a rule of scope `S` that needs `N` sees it. */
export type RecordContext<S extends RecordScope = RecordScope, N extends Need = Need> = InScope<S> & {
  /** The file as reported (relative to the current directory). */
  file: string;
  /** The file name without `.json`. */
  fileId: string;
  /** “Now”, for dates in the future (tests pass a fixed one). */
  now: Date;
} & Pick<CrossFile, N>;

/** What cross-file rules need of each article, kept small so 100,000 articles fit in memory. */
export interface ArticleSummary {
  file: string;
  id: string;
  url: string | null;
  /** SHA-1 of the article text, base64. */
  bodyHash: string;
  /** Shingle MinHash signature, or null when the text is too short to compare. */
  signature: Uint32Array | null;
}

/** Everything dataset rules may see (each declares what it `needs`). */
export interface DatasetSummary {
  known: KnownIds;
  /**
   * Schema-valid records whose declared id differs from their file name (usually none). File names are unique in a
   * folder, so only these can make two records share an id; keeping just them keeps the summary small.
   */
  renamed: Array<{ collection: Collection; id: string; fileId: string; file: string }>;
  /** False when some record could not be read or failed its schema, so `referenced` may be incomplete. */
  complete: boolean;
  /** Ids referenced from anywhere, by collection. */
  referenced: { entities: ReadonlySet<string>; outlets: ReadonlySet<string> };
  articles: ArticleSummary[];
  redirects: Array<{ file: string; record: Redirect }>;
  /** Files and folders under the data folder that are not `<id>.json` in a collection folder. */
  strays: Array<{ file: string; reason: string; hint?: string | undefined }>;
  /** The file of each record, by collection and file id. */
  fileOf(collection: Collection, id: string): string | undefined;
}

interface Described {
  /** Short kebab-case name, shown in every finding; the module is rules/<name>.ts. */
  name: string;
  /** One line: what the rule enforces (listed by `npm run validate -- --list-rules`). */
  description: string;
}

/** A rule about one record at a time; the runner calls it for each record in its scope. */
export type RecordRule<S extends RecordScope = RecordScope, N extends Need = never> = Described & {
  scope: S;
  check(context: RecordContext<S, N>): Issue[];
} & ([N] extends [never] ? { needs?: readonly [] } : { needs: readonly N[] });

/**
 * A rule about the dataset as a whole, run once over the summary of every record. It declares the parts of the
 * summary it reads (`needs`): the runner keeps of each record only what some rule needs (no body hashes and MinHash
 * signatures without `articles`, say), and the rule's type sees only those.
 */
export interface DatasetRule<N extends keyof DatasetSummary = keyof DatasetSummary> extends Described {
  scope: 'dataset';
  needs: readonly N[];
  check(summary: Pick<DatasetSummary, N>): Issue[];
}

/**
 * Any rule, as the rule list and the runner hold it. Each is type-checked against its own declaration where it is
 * defined; the runner builds a record rule's context from its `scope` and `needs` (run.ts `recordContext`).
 */
export type Rule =
  | (Described & { scope: 'dataset'; needs: readonly (keyof DatasetSummary)[]; check(summary: never): Issue[] })
  | (Described & { scope: RecordScope; needs?: readonly Need[]; check(context: never): Issue[] });

/** The parts of the summary the dataset rules among `rules` need (the runner keeps only those of each record). */
export const summaryParts = (rules: readonly Rule[]): ReadonlySet<keyof DatasetSummary> =>
  new Set(rules.flatMap((rule) => (rule.scope === 'dataset' ? rule.needs : [])));
