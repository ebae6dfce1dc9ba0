/**
 * The kinds of entity each reference field may point at: one table, read by the `entity-kinds` rule and quoted in
 * docs/annotation-guide.md. A field not listed here takes an entity of any kind. Which fields are entity
 * references is declared in the types (`EntityId`); the rule's test checks every key here is one.
 */
import type { EntityKind } from '../../types/index.ts';

const SPEAKERS: readonly EntityKind[] = ['person', 'organization', 'country'];
const PLACES: readonly EntityKind[] = ['country', 'city', 'region'];

/** Reference field (its JSON pointer with list indexes as `-`) → the kinds it accepts, and why in a few words. */
export const ENTITY_FIELD_KINDS: ReadonlyMap<string, { kinds: readonly EntityKind[]; what: string }> = new Map([
  ['/annotations/quotes/-/source/entity', { kinds: SPEAKERS, what: 'a quote’s source' }],
  [
    '/annotations/quotes/-/source/affiliation',
    { kinds: ['organization', ...PLACES], what: 'what an unnamed or group source belongs to' },
  ],
  ['/annotations/claims/-/claimant/entity', { kinds: SPEAKERS, what: 'a claimant' }],
  [
    '/annotations/claims/-/claimant/affiliation',
    { kinds: ['organization', ...PLACES], what: 'what an unnamed or group claimant belongs to' },
  ],
  ['/annotations/figures/-/assertedBy', { kinds: SPEAKERS, what: 'who asserts a figure' }],
  ['/annotations/events/-/entity', { kinds: ['event'], what: 'what an event is' }],
  ['/annotations/events/-/setting', { kinds: ['event'], what: 'the larger event an event happened during' }],
  ['/annotations/events/-/place', { kinds: PLACES, what: 'where an event happened' }],
  ['/authors/-/entity', { kinds: ['person', 'organization'], what: 'an author' }],
  ['/roles/-/of', { kinds: ['organization', ...PLACES], what: 'what a role belongs to' }],
]);
