/**
 * Registries: the entities and outlets that articles reference, one file per record in `data/entities/<id>.json`
 * and `data/outlets/<id>.json`. Registry records are curator reference data, not article text.
 */
import type { EntityId, Id, PartialDate, CalendarDate, HttpUrl, CountryCode, Text, WikidataId } from './common.ts';

/**
 * The kind of an entity. Beside people, organisations, countries, cities, regions and events: `commodity`, a traded
 * good or resource (rare earth elements, oil); `chemical-element`, with its symbol in `identifiers`; `technology`, a
 * technology or field of technology (batteries, nuclear power); `document`, a plan, proposal, agreement or law,
 * named or not (the Victory Plan; a U.S. proposal the article is about); `topic`, an activity or policy that
 * articles report on under a conventional term (military aid, sanctions).
 */
export type EntityKind =
  | 'person'
  | 'organization'
  | 'country'
  | 'city'
  | 'region'
  | 'event'
  | 'commodity'
  | 'chemical-element'
  | 'technology'
  | 'document'
  | 'topic';

/** A role an entity held, such as an office. */
export interface Role {
  /** The role's title (“President of Ukraine”). */
  title: Text;
  /**
   * The organisation or country the role belongs to: an id in `data/entities/`, or `null`.
   * @entityKinds ["organization", "country", "city", "region"]
   */
  of: EntityId | null;
  /** When the role began, at the precision known; `null` when not recorded. */
  start: PartialDate | null;
  /** When the role ended; `null` when ongoing or not recorded. */
  end: PartialDate | null;
}

/** Identifiers of an entity in standard code lists. */
export interface EntityIdentifiers {
  /** ISO 3166-1 alpha-2 code, for countries. */
  iso3166?: CountryCode;
  /**
   * Chemical element symbol, for chemical elements.
   * @pattern ^[A-Z][a-z]?$
   */
  elementSymbol?: string;
  /**
   * Atomic number, for chemical elements.
   * @TJS-type integer
   * @minimum 1
   * @maximum 118
   */
  atomicNumber?: number;
  /**
   * The entity's Wikidata item, only when verified against a named reference (the item's page or a dump); never
   * guessed.
   */
  wikidata?: WikidataId;
}

/**
 * What looking the entity up in Wikidata found: `linked`, its item is `identifiers.wikidata`; `none`, Wikidata has no
 * item for it; `unverified`, the sources searched (named in `checkedIn`) paired no item with it, though one may exist
 * (since model 1.1). An entity with no `wikidataCheck` has not been looked up yet.
 */
export type WikidataStatus = 'linked' | 'none' | 'unverified';

/** Where and when the entity was looked up in Wikidata, and what was found. */
export interface WikidataCheck {
  /** `linked` (the item is `identifiers.wikidata`), `none` (no item exists) or `unverified` (none verified). */
  status: WikidataStatus;
  /** Where it was checked: the item's page, a named dump, a search and its query. */
  checkedIn: Text;
  /** The day it was checked. */
  checkedOn: CalendarDate;
}

/** A person, organisation, place, event or thing that articles mention. */
export interface Entity {
  /** The entity's identifier: a lowercase slug equal to the file name without `.json`. */
  id: Id;
  /** What kind of entity this is. */
  kind: EntityKind;
  /** The canonical name, in English. */
  name: Text;
  /**
   * Other names and short forms (“Zelensky”, “U.S.”). Names only: no descriptions (“the conference”) and no
   * demonyms (“Ukrainian”), which would link the wrong words in other articles.
   */
  aliases: Text[];
  /** Words for the entity's people or things (“Ukrainian” for Ukraine); usually empty except for places. */
  demonyms: Text[];
  /** Roles the entity held, in order. */
  roles: Role[];
  /** Identifiers in standard code lists. */
  identifiers: EntityIdentifiers;
  /**
   * The Wikidata look-up: `linked` with where and when `identifiers.wikidata` was verified, or `none` when no item
   * exists. Omitted when the entity has not been looked up (since model 1.1).
   */
  wikidataCheck?: WikidataCheck;
}

/** A news outlet that publishes articles or is credited in them. */
export interface Outlet {
  /** The outlet's identifier: a lowercase slug equal to the file name without `.json`. */
  id: Id;
  /** The outlet's name as it styles itself. */
  name: Text;
  /** The outlet's home page, or `null` when not recorded. */
  url: HttpUrl | null;
  /** The country where the outlet is based (ISO 3166-1 alpha-2), or `null` when not recorded. */
  country: CountryCode | null;
}

/**
 * What became of a removed or renamed record: `moved`, it now lives under one new id; `split`, it was split into
 * several records; `removed`, it was removed with no replacement.
 */
export type RedirectKind = 'moved' | 'split' | 'removed';

/** The collections that hold records. */
export type CollectionName = 'articles' | 'entities' | 'outlets';

/**
 * A record left behind when a published id is renamed or removed, so consumers can follow it:
 * `data/redirects/<id>.json`, where the id is the old one.
 */
export interface Redirect {
  /** The old id that no longer names a record. */
  id: Id;
  /** The collection the old record belonged to. */
  collection: CollectionName;
  /** Whether the record moved, was split, or was removed. */
  kind: RedirectKind;
  /** The ids that replace it: one for `moved`, two or more for `split`, none for `removed`. */
  to: Id[];
  /** Why, in a sentence. @minLength 1 */
  reason: string;
  /**
   * The dataset version in which the old id stopped being published.
   * @pattern ^\d+\.\d+\.\d+$
   */
  since: string;
}
