/**
 * What `npm run fix` does to one record's bytes, as a pure function (the fuzz tests prove it idempotent and
 * meaning-preserving): strict reading (scripts/lib/json-source.ts; a byte-order mark is the one problem it
 * repairs), then the canonical form (scripts/lib/canonical.ts). A record that cannot be read safely is left alone.
 */
import { canonicalText, canonicalValue } from './canonical.ts';
import { parseJsonSource } from './json-source.ts';

export type FixResult =
  { ok: false; message: string } | { ok: true; canonical: string; changed: boolean; what: string[] };

/** What differs between a file and its canonical form, in words. */
function changes(text: string, value: unknown, schema: object): string[] {
  const what: string[] = [];
  if (text.charCodeAt(0) === 0xfeff) what.push('removed the byte-order mark');
  const asIs = JSON.stringify(value);
  if (JSON.stringify(canonicalValue(value, schema, schema, false)) !== asIs) what.push('put keys in schema order');
  if (
    JSON.stringify(canonicalValue(value, undefined, {}, true)) !==
    JSON.stringify(canonicalValue(value, undefined, {}, false))
  )
    what.push('normalised text to NFC');
  if (what.length === 0) what.push('reformatted (indentation, spacing or final newline)');
  return what;
}

/** The canonical form of a record's bytes, or why it cannot be fixed safely. */
export function fixRecord(bytes: Uint8Array, schema: object): FixResult {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const parsed = parseJsonSource(hasBom ? bytes.subarray(3) : bytes);
  if (!parsed.ok) return { ok: false, message: parsed.problems[0]!.message };
  const original = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const canonical = canonicalText(parsed.value, schema);
  if (canonical === original) return { ok: true, canonical, changed: false, what: [] };
  return { ok: true, canonical, changed: true, what: changes(original, parsed.value, schema) };
}
