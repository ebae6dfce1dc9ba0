import type { RecordRule } from '../rule.ts';
import { spellings } from '../names.ts';
import { error, issues } from './kit.ts';

/** What a nominal mention starts with: its determiner, demonstrative, possessive or quantifier (“the country”). */
const DETERMINER = /^(?:the|a|an|this|these|that|those|such|its|his|her|their|our|another)\s/i;
/** Or a possessive proper noun, which determines the phrase it qualifies (“Russia’s full-scale invasion”). */
const POSSESSIVE = /^(?:\p{Lu}[\p{L}\p{M}.-]*\s)*\p{Lu}[\p{L}\p{M}.-]*[’']s\s/u;

export const mentionForms: RecordRule<'article', 'registry'> = {
  name: 'mention-forms',
  scope: 'article',
  needs: ['registry'],
  description:
    'A mention’s form fits its text: a `name` is the entity’s name or an alias, a `demonym` one of its ' +
    'demonyms (either also in capitals), a `nominal` starts with its determiner (“the conference”), which may ' +
    'be a possessive proper noun (“Russia’s full-scale invasion”).',
  check: issues(function* ({ record, registry }) {
    for (const [i, { entity: id, form, selector }] of record.annotations.mentions.entries()) {
      const entity = registry.entities.get(id);
      const exact = selector?.exact;
      if (typeof exact !== 'string') continue;
      const pointer = `/annotations/mentions/${i}`;
      // One of the forms as written, or in capitals (an all-caps lead-in: “SECURING AMERICA’S MINERAL FUTURE:”).
      const writes = (forms: string[]) =>
        forms.includes(exact) || (exact === exact.toUpperCase() && forms.some((f) => f.toUpperCase() === exact));
      if (form === 'nominal' && !DETERMINER.test(exact) && !POSSESSIVE.test(exact))
        yield error(`${pointer}/selector/exact`, {
          message: `the nominal mention "${exact}" does not start with a determiner`,
          hint:
            'A nominal’s span takes its determiner and modifiers (“the ongoing conflict with Russia”, not ' +
            '“ongoing conflict with Russia”); if it is a name, set "form": "name".',
        });
      // An unknown entity is the references rule's.
      else if (
        form === 'name' &&
        entity &&
        !writes([entity.name, ...entity.aliases].flatMap((n) => spellings(n, entity.kind)))
      )
        yield error(`${pointer}/form`, {
          message:
            `"${exact}" is not a name or alias of "${id}" ` +
            `(${[entity.name, ...entity.aliases].map((n) => JSON.stringify(n)).join(', ')})`,
          hint:
            `If it is a name of the entity, add it to \`aliases\` in data/entities/${id}.json; if ` +
            `it is a description (“the country”), set "form": "nominal"; a demonym goes in \`demonyms\` ` +
            `with "form": "demonym".`,
        });
      else if (form === 'demonym' && entity && !writes(entity.demonyms.flatMap((d) => [d, `${d}s`])))
        yield error(`${pointer}/form`, {
          message: `"${exact}" is not a demonym of "${id}"`,
          hint: `Add it to \`demonyms\` in data/entities/${id}.json, or change the form.`,
        });
    }
  }),
};
