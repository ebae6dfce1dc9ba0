/**
 * The hook for export → import identity (the annotation-tools issue): each format that can be exported and imported
 * back registers its two directions here, and tests/hardening/fuzz.test.ts proves `importRecord(exportRecord(a))`
 * deep-equals `a` on the valid fixture's articles. The import side is what `npm run import` does: read the exported
 * file, turn its annotations into this dataset's (selectors computed from offsets), and merge them into the record
 * with its annotations removed.
 */
import { join } from 'node:path';
import type { Article } from '../../types/index.ts';
import { ROOT } from '../helpers.ts';
import { VALID_FIXTURE } from '../../scripts/checks/test-kit.ts';
import { readW3c } from '../../scripts/interop/w3c.ts';
import { w3cPage } from '../interop-support.ts';
import { bratAnn, readBrat } from '../../scripts/interop/brat.ts';
import { labelStudioTask, readLabelStudio } from '../../scripts/interop/label-studio.ts';
import { buildAnnotations, planImport, type Read } from '../../scripts/interop/merge.ts';
import { entityKinds, loadRegistry } from '../../scripts/interop/model.ts';
import { articleText } from '../../scripts/lib/text-quote.ts';

export interface RoundTrip {
  /** The format, as users know it (e.g. "W3C Web Annotation JSON-LD", "brat standoff"). */
  name: string;
  exportRecord(article: Article): unknown;
  importRecord(exported: unknown, original: Article): Article;
}

const registry = loadRegistry(VALID_FIXTURE);
const kinds = entityKinds(join(ROOT, 'schemas'));
/** What a file on disk gives back: JSON text parsed again (no shared objects, no `undefined`). */
const reparse = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Imports tool annotations into `original` with its annotations removed, as `npm run import` merges them. */
function importInto(original: Article, { items, toolText }: Read): Article {
  const empty = Object.fromEntries(Object.keys(original.annotations).map((layer) => [layer, []]));
  const clean = { ...original, annotations: empty as unknown as Article['annotations'] };
  const built = buildAnnotations(clean, registry, items, toolText, kinds);
  return planImport(clean, built, false).article;
}

export const ROUND_TRIPS: readonly RoundTrip[] = [
  {
    name: 'W3C Web Annotation JSON-LD',
    exportRecord: (article) => reparse(w3cPage(article, registry)),
    importRecord: (exported, original) => importInto(original, readW3c(exported, original.id)),
  },
  {
    name: 'brat standoff',
    exportRecord: (article) => ({ txt: articleText(article), ann: bratAnn(article, registry) }),
    importRecord: (exported, original) => {
      const { txt, ann } = exported as { txt: string; ann: string };
      return importInto(original, readBrat(ann, txt));
    },
  },
  {
    name: 'Label Studio tasks',
    exportRecord: (article) => reparse([labelStudioTask(article, registry)]),
    importRecord: (exported, original) => importInto(original, readLabelStudio(exported, original.id)),
  },
];
