/**
 * A small seeded pseudo-random generator (mulberry32) and the helpers the synthetic corpus draws with. Every article
 * gets its own generator, seeded from the corpus seed and the article's index, so articles can be made in any order
 * (or on any thread) and still come out the same.
 */

/** A 32-bit FNV-1a hash of a string: turns a seed text and an index into a generator seed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** The generator for one article (or registry record) of a corpus. */
export function randomFor(seed: string, stream: string, index: number): Random {
  return new Random(hash32(`${seed}\u0000${stream}\u0000${index}`));
}
