import { seededRandom, weightedPick } from '@dangvien/demo-data';

export { seededRandom, weightedPick };

/**
 * A generator for one part of the data set (a grassroots organization, the upper tree), seeded from
 * the run's seed and the part's coordinates: any part can be regenerated alone, in any order, and
 * gives the same rows (resuming a run regenerates only what is missing).
 */
export function partRandom(seed: number, ...coordinates: number[]): () => number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const value of [seed, ...coordinates]) {
    hash = Math.imul(hash ^ (value >>> 0), 0x01000193) >>> 0;
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return seededRandom(hash);
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** An integer in [min, max]. */
export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Roughly normal (sum of three uniforms), mean `mean`, spread about `sd`. */
export function roughlyNormal(random: () => number, mean: number, sd: number): number {
  return mean + (random() + random() + random() - 1.5) * 2 * sd;
}
