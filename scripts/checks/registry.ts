/**
 * What record rules may know of the registries while checking an article: each entity's kind, names and demonyms,
 * and each outlet's name. Read once, leniently, before the files are checked (a registry file that cannot be read
 * or has the wrong shape contributes nothing here; its own checks report it), and sent to worker threads as plain data.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { EntityKind } from '../../types/index.ts';
import type { RecordFile } from './layout.ts';

export interface EntityFacts {
  kind: EntityKind;
  name: string;
  aliases: readonly string[];
  demonyms: readonly string[];
}

export interface Registry {
  entities: ReadonlyMap<string, EntityFacts>;
  outlets: ReadonlyMap<string, { name: string }>;
}

/** A registry as plain data, for a worker thread. */
export interface RegistryData {
  entities: Array<[string, EntityFacts]>;
  outlets: Array<[string, { name: string }]>;
}

export const EMPTY_REGISTRY: Registry = { entities: new Map(), outlets: new Map() };

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Reads a regular file as JSON, or gives undefined (never blocks on a FIFO, never throws). */
function readJson(path: string): unknown {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (!fstatSync(fd).isFile()) return undefined;
    return JSON.parse(readFileSync(fd, 'utf8')) as unknown;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The registry facts of the entity and outlet files among `records`. */
export function readRegistry(records: readonly RecordFile[]): Registry {
  const entities = new Map<string, EntityFacts>();
  const outlets = new Map<string, { name: string }>();
  for (const { collection, id, path } of records) {
    if (collection !== 'entities' && collection !== 'outlets') continue;
    const value = readJson(path) as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object' || typeof value.name !== 'string') continue;
    if (collection === 'outlets') outlets.set(id, { name: value.name });
    else if (typeof value.kind === 'string') {
      entities.set(id, { kind: value.kind as EntityKind, name: value.name, aliases: strings(value.aliases), demonyms: strings(value.demonyms) });
    }
  }
  return { entities, outlets };
}

export const registryData = (registry: Registry): RegistryData => ({ entities: [...registry.entities], outlets: [...registry.outlets] });
export const registryFrom = (data: RegistryData): Registry => ({ entities: new Map(data.entities), outlets: new Map(data.outlets) });
