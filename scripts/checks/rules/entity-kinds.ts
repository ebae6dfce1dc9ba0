import type { Issue, RecordRule } from '../rule.ts';
import { referencesOf } from '../references.ts';
import { ENTITY_FIELD_KINDS } from '../entity-fields.ts';
import { fieldKey } from '../../lib/references.ts';

const list = (kinds: readonly string[]) => kinds.map((k) => `\`${k}\``).join(', ');

export const entityKinds: RecordRule<'record', 'registry'> = {
  name: 'entity-kinds',
  scope: 'record',
  needs: ['registry'],
  description:
    'A referenced entity’s kind fits the field: an event’s entity and setting are events, its place a country, ' +
    'city or region; a source, claimant or figure’s asserter is a person, organisation or country.',
  check(context) {
    const issues: Issue[] = [];
    for (const ref of referencesOf(context.collection, context.record)) {
      if (ref.collection !== 'entities') continue;
      const rule = ENTITY_FIELD_KINDS.get(fieldKey(ref.pointer));
      const entity = context.registry.entities.get(ref.id);
      if (!rule || !entity || rule.kinds.includes(entity.kind)) continue;
      const setting =
        ref.pointer.endsWith('/entity') && ref.pointer.startsWith('/annotations/events/') && entity.kind !== 'event';
      issues.push({
        pointer: ref.pointer,
        severity: 'error',
        message: `"${ref.id}" is a ${entity.kind}, but ${rule.what} must be one of ${list(rule.kinds)}`,
        hint: setting
          ? 'An event’s `entity` is the event itself. Put a conference or war it happened during in `setting`, ' +
            'a place in `place`, and what it is about in `participants`; or set `entity` to null.'
          : `Reference an entity of kind ${list(rule.kinds)}, or fix the entity’s \`kind\` in ` +
            `data/entities/${ref.id}.json.`,
      });
    }
    return issues;
  },
};
