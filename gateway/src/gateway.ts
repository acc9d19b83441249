// First: @apollo/gateway must never be constructed with its telemetry on (see offline.ts).
import './offline/index.ts';
import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { ApolloGateway } from '@apollo/gateway';
import { internalTokenSigner, type Caller, type InternalTokenSigner } from '@dangvien/auth';
import type { SqlClient } from '@dangvien/identity';
import { disableApolloTelemetry, inputTextPlugin, offlinePlugins, serveApollo, type RunningServer } from '@dangvien/server';
import type { Request, Router } from 'express';
import { subgraphUrl, SUPERGRAPH_PATH } from './manifest.ts';
import { internalKeysRouter } from './provincial/internal-keys.ts';
import { coreSubgraphNames, federationHealth } from './provincial/optional-subgraphs.ts';
import { formatGatewayError } from './provincial/subgraph-errors.ts';
import { reloadingSupergraph, type SupergraphSourceOptions } from './supergraph-reload.ts';
import { limitsConfig, requestLimits } from './limits/index.ts';
import { resilienceConfig, ResilientDataSource, SubgraphBreaker } from './resilience/index.ts';
import { loadUiOperations, uiOperationsPlugin, type UiOperations } from './persisted/ui-operations.ts';
import { explorerRouter } from './explorer/explorer-router.ts';
import { apiSchemaOf } from './explorer/api-schema.ts';
import type { GatewayContext } from './context.ts';

export type { GatewayContext } from './context.ts';

export interface GatewayOptions {
  port?: number;
  /** The supergraph file; default `GATEWAY_SUPERGRAPH`, else the committed one. */
  supergraphPath?: string;
  /** A URL serving the supergraph instead of a file; default `GATEWAY_SUPERGRAPH_URL`. */
  supergraphUrl?: string;
  /** How often the supergraph is looked at for a new one (0: never); default `GATEWAY_SUPERGRAPH_POLL_MS`, else 5 s. */
  supergraphPollMs?: number;
  /** Called when a changed supergraph was accepted or refused (tests). */
  onSupergraphChange?: SupergraphSourceOptions['onChange'];
  /** The manifest saying which subgraphs are core (not `optional`); default gateway/subgraphs.json. */
  manifestPath?: string;
  env?: NodeJS.ProcessEnv;
  /** The gateway's private key (JWK JSON) for internal tokens; default `GATEWAY_PRIVATE_KEY`. */
  privateKey?: string;
  /** Who is calling, from the request's credentials; throws to refuse. */
  authenticate?: (request: Request) => Promise<Caller>;
  /** Other routes served beside /graphql (the embedded issuer's /auth/…). */
  routes?: Record<string, Router>;
  /** Called before each request to a subgraph (tests count them). */
  onSubgraphRequest?: (subgraph: string) => void;
  /** Extra Apollo plugins (request limits). */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /** Extra validation rules, run before any subgraph is called (request limits). */
  validationRules?: ValidationRule[];
  /** `false` turns off the request limits of ./limits (depth, cost, rate, deadline, …); only for tests. */
  limits?: false;
  /** The front ends' operations; default the committed manifest `gateway/ui-operations.json`. */
  uiOperations?: UiOperations;
  /** Where the rate limit counts requests, shared by every gateway replica (the identity database); default per process. */
  sharedStore?: SqlClient;
}

/** Until sign-in exists, a caller without grants: subgraphs give such a caller nothing in scope. */
const ANONYMOUS: Caller = { subject: 'anonymous', name: '', grants: [] };

/**
 * Calls a subgraph with a fresh internal token for the verified caller, and nothing else from the
 * client's request: raw client headers are never forwarded.
 */
class SignedDataSource extends ResilientDataSource<GatewayContext> {
  constructor(
    subgraph: string,
    url: string,
    private readonly sign: InternalTokenSigner,
    private readonly onRequest: ((subgraph: string) => void) | undefined,
    resilience: { timeoutMs: number; breaker: SubgraphBreaker },
  ) {
    super({ subgraph, url, ...resilience });
  }

  override async willSendRequest({ request, context }: Parameters<NonNullable<ResilientDataSource<GatewayContext>['willSendRequest']>>[0]): Promise<void> {
    this.onRequest?.(this.subgraph);
    const caller = 'caller' in context ? (context as GatewayContext).caller : ANONYMOUS;
    request.http?.headers.set('authorization', `Bearer ${await this.sign(caller, this.subgraph)}`);
  }
}

/**
 * The one entry point for clients: serves the committed supergraph (never composed by introspection),
 * calling each subgraph over HTTP at its routing URL or the `<NAME>_URL` override.
 */
export async function startGateway(options: GatewayOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const privateKey = options.privateKey ?? env.GATEWAY_PRIVATE_KEY;
  if (!privateKey) throw new Error('GATEWAY_PRIVATE_KEY is not set: the gateway signs every subgraph request (the start command sets it).');
  const sign = await internalTokenSigner(privateKey);
  const authenticate = options.authenticate ?? (async () => ANONYMOUS);
  const coreSubgraphs = coreSubgraphNames(options.manifestPath);
  const urls = new Map<string, string>();
  // A subgraph's own deadline, shorter than the operation's: past it, its part is missing, not the whole answer.
  const resilience = { timeoutMs: resilienceConfig(env, limitsConfig(env).timeoutMs).subgraphTimeoutMs, breaker: new SubgraphBreaker() };
  // Read by the constructor: set here too, in case anything changed process.env since import.
  disableApolloTelemetry(env);
  const supergraphPath = options.supergraphPath ?? (env.GATEWAY_SUPERGRAPH || SUPERGRAPH_PATH);
  // The explorer shows the schema of the supergraph the gateway starts with (a reloaded one after a restart).
  const supergraphSdl = readFileSync(supergraphPath, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl: reloadingSupergraph({
      path: supergraphPath,
      url: options.supergraphUrl ?? (env.GATEWAY_SUPERGRAPH_URL || undefined),
      pollMs: options.supergraphPollMs ?? Number(env.GATEWAY_SUPERGRAPH_POLL_MS ?? 5000),
      coreSubgraphs,
      onChange: options.onSupergraphChange,
    }),
    buildService: ({ name, url }) => {
      const resolved = subgraphUrl(name, url ?? '', env);
      urls.set(name, resolved);
      return new SignedDataSource(name, resolved, sign, options.onSubgraphRequest, resilience);
    },
  });
  const uiOperations = options.uiOperations ?? loadUiOperations();
  const limits = options.limits === false ? undefined : requestLimits(env, (document) => uiOperations.has(document), options.sharedStore);
  // Persisted operations: in production a front-end session sends only what the front ends contain.
  const uiOnly = limitsConfig(env).uiOperationsOnly ? [uiOperationsPlugin(uiOperations)] : [];
  const apollo = new ApolloServer<GatewayContext>({
    gateway: limits ? limits.withDeadline(gateway) : gateway,
    includeStacktraceInErrorResponses: false,
    formatError: formatGatewayError,
    parseOptions: limits?.parseOptions,
    plugins: [...offlinePlugins<GatewayContext>(env), inputTextPlugin<GatewayContext>(), ...uiOnly, ...(limits?.plugins ?? []), ...(options.plugins ?? [])],
    validationRules: [...(limits?.validationRules ?? []), ...(options.validationRules ?? [])],
  });
  return serveApollo({
    apollo,
    port: options.port ?? Number(env.GATEWAY_PORT ?? 4000),
    host: env.GATEWAY_HOST ?? '127.0.0.1',
    routes: {
      ...options.routes,
      '/internal': await internalKeysRouter(privateKey, env),
      // GraphiQL and its API (docs/analysts.md); Apollo's own landing page, which loads Sandbox from a CDN, stays off.
      '/explorer': explorerRouter({ apollo, authenticate, schema: apiSchemaOf(supergraphSdl), sharedStore: options.sharedStore }),
    },
    context: async (request) => ({ caller: await authenticate(request) }),
    health: () => federationHealth(urls, coreSubgraphs),
  });
}
