/** The registries the exports and the import link to, and the entity kinds (from the schema), read from disk. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../lib/collections.ts';
import type { Registry } from '../lib/registry.ts';

/** Reads `dataDir/entities/*.json` and `dataDir/outlets/*.json`, by id. */
export function loadRegistry(dataDir: string): Registry {
  const { entities, outlets } = loadDataset(dataDir, ['entities', 'outlets']);
  return { entities: new Map(entities.map((e) => [e.id, e])), outlets: new Map(outlets.map((o) => [o.id, o])) };
}

/** The entity kinds the entity schema allows, in schema order. */
export function entityKinds(schemaDir: string): string[] {
  const schema = JSON.parse(readFileSync(join(schemaDir, 'entity.schema.json'), 'utf8')) as {
    definitions: { EntityKind: { enum: string[] } };
  };
  return schema.definitions.EntityKind.enum;
}
