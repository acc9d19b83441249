export { startBackend, DEFAULT_BACKEND_PORTS, type Backend, type BackendOptions, type BackendPorts } from './backend.ts';
export { buildFrontends, serveFrontends, FRONTENDS, DEFAULT_FRONTEND_PORTS, type Frontends, type FrontendPorts } from './frontends.ts';
export { envPorts } from './ports.ts';
export { spawnManaged, stopManaged, waitForHttp, type ManagedProcess } from './processes.ts';
export { consistencyReport, formatReport, type ConsistencyReport } from './consistency.ts';
export { eventFeedSecret } from './secrets.ts';
export { startCluster, type Cluster, type ClusterOptions } from './cluster/cluster.ts';
export { startRoundRobinProxy, type RoundRobinProxy } from './cluster/proxy.ts';
