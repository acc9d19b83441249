import { partRandom } from './random.ts';

/** Reviews and meetings draw from their own stream, so changing them never changes the members. */
export function evaluationRandomFor(seed: number, districtIndex: number, grassrootsIndex: number): () => number {
  return partRandom(seed, 3, districtIndex, grassrootsIndex);
}
