// A seeded pseudo-random source (mulberry32): the same seed makes the same demo data, so two runs
// of `npm run demo` fill their engines alike and a figure in docs/performance.md can be repeated.
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
}

/**
 * `total` items spread over `shares` (weights) exactly: each gets its rounded share, the last the
 * rest, so the counts always add up to `total` (120 deals over six stages, 300 leads over five fates).
 */
export function spread<K extends string>(total: number, shares: Readonly<Record<K, number>>): K[] {
  const keys = Object.keys(shares) as K[];
  const weight = keys.reduce((sum, key) => sum + shares[key], 0);
  const out: K[] = [];
  keys.forEach((key, index) => {
    const count = index === keys.length - 1 ? total - out.length : Math.round((total * shares[key]) / weight);
    for (let i = 0; i < count && out.length < total; i++) out.push(key);
  });
  return out;
}
