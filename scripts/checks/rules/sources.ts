import type { Issue, RecordRule } from '../rule.ts';
import type { Source } from '../../../types/index.ts';

export const sources: RecordRule<'article'> = {
  name: 'sources',
  scope: 'article',
  description:
    'Attribution sources are consistent (PARC 3.0): an `entity` source names its entity, an unnamed or group ' +
    'source invents none, an `outlet` source names its outlets, an implicit source and the article as ' +
    'claimant have no entity, affiliation or span, and no quote is the article’s own.',
  check(context) {
    const issues: Issue[] = [];
    const check = (source: Source | undefined, at: string, isQuote: boolean) => {
      if (!source || typeof source !== 'object') return;
      const problem = (field: string, message: string, hint: string) =>
        issues.push({ pointer: `${at}/${field}`, severity: 'error', message, hint });
      if (source.kind === 'outlet' && source.outlets === undefined)
        problem(
          'outlets',
          'a source of kind "outlet" needs its outlets',
          'List the ids of the outlets credited, from data/outlets/ (“according to Reuters” → "outlets": ["reuters"]).',
        );
      if (source.kind !== 'outlet' && source.outlets !== undefined)
        problem(
          'outlets',
          `a source of kind "${source.kind}" has no outlets`,
          'Remove outlets, or use kind "outlet" when news outlets are the source.',
        );
      switch (source.kind) {
        case 'entity':
          if (source.entity === null)
            problem(
              'entity',
              'a source of kind "entity" needs its entity',
              'Give the id of the person, organisation or country in data/entities/, or use kind "unnamed" or ' +
                '"group" when the text names nobody.',
            );
          if (source.affiliation !== null)
            problem(
              'affiliation',
              'a source of kind "entity" has no affiliation',
              'Set affiliation to null: the entity itself is the source.',
            );
          break;
        case 'unnamed':
        case 'group':
          if (source.entity !== null)
            problem(
              'entity',
              `${source.kind === 'group' ? 'a group' : 'an unnamed'} source is no registered entity`,
              'Set entity to null and put what the source belongs to (“U.S. officials” → united-states) in ' +
                'affiliation; never invent a person.',
            );
          break;
        case 'outlet':
          if (source.entity !== null || source.affiliation !== null)
            problem(
              'entity',
              'an outlet source has no entity or affiliation',
              'Set entity and affiliation to null: the outlet is the source.',
            );
          break;
        case 'implicit':
          if (source.entity !== null || source.affiliation !== null || source.selector !== null)
            problem(
              'kind',
              'an implicit source has no entity, affiliation or span',
              'Set entity, affiliation and selector to null and put the word that implies the report ' +
                '(“reportedly”) in hedges, or choose another kind when the text names the source.',
            );
          break;
        case 'article':
          if (isQuote)
            problem(
              'kind',
              'a quote’s source cannot be the article itself',
              'Reported speech has a source in the text: an entity, an unnamed person or a group. Words in the ' +
                'article’s own voice are a claim, not a quote.',
            );
          if (source.entity !== null || source.affiliation !== null || source.selector !== null) {
            problem(
              'kind',
              'the article as claimant has no entity, affiliation or span',
              'Set entity, affiliation and selector to null, or choose another kind.',
            );
          }
          break;
      }
    };
    const { quotes, claims } = context.record.annotations;
    quotes.forEach((q, i) => check(q.source, `/annotations/quotes/${i}/source`, true));
    claims.forEach((c, i) => check(c.claimant, `/annotations/claims/${i}/claimant`, false));
    return issues;
  },
};
