import type { Issue, RecordRule } from '../rule.ts';
import { spellings } from '../names.ts';

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
  check(context) {
    const issues: Issue[] = [];
    context.record.annotations.mentions.forEach((m, i) => {
      const entity = context.registry.entities.get(m.entity);
      const exact = m.selector?.exact;
      if (typeof exact !== 'string') return;
      const pointer = `/annotations/mentions/${i}`;
      if (m.form === 'nominal') {
        if (!DETERMINER.test(exact) && !POSSESSIVE.test(exact)) {
          issues.push({
            pointer: `${pointer}/selector/exact`,
            severity: 'error',
            message: `the nominal mention "${exact}" does not start with a determiner`,
            hint:
              'A nominal’s span takes its determiner and modifiers (“the ongoing conflict with Russia”, not ' +
              '“ongoing conflict with Russia”); if it is a name, set "form": "name".',
          });
        }
        return;
      }
      if (!entity) return; // the references rule reports it
      // One of the forms as written, or in capitals (an all-caps lead-in: “SECURING AMERICA’S MINERAL FUTURE:”).
      const writes = (forms: string[]) =>
        forms.includes(exact) || (exact === exact.toUpperCase() && forms.some((f) => f.toUpperCase() === exact));
      if (m.form === 'name') {
        if (!writes([entity.name, ...entity.aliases].flatMap((n) => spellings(n, entity.kind)))) {
          issues.push({
            pointer: `${pointer}/form`,
            severity: 'error',
            message:
              `"${exact}" is not a name or alias of "${m.entity}" ` +
              `(${[entity.name, ...entity.aliases].map((n) => JSON.stringify(n)).join(', ')})`,
            hint:
              `If it is a name of the entity, add it to \`aliases\` in data/entities/${m.entity}.json; if ` +
              `it is a description (“the country”), set "form": "nominal"; a demonym goes in \`demonyms\` ` +
              `with "form": "demonym".`,
          });
        }
      } else if (m.form === 'demonym' && !writes(entity.demonyms.flatMap((d) => [d, `${d}s`]))) {
        issues.push({
          pointer: `${pointer}/form`,
          severity: 'error',
          message: `"${exact}" is not a demonym of "${m.entity}"`,
          hint: `Add it to \`demonyms\` in data/entities/${m.entity}.json, or change the form.`,
        });
      }
    });
    return issues;
  },
};
