import net, { type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type ProxyMode = 'up' | 'down' | 'stalled';

export interface FaultProxy {
  /** http://127.0.0.1:<port>/graphql: what the gateway is told the subgraph's URL is. */
  url: string;
  /** up: bytes pass; down: connections refused (the process stopped); stalled: connections accepted, nothing passes (SIGSTOP). */
  set(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of one subgraph for tests, so a test can stop or stall the subgraph as the
 * gateway sees it and bring it back on the same address. Stalled bytes are held and delivered when it
 * comes back up, as a process resumed after SIGSTOP would.
 */
export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  let mode: ProxyMode = 'up';
  const flushers = new Set<() => void>();
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const onConnection = (client: Socket) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    track(client);
    track(upstream);
    const held: [Socket, Buffer][] = [];
    const forward = (to: Socket) => (chunk: Buffer) => {
      if (mode === 'stalled') held.push([to, chunk]);
      else to.write(chunk);
    };
    const flush = () => {
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
    };
    flushers.add(flush);
    client.on('data', forward(upstream));
    upstream.on('data', forward(client));
    const end = () => {
      flushers.delete(flush);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  };

  let server: Server = net.createServer(onConnection);
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    async set(next) {
      if (next === mode) return;
      if (mode === 'down') {
        server = net.createServer(onConnection);
        await listen(port);
      }
      mode = next;
      if (next === 'down') await stopListening();
      if (next === 'up') for (const flush of flushers) flush();
    },
    async close() {
      if (mode !== 'down') await stopListening();
    },
  };
}
