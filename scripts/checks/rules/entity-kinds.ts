import type { RecordRule } from '../rule.ts';
import { COLLECTIONS } from '../../lib/collections.ts';
import { referenceFieldAt, referencesOf, schemaFields } from '../../lib/references.ts';
import { error, issues } from './kit.ts';

const list = (kinds: readonly string[]) => kinds.map((k) => `\`${k}\``).join(', ');

/** A field as a reader names it: the list item it is in, and its path there (`quote`, `` `source.entity` ``). */
function fieldName(path: readonly string[]): [item: string, field: string] {
  const dash = path.lastIndexOf('-');
  return [dash > 0 ? path[dash - 1]!.replace(/s$/, '') : '', `\`${path.slice(dash + 1).join('.')}\``];
}

/** The Markdown table of the fields that accept only some kinds (docs/annotation-guide.md), from the schemas. */
export function entityKindsTable(schemas: ReadonlyMap<string, object>): string {
  const byKinds = new Map<string, string[]>();
  for (const { schema } of COLLECTIONS)
    for (const { path, kinds } of schemaFields(schemas.get(`${schema}.schema.json`) as Record<string, unknown>)
      .references)
      if (kinds)
        byKinds.set(kinds.join(', '), [...(byKinds.get(kinds.join(', ')) ?? []), fieldName(path).join(' ').trim()]);
  const rows = [...byKinds].map(([kinds, fields]) => `| ${fields.join(', ')} | ${kinds} |`);
  return ['| field | kinds |', '| --- | --- |', ...rows].join('\n');
}

export const entityKinds: RecordRule<'record', 'registry'> = {
  name: 'entity-kinds',
  scope: 'record',
  needs: ['registry'],
  description:
    'A referenced entity’s kind is one its field accepts, as the field’s `@entityKinds` tag in types/ declares ' +
    '(docs/annotation-guide.md lists them: an event’s place is a country, city or region…).',
  check: issues(function* ({ collection, record, registry }) {
    for (const { collection: target, id, pointer } of referencesOf(collection, record)) {
      // Any field without its `@entityKinds` tag takes any kind.
      const { path, kinds } = (target === 'entities' && referenceFieldAt(collection, pointer)) || {};
      const entity = registry.entities.get(id);
      if (!path || !kinds || !entity || kinds.includes(entity.kind)) continue;
      const [item, name] = fieldName(path);
      yield error(pointer, {
        message:
          `"${id}" is a ${entity.kind}, but ${item ? `the ${item}’s ${name}` : name} must be one of ` + list(kinds),
        hint:
          pointer.startsWith('/annotations/events/') && pointer.endsWith('/entity') && entity.kind !== 'event'
            ? 'An event’s `entity` is the event itself. Put a conference or war it happened during in `setting`, ' +
              'a place in `place`, and what it is about in `participants`; or set `entity` to null.'
            : `Reference an entity of kind ${list(kinds)}, or fix the entity’s \`kind\` in ` +
              `data/entities/${id}.json.`,
      });
    }
  }),
};
