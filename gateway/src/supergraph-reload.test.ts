import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from './manifest.ts';
import { reloadingSupergraph } from './supergraph-reload.ts';

/** The supergraph from a URL (a registry, a file server): polled, swapped when good, refused when bad. */
const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
const CORE = ['organization', 'membership', 'evaluation'];
let served: { status: number; body: string } = { status: 200, body: committed };
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(served.status).end(served.body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/supergraph.graphql`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function until(check: () => void): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe('a supergraph served at a URL', () => {
  it('is swapped in when it changes and builds, and kept when the next is bad or the URL fails', async () => {
    const updates: string[] = [];
    const log: string[] = [];
    served = { status: 200, body: committed };
    const { supergraphSdl, cleanup } = await reloadingSupergraph({ url, pollMs: 20, coreSubgraphs: CORE, log: (line) => log.push(line) })({ update: (sdl) => updates.push(sdl) });
    expect(supergraphSdl).toBe(committed);

    served = { status: 503, body: 'down for maintenance' };
    await until(() => expect(log.some((line) => line.includes('not read, the served one stays: HTTP 503'))).toBe(true));
    served = { status: 200, body: 'schema { query: Query }' };
    await until(() => expect(log.some((line) => line.includes('refused, the served one stays'))).toBe(true));
    expect(updates).toEqual([]);

    // The same supergraph with a comment: another text that builds, so it is swapped in (once).
    const next = `# composed again\n${committed}`;
    served = { status: 200, body: next };
    await until(() => expect(updates).toEqual([next]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updates).toEqual([next]);
    await cleanup();
  });

  it('refuses to start on a supergraph that lacks a core subgraph', async () => {
    served = { status: 200, body: committed };
    await expect(reloadingSupergraph({ url, pollMs: 0, coreSubgraphs: [...CORE, 'treasury'] })({ update: () => undefined })).rejects.toThrow(
      /cannot be served: it lacks the core subgraph treasury/,
    );
  });
});
