/**
 * How the dataset site cuts text into search words: lower case, accents removed, runs of letters and digits of two
 * characters or more. Shared by the build (which writes the index) and the page script (which reads it).
 */

/** The search words of a text, in order (with repeats). */
export function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => [...word].length >= 2);
}

/** The term file a word is in: its first two characters as hexadecimal code points (`ne` → `6e-65`). */
export function shardKey(word: string): string {
  return [...word]
    .slice(0, 2)
    .map((c) => c.codePointAt(0)!.toString(16))
    .join('-');
}
