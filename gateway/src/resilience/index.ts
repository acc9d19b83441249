export { SubgraphBreaker } from './breaker.ts';
export { resilienceConfig, type ResilienceConfig } from './config.ts';
export { ResilientDataSource, type ResilientOptions } from './data-source.ts';
export { missingPartMessage, partLabel, SUBGRAPH_UNAVAILABLE } from './missing-part.ts';
