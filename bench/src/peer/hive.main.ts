import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { internalTokenSigner, type Caller } from '@dangvien/auth';
import type { ChildReply } from '../processes.ts';

/**
 * The peer: Hive Gateway's runtime serving the same committed supergraph. A fetch hook does what our
 * SignedDataSource does — a fresh internal token for the subgraph and the caller — and sends each
 * request to the subgraph's URL of this run (the supergraph's routing URLs are the default ports).
 */
const caller = JSON.parse(process.env.BENCH_CALLER!) as Caller;
const routes = JSON.parse(process.env.BENCH_ROUTES!) as Record<string, { name: string; url: string }>;
const sign = await internalTokenSigner(process.env.GATEWAY_PRIVATE_KEY!);
const runtime = createGatewayRuntime({
  supergraph: readFileSync(process.env.BENCH_SUPERGRAPH!, 'utf8'),
  logging: 'error',
  graphiql: false,
  landingPage: false,
  plugins: () => [
    {
      onFetch: async ({ url, setURL, options, setOptions }) => {
        const route = routes[url];
        if (!route) return;
        setURL(route.url);
        const headers = new Headers(options.headers as HeadersInit | undefined);
        headers.set('authorization', `Bearer ${await sign(caller, route.name)}`);
        setOptions({ ...options, headers: Object.fromEntries(headers.entries()) });
      },
    },
  ],
});
const server = createServer((request, response) => {
  void runtime(request, response);
});
const port = Number(process.env.BENCH_PORT);
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}/graphql` } satisfies ChildReply);
process.on('disconnect', () => {
  server.close();
  void Promise.resolve(runtime.dispose()).finally(() => process.exit(0));
});
