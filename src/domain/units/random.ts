// Seeded randomness (demo data, demo pictures, test data). The domain never calls Math.random: the same
// seed must give the same output on every machine, so tests and screenshots can rely on it.
export type Rng = () => number;
export type Sampler<T> = (rng: Rng) => T;

/** The well-known 32-bit PRNG: tiny, fast, and good enough for demo data. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stream per purpose: a bijective scramble of the 32-bit seed, so two streams of one seed differ. */
export function streamOf(seed: number, salt: number): Rng {
  return mulberry32((Math.imul(seed | 0, 0x9e3779b1) ^ salt) >>> 0);
}

/** Standard normal by Box-Muller. */
export function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Draws items in proportion to their weights (zero weights never); a linear scan, as lists are short. */
export function sampler<T>(pairs: readonly (readonly [T, number])[]): Sampler<T> {
  const items = pairs.filter(([, w]) => w > 0);
  if (items.length === 0) throw new RangeError("nothing to sample from");
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of items) {
    total += w;
    cumulative.push(total);
  }
  return (rng) => {
    const r = rng() * total;
    let i = 0;
    while (i < items.length - 1 && cumulative[i]! <= r) i++;
    return items[i]![0];
  };
}

/** sampler() over a table of weights: weighted({ standard: 75, dump: 12 }). */
export function weighted<K extends string>(table: Partial<Record<K, number>>): Sampler<K> {
  return sampler(Object.entries(table) as [K, number][]);
}
