export { startGateway, type GatewayOptions } from './gateway.ts';
export { composeSupergraph, type Composition } from './compose.ts';
export { readManifest, subgraphUrl, MANIFEST_PATH, SUPERGRAPH_PATH, type SubgraphEntry } from './manifest.ts';
