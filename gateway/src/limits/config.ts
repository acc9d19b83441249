/**
 * Request limits of the gateway, each overridable by an environment variable (copy to the README):
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `GRAPHQL_MAX_DEPTH` | 10 | deepest nesting of fields in one operation (fragments count as written) |
 * | `GRAPHQL_MAX_ALIASES` | 15 | aliases in one operation |
 * | `GRAPHQL_MAX_TOKENS` | 1000 | lexical tokens in one document; the parser stops past it |
 * | `GRAPHQL_MAX_DIRECTIVES` | 10 | directives (`@include`, `@skip`, …) in one operation |
 * | `GRAPHQL_MAX_COST` | 20000 | cost estimate (objects 2, scalars 1, ×1.5 per level, × each list's `first`, literal or variable; cost.ts); the front ends' own operations are not counted |
 * | `GRAPHQL_UI_OPERATIONS` | `manifest` in production, else `any` | `manifest`: a front-end session (no analyst or service grant) may send only the operations of `gateway/ui-operations.json`; `any`: every caller may send any operation within the limits |
 * | `GRAPHQL_MAX_PAGE_SIZE` | 500 | largest value of any argument named `first` or `limit`, literal or variable |
 * | `GRAPHQL_RATE_LIMIT_PER_MINUTE` | 300 | requests per caller per fixed one-minute window, counted for all gateway replicas together in the identity database (`IDENTITY_DATABASE_URL`), else per process |
 * | `GRAPHQL_TIMEOUT_MS` | 10000 | deadline for executing one operation (planning and subgraph calls) |
 * | `DANGVIEN_DEV` | — | `1` (set by `npm start`): development defaults, introspection answered; otherwise (and always with `NODE_ENV=production`) introspection (`__schema`, `__type`) is refused |
 */
export interface LimitsConfig {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  maxPageSize: number;
  rateLimitPerMinute: number;
  timeoutMs: number;
  /** Front-end sessions limited to the manifest of the front ends' operations (persisted operations). */
  uiOperationsOnly: boolean;
  /** Production defaults (introspection refused): unless `DANGVIEN_DEV=1`, and always with `NODE_ENV=production`. */
  production: boolean;
}

/** Reads the limits; a malformed value stops the gateway at start rather than silently weakening a limit. */
export function limitsConfig(env: NodeJS.ProcessEnv): LimitsConfig {
  return {
    maxDepth: positiveInteger(env, 'GRAPHQL_MAX_DEPTH', 10),
    maxAliases: positiveInteger(env, 'GRAPHQL_MAX_ALIASES', 15),
    maxTokens: positiveInteger(env, 'GRAPHQL_MAX_TOKENS', 1000),
    maxDirectives: positiveInteger(env, 'GRAPHQL_MAX_DIRECTIVES', 10),
    // 20,000 since lists count by their page size: one page of 500 rows with about 25 fields fits, a page
    // inside a page does not (5,000 was set when `first: $n` counted once).
    maxCost: positiveInteger(env, 'GRAPHQL_MAX_COST', 20_000),
    maxPageSize: positiveInteger(env, 'GRAPHQL_MAX_PAGE_SIZE', 500),
    rateLimitPerMinute: positiveInteger(env, 'GRAPHQL_RATE_LIMIT_PER_MINUTE', 300),
    timeoutMs: positiveInteger(env, 'GRAPHQL_TIMEOUT_MS', 10_000),
    production: productionMode(env),
    uiOperationsOnly: uiOperations(env) === 'manifest',
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}".`);
  return value;
}

const productionMode = (env: NodeJS.ProcessEnv): boolean => env.NODE_ENV === 'production' || env.DANGVIEN_DEV !== '1';

function uiOperations(env: NodeJS.ProcessEnv): 'manifest' | 'any' {
  const raw = env.GRAPHQL_UI_OPERATIONS?.trim();
  if (raw === undefined || raw === '') return productionMode(env) ? 'manifest' : 'any';
  if (raw === 'manifest' || raw === 'any') return raw;
  throw new Error(`GRAPHQL_UI_OPERATIONS must be "manifest" or "any", got "${raw}".`);
}
