// First: @apollo/gateway must never be constructed with its telemetry on (see offline.ts).
import './offline/index.ts';
import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { internalTokenSigner, type Caller, type InternalTokenSigner } from '@dangvien/auth';
import { disableApolloTelemetry, inputTextPlugin, maskUnexpectedErrors, offlinePlugins, serveApollo, type RunningServer } from '@dangvien/server';
import type { Request, Router } from 'express';
import { readManifest, subgraphUrl, SUPERGRAPH_PATH } from './manifest.ts';
import { requestLimits } from './limits/index.ts';
import { explorerRouter } from './explorer/explorer-router.ts';
import { apiSchemaOf } from './explorer/api-schema.ts';
import type { GatewayContext } from './context.ts';

export type { GatewayContext } from './context.ts';

export interface GatewayOptions {
  port?: number;
  supergraphPath?: string;
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
}

/** Until sign-in exists, a caller without grants: subgraphs give such a caller nothing in scope. */
const ANONYMOUS: Caller = { subject: 'anonymous', name: '', grants: [] };

/**
 * Calls a subgraph with a fresh internal token for the verified caller, and nothing else from the
 * client's request: raw client headers are never forwarded.
 */
class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly sign: InternalTokenSigner,
    private readonly onRequest: ((subgraph: string) => void) | undefined,
  ) {
    // Node's own fetch (undici, keep-alive pool) instead of Apollo's default make-fetch-happen, whose
    // HTTP-cache and proxy layers cost CPU on every subgraph request and do nothing for us.
    super({ url, fetcher: fetch });
  }

  override async willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): Promise<void> {
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
  const supergraphSdl = readFileSync(options.supergraphPath ?? SUPERGRAPH_PATH, 'utf8');
  const urls = new Map<string, string>();
  // Read by the constructor: set here too, in case anything changed process.env since import.
  disableApolloTelemetry(env);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const resolved = subgraphUrl(name, url ?? '', env);
      urls.set(name, resolved);
      return new SignedDataSource(name, resolved, sign, options.onSubgraphRequest);
    },
  });
  const limits = options.limits === false ? undefined : requestLimits(env);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: limits ? limits.withDeadline(gateway) : gateway,
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedErrors,
    parseOptions: limits?.parseOptions,
    plugins: [...offlinePlugins<GatewayContext>(env), inputTextPlugin<GatewayContext>(), ...(limits?.plugins ?? []), ...(options.plugins ?? [])],
    validationRules: [...(limits?.validationRules ?? []), ...(options.validationRules ?? [])],
  });
  return serveApollo({
    apollo,
    port: options.port ?? Number(env.GATEWAY_PORT ?? 4000),
    host: env.GATEWAY_HOST ?? '127.0.0.1',
    routes: {
      ...options.routes,
      // GraphiQL and its API (docs/analysts.md); Apollo's own landing page, which loads Sandbox from a CDN, stays off.
      '/explorer': explorerRouter({ apollo, authenticate, schema: apiSchemaOf(supergraphSdl) }),
    },
    context: async (request) => ({ caller: await authenticate(request) }),
    health: async () => {
      const names = urls.size > 0 ? [...urls.keys()] : readManifest().map((entry) => entry.name);
      const subgraphs = Object.fromEntries(
        await Promise.all(names.map(async (name) => [name, await subgraphHealth(urls.get(name) ?? '')] as const)),
      );
      const status = Object.values(subgraphs).every((state) => state === 'ok') ? 'ok' : 'degraded';
      return { status, gateway: 'ok', subgraphs };
    },
  });
}

async function subgraphHealth(graphqlUrl: string): Promise<string> {
  try {
    const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
    return response.ok ? 'ok' : `HTTP ${response.status}`;
  } catch (error) {
    return `unreachable: ${error instanceof Error ? error.message : String(error)}`;
  }
}
