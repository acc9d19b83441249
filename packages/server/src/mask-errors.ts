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
]);

/**
 * Apollo `formatError`: anything unexpected (a database error, a bug) reaches the client as a stable
 * code and a plain Vietnamese sentence, never its message or stack; the original goes to the log.
 */
export function maskUnexpectedErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && EXPECTED.has(code)) return formatted;
  console.error('[graphql] unexpected error:', error);
  return {
    message: 'Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
