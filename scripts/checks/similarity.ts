/**
 * Near-duplicate detection without comparing all pairs: each article text gets a MinHash signature of its word
 * shingles (one-permutation hashing: one hash per shingle, kept as the minimum in one of SIGNATURE_SIZE bins), and
 * locality-sensitive hashing groups signatures that agree on a whole band. Only articles sharing a band bucket are
 * compared, so the work grows with the number of articles, not its square.
 */

/** Words per shingle: long enough that shared stock phrases do not make two reports look alike. */
export const SHINGLE_WORDS = 5;
/** Bins in a signature; the similarity estimate's error is about 1/sqrt(SIGNATURE_SIZE). */
export const SIGNATURE_SIZE = 64;
/** LSH bands and rows: pairs above ~0.7 similarity share a bucket with high probability ((1/b)^(1/r) ≈ 0.66). */
export const BANDS = 16;
export const ROWS = SIGNATURE_SIZE / BANDS;
/** Texts with fewer shingles are too short to call near-duplicates. */
export const MIN_SHINGLES = 20;
const EMPTY = 0xffffffff;

/** A 32-bit finaliser (murmur3 fmix) so shingle hashes spread over the bins. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A multiplier for the polynomial rolling hash of SHINGLE_WORDS word hashes. */
const ROLL = 0x01000193;
/** ROLL ** (SHINGLE_WORDS - 1) mod 2^32: what the word leaving the window contributed. */
const ROLL_OUT = Array.from({ length: SHINGLE_WORDS - 1 }).reduce<number>((p) => Math.imul(p, ROLL), 1);
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The hash of each word of a text, case-folded: words are runs of letters and digits. A hand-written scan (FNV-1a
 * over char codes, ASCII fast path) rather than a regex match, because it runs over every article's full text.
 */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    let word: boolean;
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) c |= 0x20; // A-Z → a-z
      word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    } else {
      const ch = text[i]!;
      word = WORD_CHAR.test(ch);
      if (word) c = ch.toLowerCase().charCodeAt(0);
    }
    if (word) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      hashes.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) hashes.push(h >>> 0);
  return hashes;
}

/** The MinHash signature of a text, or null when it has fewer than MIN_SHINGLES shingles. */
export function signature(text: string): Uint32Array | null {
  const words = wordHashes(text);
  const shingles = words.length - SHINGLE_WORDS + 1;
  if (shingles < MIN_SHINGLES) return null;
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  const binBits = Math.log2(SIGNATURE_SIZE);
  // Rolling polynomial hash of the window of SHINGLE_WORDS word hashes, then one finaliser per shingle.
  let roll = 0;
  for (let i = 0; i < SHINGLE_WORDS - 1; i++) roll = (Math.imul(roll, ROLL) + words[i]!) | 0;
  for (let i = 0; i < shingles; i++) {
    roll = (Math.imul(roll, ROLL) + words[i + SHINGLE_WORDS - 1]!) | 0;
    const h = mix(roll);
    roll = (roll - Math.imul(words[i]!, ROLL_OUT)) | 0;
    const bin = h >>> (32 - binBits);
    const rest = (h << binBits) >>> 0;
    if (rest < sig[bin]!) sig[bin] = rest;
  }
  return sig;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures (bins empty in both are skipped). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  let counted = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === EMPTY && b[i] === EMPTY) continue;
    counted++;
    if (a[i] === b[i]) same++;
  }
  return counted === 0 ? 0 : same / counted;
}

/** The LSH bucket key of one band of a signature: a 32-bit hash of the band's rows and its index. */
export function bandKey(sig: Uint32Array, band: number): number {
  let h = mix(band + 1);
  for (let r = 0; r < ROWS; r++) h = mix((h ^ sig[band * ROWS + r]!) >>> 0);
  return h;
}

/** Articles beyond this count need a wider index field in `candidatePairs` (2^21, about two million). */
const INDEX_BITS = 21;

/**
 * Pairs of signatures that agree on at least one whole band (LSH candidates), as [earlier, later] indexes. Each band
 * is one sorted Float64Array of (key, index) packed in a safe integer, so memory stays at 8 bytes per article
 * however many articles there are, and no all-pairs comparison ever happens: within a bucket, each member is paired
 * with the bucket's first member and with its predecessor.
 */
export function candidatePairs(signatures: ReadonlyArray<Uint32Array>): Array<[number, number]> {
  const n = signatures.length;
  if (n >= 2 ** INDEX_BITS) throw new Error(`too many articles for near-duplicate detection (${n})`);
  const scale = 2 ** INDEX_BITS;
  const pairs = new Map<number, [number, number]>();
  const packed = new Float64Array(n);
  for (let band = 0; band < BANDS; band++) {
    for (let i = 0; i < n; i++) packed[i] = bandKey(signatures[i]!, band) * scale + i;
    packed.sort();
    let runStart = 0;
    for (let i = 1; i <= n; i++) {
      const same = i < n && Math.floor(packed[i]! / scale) === Math.floor(packed[runStart]! / scale);
      if (same) {
        const first = packed[runStart]! % scale;
        const previous = packed[i - 1]! % scale;
        const current = packed[i]! % scale;
        for (const other of first === previous ? [first] : [first, previous]) {
          const a = Math.min(other, current);
          const b = Math.max(other, current);
          pairs.set(a * scale + b, [a, b]);
        }
      } else runStart = i;
    }
  }
  return [...pairs.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
