/**
 * Shared scalar types. Each carries the pattern or format that the generated JSON Schemas enforce.
 * Doc comments here become `description`s in `schemas/*.schema.json` (`npm run schemas`). A field typed `EntityId`
 * that accepts only some kinds of entity lists them in an `@entityKinds` tag, which the schema carries as the
 * annotation keyword `entityKinds` (not validated by the schema; the `entity-kinds` rule checks it).
 */

/**
 * A record or annotation identifier: a lowercase ASCII slug (letters, digits, single hyphens between them).
 * @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$
 * @minLength 1
 * @maxLength 120
 */
export type Id = string;

/**
 * The id of a record in `data/entities/`. A field of this type is a reference: the validator resolves it and the
 * tables publish it as a foreign key (the one declaration they read: scripts/lib/references.ts). Constrained like `Id`.
 * @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$
 * @minLength 1
 * @maxLength 120
 */
export type EntityId = string;

/**
 * The id of a record in `data/outlets/`. A field of this type is a reference, like `EntityId`.
 * @pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$
 * @minLength 1
 * @maxLength 120
 */
export type OutletId = string;

/**
 * An ISO 8601 calendar date with the precision the source supports: a year (`2024`), a month (`2024-10`),
 * a day (`2024-10-16`), or a date-time with a UTC offset (`2024-10-16T09:30:00Z`). Never padded to a precision the
 * source does not give.
 * @pattern ^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?)?)?$
 */
export type PartialDate = string;

/**
 * A TIMEX3 value of an instant, at the precision known: an ISO 8601 year, month, day or date-time with a UTC offset
 * (as `PartialDate`); an ISO week (`2025-W07`), its weekend (`2025-W07-WE`) or one of its days (`2025-W07-3`, ISO
 * day numbers, 1 = Monday); a season (`2024-SU`: `SP` spring, `SU` summer, `FA` autumn, `WI` winter); a day with a
 * part of the day (`2025-02-12TMO`: `MO` morning, `MI` midday, `AF` afternoon, `EV` evening, `NI` night, `DT`
 * daytime). What the text leaves unknown is written `X`, as TIMEX3 does: `XXXX-WXX-3` is “Wednesday” in an article
 * whose publication date is unknown, `XXXX-SU` “last summer”, `XXXX-XX-XXTMO` “this morning”. Or one of TIMEX3's
 * references to the publication time (its `PaPrFu` values, since model 1.1): `PRESENT_REF` the time of publication
 * (“now”, “currently”, “at present”), `PAST_REF` an unstated time before it (“formerly”, “in the past”),
 * `FUTURE_REF` an unstated time after it (“in the future”).
 * @pattern ^(?:PAST_REF|PRESENT_REF|FUTURE_REF)$|^(?:\d{4}|XXXX)(?:-(?:(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12]\d|3[01]|XX)(?:T(?:MO|MI|AF|EV|NI|DT)|T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?)?|W(?:0[1-9]|[1-4]\d|5[0-3]|XX)(?:-WE|-[1-7](?:T(?:MO|MI|AF|EV|NI|DT))?)?|SP|SU|FA|WI))?$
 */
export type TimeValue = string;

/**
 * One end of an interval: a date as `TimeValue` writes it, or `PRESENT_REF` (TIMEX3), the article's publication
 * date. `PAST_REF` and `FUTURE_REF` are no ends: an end the text leaves open is `null`.
 * @pattern ^(?:PRESENT_REF|(?:\d{4}|XXXX)(?:-(?:(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12]\d|3[01]|XX)(?:T(?:MO|MI|AF|EV|NI|DT)|T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?)?|W(?:0[1-9]|[1-4]\d|5[0-3]|XX)(?:-WE|-[1-7](?:T(?:MO|MI|AF|EV|NI|DT))?)?|SP|SU|FA|WI))?)$
 */
export type TimePoint = string;

/**
 * A JSON Pointer (RFC 6901) with at least one reference token: `/currency`, `/time/value`.
 * @pattern ^(?:/(?:[^~/]|~[01])*)+$
 * @maxLength 200
 */
export type JsonPointer = string;

/**
 * A Wikidata item identifier (`Q212`).
 * @pattern ^Q[1-9]\d*$
 */
export type WikidataId = string;

/**
 * A full ISO 8601 calendar date (`YYYY-MM-DD`).
 * @pattern ^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$
 * @format date
 */
export type CalendarDate = string;

/**
 * An absolute `http` or `https` URL.
 * @pattern ^https?://[^\s/?#]+[^\s]*$
 * @format uri
 * @maxLength 2048
 */
export type HttpUrl = string;

/**
 * A BCP 47 language tag: a language subtag, optionally a script and a region (`en`, `en-GB`, `uk`, `sr-Latn-RS`).
 * @pattern ^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$
 */
export type LanguageTag = string;

/**
 * An ISO 4217 alphabetic currency code (`USD`, `EUR`, `UAH`).
 * @pattern ^[A-Z]{3}$
 */
export type CurrencyCode = string;

/**
 * A unit of measure as a UN/CEFACT Common Code (UN/ECE Recommendation 20), the code schema.org `unitCode` takes:
 * `SMI` mile (statute mile), `KMT` kilometre, `MTR` metre, `MTK` square metre, `KGM` kilogram.
 * @pattern ^[A-Z0-9]{2,3}$
 */
export type UnitCode = string;

/**
 * An ISO 3166-1 alpha-2 country code (`UA`, `US`).
 * @pattern ^[A-Z]{2}$
 */
export type CountryCode = string;

/**
 * A non-empty single line of text with no leading or trailing white space.
 * @minLength 1
 * @pattern ^\S(?:.*\S)?$
 */
export type Text = string;
