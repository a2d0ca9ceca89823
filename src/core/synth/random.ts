/** A seeded source of uniform numbers in [0, 1). */
export type Random = () => number;

/** Mulberry32: a small seeded PRNG, so generated samples are identical for a seed on every machine. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform number in [min, max). */
export function uniform(rand: Random, min: number, max: number): number {
  return min + (max - min) * rand();
}

/** True with probability p. */
export function chance(rand: Random, p: number): boolean {
  return rand() < p;
}

/** An approximately normal number (sum of four uniforms), clamped to ±2.5 standard deviations. */
export function gaussian(rand: Random, mean: number, sd: number): number {
  const z = (rand() + rand() + rand() + rand() - 2) * Math.sqrt(3);
  return mean + sd * Math.max(-2.5, Math.min(2.5, z));
}

/** Picks one entry with probability proportional to its weight. */
export function pickWeighted<T>(rand: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return entries[entries.length - 1][0];
}

/** Derives an independent seed for item `index` of a run seeded with `seed`. */
export function itemSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}
