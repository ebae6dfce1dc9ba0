// Generated file: do not edit. Regenerate with `npm run schemas`.
// Ajv 8.20.0 standalone validators for schemas/*.schema.json (see scripts/lib/validator-code.ts).
import type { ValidateFunction } from 'ajv';

export declare const articles: ValidateFunction;
export declare const entities: ValidateFunction;
export declare const outlets: ValidateFunction;
export declare const redirects: ValidateFunction;
/** SHA-256 of each schema file the validators were compiled from, by schema name. */
export declare const schemaSha256: Record<string, string>;
