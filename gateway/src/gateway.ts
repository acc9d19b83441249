import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { serveApollo, type RunningServer } from '@dangvien/server';
import { readManifest, subgraphUrl, SUPERGRAPH_PATH } from './manifest.ts';

export interface GatewayOptions {
  port?: number;
  supergraphPath?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The one entry point for clients: serves the committed supergraph (never composed by introspection),
 * calling each subgraph over HTTP at its routing URL or the `<NAME>_URL` override.
 */
export async function startGateway(options: GatewayOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const supergraphSdl = readFileSync(options.supergraphPath ?? SUPERGRAPH_PATH, 'utf8');
  const urls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const resolved = subgraphUrl(name, url ?? '', env);
      urls.set(name, resolved);
      return new RemoteGraphQLDataSource({ url: resolved });
    },
  });
  const apollo = new ApolloServer({
    gateway,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  return serveApollo({
    apollo,
    port: options.port ?? Number(env.GATEWAY_PORT ?? 4000),
    host: env.GATEWAY_HOST ?? '127.0.0.1',
    context: async () => ({}),
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
