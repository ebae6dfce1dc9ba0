/** The registries the exports and the import link to, and the entity kinds (from the schema), read from disk. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, Outlet } from '../../types/index.ts';
import type { Registry } from '../lib/registry.ts';

/** Reads `dataDir/entities/*.json` and `dataDir/outlets/*.json`. */
export function loadRegistry(dataDir: string): Registry {
  const files = (folder: string) =>
    existsSync(join(dataDir, folder))
      ? readdirSync(join(dataDir, folder))
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
  const read = <T>(folder: string) =>
    new Map(
      files(folder).map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(dataDir, folder, f), 'utf8')) as T]),
    );
  return { entities: read<Entity>('entities'), outlets: read<Outlet>('outlets') };
}

/** The entity kinds the entity schema allows, in schema order. */
export function entityKinds(schemaDir: string): string[] {
  const schema = JSON.parse(readFileSync(join(schemaDir, 'entity.schema.json'), 'utf8')) as {
    definitions: { EntityKind: { enum: string[] } };
  };
  return schema.definitions.EntityKind.enum;
}
