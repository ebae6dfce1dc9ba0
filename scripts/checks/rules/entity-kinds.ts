import type { Issue, RecordRule } from '../rule.ts';
import { referencesOf } from '../references.ts';
import { COLLECTIONS, type Collection } from '../../lib/collections.ts';
import {
  collectionReferences,
  fieldKey,
  fieldKeyOf,
  referenceFields,
  type ReferenceField,
} from '../../lib/references.ts';

const list = (kinds: readonly string[]) => kinds.map((k) => `\`${k}\``).join(', ');

/** A field as a reader names it: the list item it is in, and its path there (`quote`, `` `source.entity` ``). */
function fieldName(path: readonly string[]): [item: string, field: string] {
  const dash = path.lastIndexOf('-');
  return [dash > 0 ? path[dash - 1]!.replace(/s$/, '') : '', `\`${path.slice(dash + 1).join('.')}\``];
}

/**
 * The fields of a collection's records that accept only some kinds of entity, by field key: read from the one
 * declaration, the field's `@entityKinds` tag in types/ (scripts/lib/references.ts). Any other field takes any kind.
 */
const kindedFields = new Map<Collection, ReadonlyMap<string, ReferenceField>>();
function kindedField(collection: Collection, pointer: string): ReferenceField | undefined {
  let fields = kindedFields.get(collection);
  if (fields === undefined) {
    const kinded = collectionReferences(collection).filter((f) => f.kinds);
    kindedFields.set(collection, (fields = new Map(kinded.map((f) => [fieldKeyOf(f.path), f]))));
  }
  return fields.get(fieldKey(pointer));
}

/** The Markdown table of the fields that accept only some kinds (docs/annotation-guide.md), from the schemas. */
export function entityKindsTable(schemas: ReadonlyMap<string, object>): string {
  const byKinds = new Map<string, string[]>();
  for (const { schema } of COLLECTIONS) {
    for (const { path, kinds } of referenceFields(schemas.get(`${schema}.schema.json`) as Record<string, unknown>)) {
      if (!kinds) continue;
      const key = kinds.join(', ');
      byKinds.set(key, [...(byKinds.get(key) ?? []), fieldName(path).join(' ').trim()]);
    }
  }
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
  check(context) {
    const issues: Issue[] = [];
    for (const ref of referencesOf(context.collection, context.record)) {
      if (ref.collection !== 'entities') continue;
      const field = kindedField(context.collection, ref.pointer);
      const entity = context.registry.entities.get(ref.id);
      if (!field?.kinds || !entity || field.kinds.includes(entity.kind)) continue;
      const [item, name] = fieldName(field.path);
      const what = item ? `the ${item}’s ${name}` : name;
      const setting =
        ref.pointer.endsWith('/entity') && ref.pointer.startsWith('/annotations/events/') && entity.kind !== 'event';
      issues.push({
        pointer: ref.pointer,
        severity: 'error',
        message: `"${ref.id}" is a ${entity.kind}, but ${what} must be one of ${list(field.kinds)}`,
        hint: setting
          ? 'An event’s `entity` is the event itself. Put a conference or war it happened during in `setting`, ' +
            'a place in `place`, and what it is about in `participants`; or set `entity` to null.'
          : `Reference an entity of kind ${list(field.kinds)}, or fix the entity’s \`kind\` in ` +
            `data/entities/${ref.id}.json.`,
      });
    }
    return issues;
  },
};
