/** The registries the exports and the import link to, and the entity kinds (from the schema), read from disk. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../../types/index.ts';
import type { Registry } from './layers.ts';

/** Reads `dataDir/entities/*.json` and the ids of `dataDir/outlets/*.json`. */
export function loadRegistry(dataDir: string): Registry {
  const files = (folder: string) =>
    existsSync(join(dataDir, folder))
      ? readdirSync(join(dataDir, folder))
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
  const entities = new Map<string, Entity>();
  for (const file of files('entities')) {
    const entity = JSON.parse(readFileSync(join(dataDir, 'entities', file), 'utf8')) as Entity;
    entities.set(file.slice(0, -5), entity);
  }
  return { entities, outlets: new Set(files('outlets').map((f) => f.slice(0, -5))) };
}

/** The entity kinds the entity schema allows, in schema order. */
export function entityKinds(schemaDir: string): string[] {
  const schema = JSON.parse(readFileSync(join(schemaDir, 'entity.schema.json'), 'utf8')) as {
    definitions: { EntityKind: { enum: string[] } };
  };
  return schema.definitions.EntityKind.enum;
}
