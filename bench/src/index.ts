export { percentile, ratio, summarize, type LatencySummary } from './stats.ts';
