import type { RecordRule } from '../rule.ts';
import { error, issues, warning } from './kit.ts';

/** A lowercase determiner or possessive at the start: the mark of a description (“the conference”), not a name. */
const DESCRIPTION = /^(?:the|a|an|this|these|that|those|such|its|his|her|their|our|my|your)\s/;
/** Common endings of English demonyms (Ukrainian, Ukrainians, Chinese, Polish). */
const DEMONYM_ENDING = /(?:i?ans?|ese|ish)$/;
const PLACE_KINDS = new Set(['country', 'city', 'region']);

export const aliases: RecordRule<'entity'> = {
  name: 'aliases',
  scope: 'entity',
  description:
    'Entity aliases are names: not descriptions starting with a lowercase “the”, “a” or a possessive, not ' +
    'demonyms (those go in `demonyms`), and not repeats of the name or of each other.',
  check: issues(function* ({ record: { name, kind, aliases, demonyms } }) {
    const seen = new Set([name]);
    for (const [i, alias] of aliases.entries()) {
      if (typeof alias !== 'string') continue; // the schema's to report
      const pointer = `/aliases/${i}`;
      if (DESCRIPTION.test(alias))
        yield error(pointer, {
          message: `the alias "${alias}" is a description, not a name`,
          hint:
            'Remove it from `aliases`. Annotate such phrases in articles as mentions with `"form": ' +
            '"nominal"` (see docs/annotation-guide.md); an alias would link the same words to this entity in ' +
            'every other article.',
        });
      else if (demonyms.includes(alias))
        yield error(pointer, {
          message: `"${alias}" is both an alias and a demonym`,
          hint: 'Keep it in `demonyms` only: a demonym is not a name of the entity.',
        });
      else if (
        PLACE_KINDS.has(kind) &&
        DEMONYM_ENDING.test(alias) &&
        alias.slice(0, 4) === name.slice(0, 4) &&
        !alias.startsWith(name) &&
        !name.startsWith(alias)
      )
        yield warning(pointer, {
          message: `the alias "${alias}" looks like a demonym of "${name}"`,
          hint: 'If it names the entity’s people or things rather than the entity, move it to `demonyms`.',
        });
      if (seen.has(alias))
        yield warning(pointer, {
          message: `the alias "${alias}" repeats the name or another alias`,
          hint: 'Remove the repeat.',
        });
      seen.add(alias);
    }
  }),
};
