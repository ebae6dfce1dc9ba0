import type { Issue, RecordRule } from '../rule.ts';

export const structure: RecordRule<'record'> = {
  name: 'structure',
  scope: 'record',
  description:
    'List items carry their nesting level and other blocks none; a list goes down one level at a time; a ' +
    'Wikidata check agrees with the entity’s identifiers (`linked` with an item, `none` without).',
  check(context) {
    const issues: Issue[] = [];
    const problem = (pointer: string, message: string, hint: string) =>
      issues.push({ pointer, severity: 'error', message, hint });
    if (context.collection === 'articles') {
      let previous = 0; // the level of the block before: 0 when it is not a list item
      context.record.body.forEach((block, i) => {
        const level = block.level;
        if (block.type !== 'listItem') {
          if (level !== undefined)
            problem(`/body/${i}/level`, `a ${block.type} has no level`, 'Remove level, or make the block a listItem.');
          previous = 0;
          return;
        }
        if (level === undefined)
          problem(
            `/body/${i}/level`,
            'a list item needs its level',
            'Give "level": 1 for a top-level item, 2 inside it…',
          );
        else if (level > previous + 1)
          problem(
            `/body/${i}/level`,
            `a list item at level ${level} follows ` +
              `${previous === 0 ? 'a block that is no list item' : `one at level ${previous}`}`,
            `A list goes down one level at a time: use level ${previous + 1}, or restore the item the text has ` +
              `between them.`,
          );
        previous = level ?? 1;
      });
    } else if (context.collection === 'entities') {
      const { wikidataCheck, identifiers } = context.record;
      if (wikidataCheck?.status === 'linked' && identifiers.wikidata === undefined)
        problem(
          '/wikidataCheck/status',
          'the Wikidata check says "linked", but identifiers has no wikidata item',
          'Add identifiers.wikidata (the QID verified), or set status to "none" if Wikidata has no item.',
        );
      if (wikidataCheck && wikidataCheck.status !== 'linked' && identifiers.wikidata !== undefined)
        problem(
          '/wikidataCheck/status',
          `the Wikidata check says "${wikidataCheck.status}", but identifiers.wikidata is ${identifiers.wikidata}`,
          'Set status to "linked" when the item was verified, or remove identifiers.wikidata.',
        );
    }
    return issues;
  },
};
