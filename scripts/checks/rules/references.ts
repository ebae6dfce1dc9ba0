import type { RecordRule } from '../rule.ts';
import { referencesOf } from '../../lib/references.ts';
import { isPlaceholder } from './placeholders.ts';
import { annotationsOf, error, issues } from './kit.ts';

/** The folder each referenced collection lives in, for messages. */
export const FOLDER = { entities: 'data/entities/', outlets: 'data/outlets/' } as const;

export const references: RecordRule<'record', 'known'> = {
  name: 'references',
  scope: 'record',
  needs: ['known'],
  description: 'Every entity, outlet, source, author, claim basis and inference target resolves.',
  check: issues(function* (context) {
    for (const { collection, id, pointer } of referencesOf(context.collection, context.record))
      // A placeholder (`TODO-…`) is reported by the placeholders rule, with its own hint.
      if (!context.known[collection].has(id) && !isPlaceholder(id))
        yield error(pointer, {
          message: `"${id}" is not in ${FOLDER[collection]}`,
          hint: `Add ${FOLDER[collection]}${id}.json, or use the id of an existing record (ids are lowercase slugs).`,
        });
    if (context.collection !== 'articles') return;
    const { annotations, inferences } = context.record;
    const basis = new Set(
      [...annotations.figures, ...annotations.quotes, ...annotations.citedSources].map((a) => a.id),
    );
    for (const [i, claim] of annotations.claims.entries())
      for (const [j, id] of claim.isBasedOn.entries())
        if (!basis.has(id))
          yield error(`/annotations/claims/${i}/isBasedOn/${j}`, {
            message: `claim "${claim.id}" rests on "${id}", which is no figure, quote or cited source of this article`,
            hint: 'List the ids of the figures, quotes and cited sources the claim rests on.',
          });
    const ids = new Set(['article', ...[...annotationsOf(context.record)].map(([, a]) => a.id)]);
    for (const [i, inference] of inferences.entries())
      if (!ids.has(inference.about))
        yield error(`/inferences/${i}/about`, {
          message: `inference "${inference.id}" is about "${inference.about}", which is no annotation of this article`,
          hint: 'Use the id of an annotation in this article, or `article` for the article’s own metadata.',
        });
  }),
};
