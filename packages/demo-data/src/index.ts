export * from './demo.ts';
export { seededRandom, weightedPick } from './random.ts';
export { vietnameseName, type Sex } from './names.ts';
