/**
 * The registries as every reader sees them: the entity and outlet records by id. One interface: the validator
 * keeps only the facts its rules read (`Registry<EntityFacts, OutletFacts>`, scripts/checks/registry.ts); the
 * exports and the site hold whole records (`Registry`).
 */
import type { Entity, Outlet } from '../../types/index.ts';

export interface Registry<E = Entity, O = Outlet> {
  entities: ReadonlyMap<string, E>;
  outlets: ReadonlyMap<string, O>;
}
