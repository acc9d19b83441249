import { maskUnexpectedErrors } from '@dangvien/server';
import type { GraphQLFormattedError } from 'graphql';
import { SUBGRAPH_UNAVAILABLE } from '../resilience/index.ts';

// A failing subgraph's fields come back null with one SUBGRAPH_UNAVAILABLE error each, made by the
// resilient data source (../resilience): never its internal URL, body or exception.
export { SUBGRAPH_UNAVAILABLE };

const INTERNAL_EXTENSIONS = ['response', 'exception', 'stacktrace'];

/**
 * The gateway's formatError: a subgraph failure keeps its path and subgraph name; everything else is
 * masked as in every subgraph, without what an HTTP failure of a subgraph carries (its URL and body).
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code === SUBGRAPH_UNAVAILABLE) {
    return { message: formatted.message, path: formatted.path, extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph: formatted.extensions.subgraph } };
  }
  // What a subgraph's error may carry about its insides (an HTTP exchange, a stack), whoever runs it.
  if (formatted.extensions && INTERNAL_EXTENSIONS.some((key) => key in formatted.extensions!)) {
    const extensions = Object.fromEntries(Object.entries(formatted.extensions).filter(([key]) => !INTERNAL_EXTENSIONS.includes(key)));
    return maskUnexpectedErrors({ ...formatted, extensions }, error);
  }
  return maskUnexpectedErrors(formatted, error);
}
