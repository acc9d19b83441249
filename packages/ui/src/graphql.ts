// A fetch-based GraphQL client. Apollo Client is deliberately not used: the modules only read a
// few queries, and a normalized cache would add ~40 kB gzip to every bundle for no gain.
import { vi } from './messages.ts';

/** Relative, so the shell and each standalone remote call their own origin, which proxies to the gateway. */
export const GRAPHQL_URL = '/graphql';

export type Variables = Record<string, unknown>;

interface GraphQLErrorBody {
  message?: string;
  extensions?: { code?: string };
}

/** Any failure of a GraphQL request: `code` is the server's extensions.code or a client-side code. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';

  constructor(
    readonly code: string,
    /** The server's own (usually English) message, for logs only. */
    readonly detail?: string,
    readonly status?: number,
  ) {
    super((vi.error as Partial<Record<string, string>>)[code] ?? vi.error.UNKNOWN);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export async function graphqlRequest<T>(
  query: string,
  variables: Variables = {},
  init: { signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal: init.signal ?? null,
    });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new GraphQLRequestError('NETWORK_ERROR', String(cause));
  }

  const body = (await readJson(response)) as { data?: T | null; errors?: GraphQLErrorBody[] } | undefined;
  const first = body?.errors?.[0];
  if (first) {
    throw new GraphQLRequestError(first.extensions?.code ?? 'UNKNOWN', first.message, response.status);
  }
  if (!response.ok || body?.data == null) {
    // A dev/preview proxy answers 5xx without a GraphQL body when the gateway is down.
    const code = response.status >= 500 ? 'SERVER_UNAVAILABLE' : 'BAD_RESPONSE';
    throw new GraphQLRequestError(code, `HTTP ${String(response.status)}`, response.status);
  }
  return body.data;
}
