/**
 * What record rules may know of the registries while checking an article: each entity's kind, names and demonyms,
 * and each outlet's name. Read once, leniently, before the files are checked (a registry file that cannot be read
 * or has the wrong shape contributes nothing here; its own checks report it).
 */
import type { Entity, EntityKind, Outlet } from '../../types/index.ts';
import type { Registry as SharedRegistry } from '../lib/registry.ts';
import type { RecordFile } from './layout.ts';
import { readRegularFile } from '../lib/regular-file.ts';

/** What record rules read of an entity and of an outlet. */
export type EntityFacts = Pick<Entity, 'kind' | 'name' | 'aliases' | 'demonyms'>;
export type OutletFacts = Pick<Outlet, 'name'>;
type Facts = EntityFacts | OutletFacts;

/** The registry as record rules see it (scripts/lib/registry.ts). */
export type Registry = SharedRegistry<EntityFacts, OutletFacts>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** What a registry record contributes to the registry facts (undefined: nothing), from its parsed JSON. */
export function factsOf(collection: 'entities' | 'outlets', value: unknown): Facts | undefined {
  const record = value as Record<string, unknown> | null | undefined;
  if (!record || typeof record !== 'object' || typeof record.name !== 'string') return undefined;
  if (collection === 'outlets') return { name: record.name };
  if (typeof record.kind !== 'string') return undefined;
  return {
    kind: record.kind as EntityKind,
    name: record.name,
    aliases: strings(record.aliases),
    demonyms: strings(record.demonyms),
  };
}

/** Facts as the result cache keeps them: their JSON, or '' for none. */
export const factsText = (facts: Facts | undefined): string => (facts === undefined ? '' : JSON.stringify(facts));

/**
 * Where readRegistry may take facts from instead of reading a file: `cached` gives a file's facts as factsText did
 * (or undefined to read it), `read` is told the bytes of each file read and their JSON (undefined if none).
 */
export interface RegistrySource {
  cached(record: RecordFile): string | undefined;
  read(record: RecordFile, bytes: Uint8Array, value: unknown): void;
}

/** The registry facts of the entity and outlet files among `records`. */
export function readRegistry(records: readonly RecordFile[], source?: RegistrySource): Registry {
  const entities = new Map<string, EntityFacts>();
  const outlets = new Map<string, OutletFacts>();
  for (const record of records) {
    const { collection, id, path } = record;
    if (collection !== 'entities' && collection !== 'outlets') continue;
    let facts: Facts | undefined;
    const cached = source?.cached(record);
    if (cached !== undefined) facts = cached === '' ? undefined : (JSON.parse(cached) as Facts);
    else {
      let bytes: Buffer;
      try {
        bytes = readRegularFile(path, Infinity, 'read-facts');
      } catch {
        continue; // unreadable or not a regular file: its own checks report it
      }
      let value: unknown;
      try {
        value = JSON.parse(bytes.toString('utf8'));
      } catch {
        // not JSON: no facts (its own checks report it)
      }
      source?.read(record, bytes, value);
      facts = factsOf(collection, value);
    }
    if (facts === undefined) continue;
    if (collection === 'outlets') outlets.set(id, { name: facts.name });
    else entities.set(id, facts as EntityFacts);
  }
  return { entities, outlets };
}
