import type { RecordRule } from '../rule.ts';
import { error, issues } from './kit.ts';

export const structure: RecordRule<'record'> = {
  name: 'structure',
  scope: 'record',
  description:
    'List items carry their nesting level and other blocks none; a list goes down one level at a time; a ' +
    'Wikidata check agrees with the entity’s identifiers (`linked` with an item, `none` without).',
  check: issues(function* (context) {
    if (context.collection === 'articles') {
      let previous = 0; // the level of the block before: 0 when it is not a list item
      for (const [i, { type, level }] of context.record.body.entries()) {
        if (type !== 'listItem' && level !== undefined)
          yield error(`/body/${i}/level`, {
            message: `a ${type} has no level`,
            hint: 'Remove level, or make the block a listItem.',
          });
        else if (type === 'listItem' && level === undefined)
          yield error(`/body/${i}/level`, {
            message: 'a list item needs its level',
            hint: 'Give "level": 1 for a top-level item, 2 inside it…',
          });
        else if (type === 'listItem' && level! > previous + 1)
          yield error(`/body/${i}/level`, {
            message:
              `a list item at level ${level} follows ` +
              `${previous === 0 ? 'a block that is no list item' : `one at level ${previous}`}`,
            hint:
              `A list goes down one level at a time: use level ${previous + 1}, or restore the item the text has ` +
              `between them.`,
          });
        previous = type === 'listItem' ? (level ?? 1) : 0;
      }
    } else if (context.collection === 'entities') {
      const { wikidataCheck, identifiers } = context.record;
      if (wikidataCheck?.status === 'linked' && identifiers.wikidata === undefined)
        yield error('/wikidataCheck/status', {
          message: 'the Wikidata check says "linked", but identifiers has no wikidata item',
          hint: 'Add identifiers.wikidata (the QID verified), or set status to "none" if Wikidata has no item.',
        });
      if (wikidataCheck && wikidataCheck.status !== 'linked' && identifiers.wikidata !== undefined)
        yield error('/wikidataCheck/status', {
          message:
            `the Wikidata check says "${wikidataCheck.status}", but identifiers.wikidata is ` + identifiers.wikidata,
          hint: 'Set status to "linked" when the item was verified, or remove identifiers.wikidata.',
        });
    }
  }),
};
