import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';

export interface HealthReport {
  status: 'ok' | 'degraded';
  [detail: string]: unknown;
}

export interface ServeOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  port: number;
  host?: string;
  context: (request: Request) => Promise<Ctx>;
  health: () => Promise<HealthReport>;
  /** Largest accepted request body; bigger ones get 413 before GraphQL sees them. */
  bodyLimit?: string;
  /** Longest accepted GraphQL document (`query`), checked before it is parsed; default 64 KiB. */
  maxQueryLength?: number;
  /** Other routes beside /graphql and /health (a subgraph's event feed, the gateway's sign-in). */
  routes?: Record<string, express.Router>;
  /** On close, how long requests in flight may still run before their connections are cut; default `SHUTDOWN_GRACE_MS` or 8 s. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking requests, lets those in flight finish (up to the shutdown grace), then stops. */
  close(): Promise<void>;
}

/**
 * Long enough for any operation the gateway lets run (its deadline is 10 s by default, but a clerk's
 * operations answer in well under a second), short enough for an orchestrator's default 30 s kill.
 */
const DEFAULT_SHUTDOWN_GRACE_MS = 8000;

function shutdownGrace(configured: number | undefined): number {
  if (configured !== undefined) return configured;
  const raw = Number(process.env.SHUTDOWN_GRACE_MS);
  return Number.isFinite(raw) && raw >= 0 && process.env.SHUTDOWN_GRACE_MS?.trim() ? raw : DEFAULT_SHUTDOWN_GRACE_MS;
}

/**
 * Graceful close: no new connection is accepted, idle keep-alive connections are closed at once and
 * each busy one as soon as its response is sent, so requests in flight (and the transactions they
 * hold) finish; whatever still runs after `graceMs` is cut.
 */
async function drainAndClose(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  const cut = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(idleSweep);
    clearTimeout(cut);
  }
}

/**
 * Spreadsheet imports travel as base64 in a variable (graphql-armor's token limit counts the document,
 * not variables): 10,000 members with all 14 register columns are about 0.9 MB as .xlsx and 4.1 MB as
 * .csv once base64-encoded, and the gateway forwards the same body to the subgraph. 8 MB covers that.
 */
const DEFAULT_BODY_LIMIT = '8mb';

/**
 * The longest document a client sends is a few kilobytes; comments and white space are not tokens, so
 * the parser's token limit does not bound them. Checked on the JSON body, before the document is lexed.
 */
const DEFAULT_MAX_QUERY_LENGTH = 64 * 1024;

/** An HTTP failure as GraphQL clients read one: `{ errors: [{ message, extensions: { code } }] }`, JSON, nothing else. */
function sendError(response: express.Response, status: number, code: string, message: string): void {
  response.status(status).set('Cache-Control', 'no-store').type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

const MESSAGES: Record<number, [code: string, message: string]> = {
  400: ['BAD_REQUEST', 'Yêu cầu không hợp lệ.'],
  401: ['UNAUTHENTICATED', 'Phiên làm việc không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.'],
  403: ['FORBIDDEN', 'Không được phép.'],
  404: ['NOT_FOUND', 'Không tìm thấy địa chỉ này.'],
  405: ['METHOD_NOT_ALLOWED', 'Phương thức không được hỗ trợ.'],
  413: ['PAYLOAD_TOO_LARGE', 'Nội dung yêu cầu quá lớn.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Nội dung yêu cầu phải là JSON (Content-Type: application/json).'],
};

function statusMessage(status: number): [code: string, message: string] {
  return MESSAGES[status] ?? (status >= 500 ? ['INTERNAL_SERVER_ERROR', 'Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.'] : MESSAGES[400]!);
}

/** POST must carry JSON; GET is Apollo's (queries only, CSRF-checked). Anything else is refused here, in JSON. */
const graphqlMethodAndType: RequestHandler = (request, response, next) => {
  if (request.method === 'POST') {
    if (!request.is('application/json')) return sendError(response, 415, ...statusMessage(415));
    return next();
  }
  if (request.method === 'GET' || request.method === 'HEAD') return next();
  response.set('Allow', 'GET, POST');
  return sendError(response, 405, ...statusMessage(405));
};

function maxQueryLength(limit: number): RequestHandler {
  return (request, response, next) => {
    const body = request.body as { query?: unknown } | undefined;
    if (typeof body?.query === 'string' && body.query.length > limit) {
      return sendError(response, 413, 'PAYLOAD_TOO_LARGE', `Câu truy vấn dài quá ${Math.floor(limit / 1024)} KB.`);
    }
    next();
  };
}

/**
 * Apollo answers a few refusals (a GET without a query, a CSRF refusal, a body it cannot read) in plain
 * text; every error this server sends is JSON, with a message of our own.
 */
const jsonRefusals: RequestHandler = (_request, response, next) => {
  const send = response.send.bind(response);
  response.send = (body?: unknown) => {
    const type = String(response.getHeader('content-type') ?? '');
    if (response.statusCode >= 400 && !/json/.test(type)) {
      const [code, message] = statusMessage(response.statusCode);
      response.type('application/json');
      return send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
    }
    return send(body);
  };
  next();
};

/** Routes nobody serves: JSON 404, not express's HTML page. */
const notFound: RequestHandler = (_request, response) => sendError(response, 404, ...statusMessage(404));

/**
 * The last handler: every error that reaches it (the body parser's, a route's) is answered in JSON with
 * no stack or path. Only the error's kind is logged: a body parser's message quotes the body it could
 * not read (a password, a CCCD).
 */
const jsonErrors: ErrorRequestHandler = (error: unknown, request, response, next) => {
  if (response.headersSent) return next(error);
  const failure = error as { type?: string; status?: number; statusCode?: number; name?: string };
  const status = failure.status ?? failure.statusCode ?? 500;
  switch (failure.type) {
    case 'entity.parse.failed':
      return sendError(response, 400, 'BAD_REQUEST', 'Nội dung yêu cầu không phải JSON hợp lệ.');
    case 'entity.too.large':
      return sendError(response, 413, ...statusMessage(413));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return sendError(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Bảng mã của nội dung yêu cầu không được hỗ trợ (dùng UTF-8).');
  }
  if (status >= 500) console.error(`[http] ${request.method} ${request.path} failed: ${failure.name ?? 'Error'}${failure.type ? ` (${failure.type})` : ''}`);
  return sendError(response, status, ...statusMessage(status));
};

/** Serves an Apollo server at /graphql and a health report at /health (the process alone at /health/self) over plain HTTP. */
export async function serveApollo<Ctx extends BaseContext>(options: ServeOptions<Ctx>): Promise<RunningServer> {
  await options.apollo.start();
  const app = express();
  app.disable('x-powered-by');
  // While draining, answers ask the client to close: a keep-alive client must not send its next request here.
  let closing = false;
  app.use((_request, response, next) => {
    if (closing) response.set('Connection', 'close');
    next();
  });
  // The process alone, nothing it depends on: an orchestrator's liveness probe (and the gateway's
  // readiness), which must not fail because a database or another service is down (docs/deploy.md).
  app.get('/health/self', (_request, response) => {
    response.status(closing ? 503 : 200).json({ status: closing ? 'stopping' : 'ok' });
  });
  app.get('/health', async (_request, response) => {
    const report = await options.health().catch((error: unknown) => ({ status: 'degraded' as const, error: String(error) }));
    response.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  for (const [path, router] of Object.entries(options.routes ?? {})) app.use(path, router);
  // Exactly /graphql: a sub-path is an unknown route.
  app.all(
    '/graphql',
    graphqlMethodAndType,
    // The limit is checked against Content-Length before the body is read.
    express.json({ limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT }),
    maxQueryLength(options.maxQueryLength ?? DEFAULT_MAX_QUERY_LENGTH),
    jsonRefusals,
    expressMiddleware(options.apollo, { context: async ({ req }) => options.context(req) }),
  );
  app.use(notFound);
  app.use(jsonErrors);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    close: async () => {
      closing = true;
      await drainAndClose(server, shutdownGrace(options.shutdownGraceMs));
      await options.apollo.stop();
    },
  };
}
