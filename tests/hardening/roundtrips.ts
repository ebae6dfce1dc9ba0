/**
 * The hook for export → import identity (the annotation-tools issue): each format that can be exported and imported
 * back registers its two directions here, and tests/hardening/fuzz.test.ts proves `importRecord(exportRecord(a))`
 * deep-equals `a` on random grounded articles. Empty until such a format lands.
 */
import type { Article } from '../../types/index.ts';

export interface RoundTrip {
  /** The format, as users know it (e.g. "W3C Web Annotation JSON-LD", "brat standoff"). */
  name: string;
  exportRecord(article: Article): unknown;
  importRecord(exported: unknown, original: Article): Article;
}

export const ROUND_TRIPS: readonly RoundTrip[] = [];
