import type { RecordRule } from '../rule.ts';
import type { Source } from '../../../types/index.ts';
import { error, issues } from './kit.ts';

/** What is wrong with one quote's source or claim's claimant, at `at`. */
function* problems({ kind, entity, affiliation, selector, outlets }: Source, at: string, isQuote: boolean) {
  if (kind === 'outlet' && outlets === undefined)
    yield error(`${at}/outlets`, {
      message: 'a source of kind "outlet" needs its outlets',
      hint:
        'List the ids of the outlets credited, from data/outlets/ (“according to Reuters” → ' +
        '"outlets": ["reuters"]).',
    });
  if (kind !== 'outlet' && outlets !== undefined)
    yield error(`${at}/outlets`, {
      message: `a source of kind "${kind}" has no outlets`,
      hint: 'Remove outlets, or use kind "outlet" when news outlets are the source.',
    });
  if (kind === 'entity' && entity === null)
    yield error(`${at}/entity`, {
      message: 'a source of kind "entity" needs its entity',
      hint:
        'Give the id of the person, organisation or country in data/entities/, or use kind "unnamed" or ' +
        '"group" when the text names nobody.',
    });
  if (kind === 'entity' && affiliation !== null)
    yield error(`${at}/affiliation`, {
      message: 'a source of kind "entity" has no affiliation',
      hint: 'Set affiliation to null: the entity itself is the source.',
    });
  if ((kind === 'unnamed' || kind === 'group') && entity !== null)
    yield error(`${at}/entity`, {
      message: `${kind === 'group' ? 'a group' : 'an unnamed'} source is no registered entity`,
      hint:
        'Set entity to null and put what the source belongs to (“U.S. officials” → united-states) in ' +
        'affiliation; never invent a person.',
    });
  if (kind === 'outlet' && (entity !== null || affiliation !== null))
    yield error(`${at}/entity`, {
      message: 'an outlet source has no entity or affiliation',
      hint: 'Set entity and affiliation to null: the outlet is the source.',
    });
  if (kind === 'implicit' && (entity !== null || affiliation !== null || selector !== null))
    yield error(`${at}/kind`, {
      message: 'an implicit source has no entity, affiliation or span',
      hint:
        'Set entity, affiliation and selector to null and put the word that implies the report ' +
        '(“reportedly”) in hedges, or choose another kind when the text names the source.',
    });
  if (kind === 'article' && isQuote)
    yield error(`${at}/kind`, {
      message: 'a quote’s source cannot be the article itself',
      hint:
        'Reported speech has a source in the text: an entity, an unnamed person or a group. Words in the ' +
        'article’s own voice are a claim, not a quote.',
    });
  if (kind === 'article' && (entity !== null || affiliation !== null || selector !== null))
    yield error(`${at}/kind`, {
      message: 'the article as claimant has no entity, affiliation or span',
      hint: 'Set entity, affiliation and selector to null, or choose another kind.',
    });
}

export const sources: RecordRule<'article'> = {
  name: 'sources',
  scope: 'article',
  description:
    'Attribution sources are consistent (PARC 3.0): an `entity` source names its entity, an unnamed or group ' +
    'source invents none, an `outlet` source names its outlets, an implicit source and the article as ' +
    'claimant have no entity, affiliation or span, and no quote is the article’s own.',
  check: issues(function* ({ record: { annotations } }) {
    for (const [i, { source }] of annotations.quotes.entries())
      yield* problems(source, `/annotations/quotes/${i}/source`, true);
    for (const [i, { claimant }] of annotations.claims.entries())
      yield* problems(claimant, `/annotations/claims/${i}/claimant`, false);
  }),
};
