import type { Issue, RecordRule } from '../rule.ts';
import { referencesOf } from '../references.ts';
import { isPlaceholder } from './placeholders.ts';

/** The folder each referenced collection lives in, for messages. */
export const FOLDER = { entities: 'data/entities/', outlets: 'data/outlets/' } as const;

export const references: RecordRule<'record', 'known'> = {
  name: 'references',
  scope: 'record',
  needs: ['known'],
  description: 'Every entity, outlet, source, author, claim basis and inference target resolves.',
  check(context) {
    const issues: Issue[] = [];
    for (const ref of referencesOf(context.collection, context.record)) {
      // A placeholder (`TODO-…`) is reported by the placeholders rule, with its own hint.
      if (!context.known[ref.collection].has(ref.id) && !isPlaceholder(ref.id)) {
        issues.push({
          pointer: ref.pointer,
          severity: 'error',
          message: `"${ref.id}" is not in ${FOLDER[ref.collection]}`,
          hint:
            `Add ${FOLDER[ref.collection]}${ref.id}.json, or use the id of an existing record (ids are ` +
            `lowercase slugs).`,
        });
      }
    }
    if (context.collection === 'articles') {
      const { annotations, inferences } = context.record;
      const ids = new Set<string>(['article']);
      for (const list of Object.values(annotations)) for (const a of list as Array<{ id: string }>) ids.add(a.id);
      const basis = new Set<string>();
      for (const list of [annotations.figures, annotations.quotes, annotations.citedSources])
        for (const a of list) basis.add(a.id);
      annotations.claims.forEach((claim, i) => {
        claim.isBasedOn.forEach((id, j) => {
          if (basis.has(id)) return;
          issues.push({
            pointer: `/annotations/claims/${i}/isBasedOn/${j}`,
            severity: 'error',
            message: `claim "${claim.id}" rests on "${id}", which is no figure, quote or cited source of this article`,
            hint: 'List the ids of the figures, quotes and cited sources the claim rests on.',
          });
        });
      });
      inferences.forEach((inference, i) => {
        if (!ids.has(inference.about)) {
          issues.push({
            pointer: `/inferences/${i}/about`,
            severity: 'error',
            message:
              `inference "${inference.id}" is about "${inference.about}", which is no annotation of ` + 'this article',
            hint: 'Use the id of an annotation in this article, or `article` for the article’s own metadata.',
          });
        }
      });
    }
    return issues;
  },
};
