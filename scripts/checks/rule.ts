/**
 * The one interface every check shares: a `name`, a `description` and `check(context) → issues`. The runner calls
 * each rule once per schema-valid record (`phase: 'record'`) and once for the whole dataset (`phase: 'dataset'`);
 * a rule returns `[]` for a phase it has nothing to say about. The runner adds the rule name, the file and the
 * line and column, and turns a crashing check into a finding.
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
  /** The file, for dataset-phase issues (record-phase issues are about the record's own file). */
  file?: string;
  /** Point at the member's key rather than its value (for unknown or misplaced fields). */
  key?: boolean;
}

/** Record ids known from file names (`<id>.json`), by collection: what references may resolve to. */
export type KnownIds = Record<Collection, ReadonlySet<string>>;

type RecordOf = { [C in Collection]: { collection: C; record: CollectionRecords[C] } }[Collection];

/** One schema-valid record. */
export type RecordContext = RecordOf & {
  phase: 'record';
  /** The file as reported (relative to the current directory). */
  file: string;
  /** The file name without `.json`. */
  fileId: string;
  known: KnownIds;
  /** The entities' kinds, names and demonyms and the outlets' names, for rules that look into the registries. */
  registry: Registry;
  /** “Now”, for dates in the future (tests pass a fixed one). */
  now: Date;
};

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

/** Everything dataset-phase rules see. */
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

export interface DatasetContext {
  phase: 'dataset';
  summary: DatasetSummary;
}

export type CheckContext = RecordContext | DatasetContext;

export interface Rule {
  /** Short kebab-case name, shown in every finding. */
  name: string;
  /** One line: what the rule enforces (listed in the README). */
  description: string;
  check(context: CheckContext): Issue[];
}
