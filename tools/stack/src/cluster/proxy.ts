import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  port: number;
  /** Requests each upstream answered (tests see both replicas served). */
  served: Map<string, number>;
  close(): Promise<void>;
}

/** Bodies are read whole before forwarding (so a refused connection can be retried elsewhere); larger ones are refused. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** An upstream that refused a connection is skipped this long before it is tried again. */
const SKIP_MS = 1000;

/**
 * A small load balancer in front of the replicas of one service (what an orchestrator's Service or
 * an ingress does): each request goes to the next upstream in turn. An upstream that refuses the
 * connection (stopped, restarting) is skipped for a second and the request goes to the next one:
 * nothing reached the refused one, so sending it elsewhere is safe. One that fails after the request
 * was sent may have acted on it: the client gets 502 and decides (GraphQL clients retry with their
 * idempotency keys). A fresh connection per request, so that no pooled socket to a dead replica is reused.
 */
export async function startRoundRobinProxy(upstreams: readonly string[], port = 0): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error('A proxy needs at least one upstream.');
  let next = 0;
  const skippedUntil = new Map<string, number>();
  const served = new Map<string, number>(upstreams.map((upstream) => [upstream, 0]));
  const sockets = new Set<Socket>();

  /** The upstreams in the order to try them for this request: the next in turn first, skipped ones last. */
  const order = (): string[] => {
    const start = next++ % upstreams.length;
    const turn = upstreams.map((_, index) => upstreams[(start + index) % upstreams.length]!);
    const now = Date.now();
    return [...turn.filter((upstream) => (skippedUntil.get(upstream) ?? 0) <= now), ...turn.filter((upstream) => (skippedUntil.get(upstream) ?? 0) > now)];
  };

  const forward = (upstream: string, incoming: IncomingMessage, body: Buffer, outgoing: ServerResponse): Promise<'done' | 'refused'> =>
    new Promise((resolve) => {
      const target = new URL(incoming.url ?? '/', upstream);
      const headers = { ...incoming.headers, host: target.host, 'content-length': String(body.length), connection: 'close' };
      delete headers['transfer-encoding'];
      const proxied = httpRequest(target, { method: incoming.method, headers, agent: false }, (answer) => {
        served.set(upstream, (served.get(upstream) ?? 0) + 1);
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on('error', () => outgoing.destroy());
        answer.on('end', () => resolve('done'));
        answer.on('aborted', () => {
          outgoing.destroy();
          resolve('done');
        });
      });
      proxied.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') {
          skippedUntil.set(upstream, Date.now() + SKIP_MS);
          resolve('refused');
          return;
        }
        // Sent, then lost (the replica died mid-request): it may have acted; the client decides.
        if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Máy chủ vừa ngắt kết nối khi đang xử lý yêu cầu. Vui lòng thử lại.', extensions: { code: 'BAD_GATEWAY' } }] }));
        else outgoing.destroy();
        resolve('done');
      });
      proxied.end(body);
    });

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        outgoing.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Yêu cầu quá lớn.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }));
        return;
      }
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks);
    for (const upstream of order()) {
      if ((await forward(upstream, incoming, body, outgoing)) === 'done') return;
    }
    outgoing.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Không máy chủ nào đang hoạt động. Vui lòng thử lại sau.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
  };

  const server: Server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch(() => outgoing.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    served,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
