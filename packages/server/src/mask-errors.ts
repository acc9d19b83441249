import type { GraphQLFormattedError } from 'graphql';

/** Codes our resolvers and Apollo give on purpose: their messages are meant for the client. */
const EXPECTED = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'RATE_LIMITED',
  // The gateway's persisted operations: a front-end session's operation that no front end contains.
  'OPERATION_NOT_IN_MANIFEST',
  'TIMEOUT',
  // The gateway: one subgraph's part of the answer is missing (gateway/src/resilience).
  'SUBGRAPH_UNAVAILABLE',
  // A subgraph's database cannot be reached right now (below).
  'DATABASE_UNAVAILABLE',
]);

/**
 * Node's and PostgreSQL's codes for "the database is not there right now": refused or dropped
 * connections, a server shutting down or starting up (57P01–57P03), connection exceptions (08…).
 */
const DATABASE_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && DATABASE_DOWN_CODES.has(code)) return true;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(message)) return true;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Apollo `formatError`: anything unexpected (a database error, a bug) reaches the client as a stable
 * code and a plain Vietnamese sentence, never its message or stack; the original goes to the log.
 */
export function maskUnexpectedErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && EXPECTED.has(code)) return formatted;
  if (isDatabaseUnavailable(error)) {
    console.error(`[graphql] database unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return {
      message: 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút; dữ liệu đã lưu không bị mất.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    };
  }
  console.error('[graphql] unexpected error:', error);
  return {
    message: 'Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
