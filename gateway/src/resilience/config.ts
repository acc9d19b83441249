/**
 * | variable | default | meaning |
 * |---|---|---|
 * | `GRAPHQL_SUBGRAPH_TIMEOUT_MS` | 4000 | deadline of one request to one subgraph; past it that part of the answer is missing (null + an error naming the subgraph), the rest is answered. Must be below `GRAPHQL_TIMEOUT_MS` |
 * | `SHUTDOWN_GRACE_MS` | 8000 | on SIGTERM, how long requests in flight may still run before their connections are closed |
 */
export interface ResilienceConfig {
  subgraphTimeoutMs: number;
}

/**
 * 4 s: the slowest operation a clerk runs (province-wide analytics) answers in under 1 s at p95, and a
 * plan that meets one stalled subgraph still answers inside the operation's 10 s deadline (later
 * fetches to that subgraph fail at once, see SubgraphBreaker).
 */
const DEFAULT_SUBGRAPH_TIMEOUT_MS = 4000;

export function resilienceConfig(env: NodeJS.ProcessEnv, operationTimeoutMs: number): ResilienceConfig {
  const raw = env.GRAPHQL_SUBGRAPH_TIMEOUT_MS?.trim();
  const subgraphTimeoutMs = raw ? Number(raw) : Math.min(DEFAULT_SUBGRAPH_TIMEOUT_MS, Math.floor(operationTimeoutMs / 2));
  if (!Number.isSafeInteger(subgraphTimeoutMs) || subgraphTimeoutMs < 1) {
    throw new Error(`GRAPHQL_SUBGRAPH_TIMEOUT_MS must be a whole number of at least 1, got "${raw}".`);
  }
  if (subgraphTimeoutMs >= operationTimeoutMs) {
    throw new Error(`GRAPHQL_SUBGRAPH_TIMEOUT_MS (${subgraphTimeoutMs}) must be below GRAPHQL_TIMEOUT_MS (${operationTimeoutMs}): a slow subgraph must cost its part of the answer, not the whole answer.`);
  }
  return { subgraphTimeoutMs };
}
