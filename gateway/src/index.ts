export { startGateway, type GatewayOptions } from './gateway.ts';
export { composeSupergraph, type Composition } from './compose.ts';
export { readManifest, subgraphUrl, MANIFEST_PATH, SUPERGRAPH_PATH, type SubgraphEntry } from './manifest.ts';
export { composeSubgraphs } from './compose.ts';
export { SchemaProblem, readSubgraphSdl } from './manifest.ts';
export { checkSubgraphSchema, type SchemaCheckReport } from './schema-check/schema-check.ts';
export { runContractTest, type ContractResult } from './schema-check/contract-test.ts';
export { SUBGRAPH_UNAVAILABLE } from './provincial/subgraph-errors.ts';
