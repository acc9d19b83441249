import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@dangvien/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoundRobinProxy, type RoundRobinProxy } from './proxy.ts';

/** The cluster's load balancer on real sockets: turns, a refusing replica skipped, a dying one reported. */
const upstreams: Server[] = [];
const closers: (() => Promise<void>)[] = [];

async function upstream(name: string, behaviour: 'answer' | 'die' = 'answer'): Promise<string> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (behaviour === 'die') {
        request.socket.destroy(); // a replica killed while handling the request
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name, body, path: request.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstreams.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function proxyOver(urls: string[]): Promise<RoundRobinProxy> {
  const proxy = await startRoundRobinProxy(urls);
  closers.push(proxy.close);
  return proxy;
}

const post = async (proxy: RoundRobinProxy, body = '{"query":"{ a }"}') => {
  const response = await fetch(`${proxy.url}/graphql?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, body: (await response.json()) as { name?: string; body?: string; path?: string; errors?: { extensions: { code: string } }[] } };
};

let refusing: string;
beforeAll(async () => {
  refusing = `http://127.0.0.1:${await freePort()}`; // nothing listens there
});
afterAll(async () => {
  for (const close of closers) await close();
  for (const server of upstreams) await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('round-robin proxy', () => {
  it('sends requests to each replica in turn, path and body unchanged', async () => {
    const proxy = await proxyOver([await upstream('a'), await upstream('b')]);
    const names = [];
    for (let request = 0; request < 4; request++) {
      const answer = await post(proxy);
      expect(answer.body).toMatchObject({ body: '{"query":"{ a }"}', path: '/graphql?x=1' });
      names.push(answer.body.name);
    }
    expect(names).toEqual(['a', 'b', 'a', 'b']);
  });

  it('skips a replica that refuses the connection: every request is answered by the other', async () => {
    const proxy = await proxyOver([refusing, await upstream('c')]);
    for (let request = 0; request < 4; request++) expect(await post(proxy)).toMatchObject({ status: 200, body: { name: 'c' } });
  });

  it('answers 502 when a replica dies after receiving the request (it may have acted: not sent elsewhere)', async () => {
    const proxy = await proxyOver([await upstream('dies', 'die')]);
    const answer = await post(proxy);
    expect(answer.status).toBe(502);
    expect(answer.body.errors?.[0]?.extensions.code).toBe('BAD_GATEWAY');
  });

  it('answers 503 when no replica accepts a connection', async () => {
    const proxy = await proxyOver([refusing]);
    expect((await post(proxy)).status).toBe(503);
  });
});
