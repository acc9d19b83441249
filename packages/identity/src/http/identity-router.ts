import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import { IdentityError } from '../errors.ts';
import type { IdentityService, TokenResponse } from '../identity-service.ts';
import { loginInput, refreshInput } from './validate.ts';

/**
 * The issuer's HTTP surface, to mount at the root of the gateway's express app:
 * POST /auth/login, POST /auth/refresh, POST /auth/logout, GET /auth/jwks.json.
 * Errors are JSON `{ error: { code, message } }`. The client IP in the sign-in audit is `req.ip`:
 * behind a proxy, set express's `trust proxy` on the app.
 */
export function createIdentityRouter(identity: IdentityService): Router {
  const router = express.Router();
  // Credentials are tiny: a 10 kB cap keeps oversized bodies out before they are parsed.
  const json = express.json({ limit: '10kb' });

  router.post('/auth/login', json, async (request, response) => {
    const { username, password } = loginInput(request.body);
    sendTokens(response, await identity.login({ username, password, ip: request.ip ?? null }));
  });

  router.post('/auth/refresh', json, async (request, response) => {
    const { refreshToken } = refreshInput(request.body);
    sendTokens(response, await identity.refresh({ refreshToken, ip: request.ip ?? null }));
  });

  router.post('/auth/logout', json, async (request, response) => {
    const { refreshToken } = refreshInput(request.body);
    await identity.logout(refreshToken);
    response.status(204).end();
  });

  router.get('/auth/jwks.json', async (_request, response) => {
    response.set('Cache-Control', 'public, max-age=300').json(await identity.jwks());
  });

  router.use('/auth', errorHandler);
  return router;
}

function sendTokens(response: Response, tokens: TokenResponse): void {
  // Tokens must not land in a browser or proxy cache (RFC 6749 §5.1).
  response.set('Cache-Control', 'no-store').set('Pragma', 'no-cache').json(tokens);
}

/** Body-parser failures as express raises them (`type` says which). */
interface BodyParserError {
  type?: string;
}

const errorHandler: ErrorRequestHandler = (error: unknown, request: Request, response: Response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  const known = asIdentityError(error);
  if (!known) console.error(`[identity] ${request.method} ${request.path} failed:`, error);
  const failure = known ?? new IdentityError('INTERNAL_SERVER_ERROR', 'Lỗi hệ thống. Vui lòng thử lại sau.');
  if (failure.details.retryAfterSeconds) response.set('Retry-After', String(failure.details.retryAfterSeconds));
  response.set('Cache-Control', 'no-store').status(failure.status).json({ error: { code: failure.code, message: failure.message, ...failure.details } });
};

function asIdentityError(error: unknown): IdentityError | undefined {
  if (error instanceof IdentityError) return error;
  switch ((error as BodyParserError | null)?.type) {
    case 'entity.parse.failed':
      return new IdentityError('BAD_USER_INPUT', 'Nội dung yêu cầu không phải JSON hợp lệ.', { field: 'body' });
    case 'entity.too.large':
      return new IdentityError('PAYLOAD_TOO_LARGE', 'Nội dung yêu cầu quá lớn (tối đa 10 kB).', { field: 'body' });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new IdentityError('BAD_USER_INPUT', 'Bảng mã của nội dung yêu cầu không được hỗ trợ (dùng UTF-8).', { field: 'body' });
    default:
      return undefined;
  }
}
