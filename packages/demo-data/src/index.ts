export * from './demo.ts';
export { seededRandom, weightedPick } from './random.ts';
export { vietnameseName } from './names.ts';
