// A fetch-based GraphQL client. Apollo Client is deliberately not used: the modules only read a
// few queries, and a normalized cache would add ~40 kB gzip to every bundle for no gain.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { markPartial, PARTIAL_CODES } from './data/partial.ts';
import { vi } from './messages.ts';
import { AuthError, session } from './session.ts';

/** Relative, so the shell and each standalone remote call their own origin, which proxies to the gateway. */
export const GRAPHQL_URL = '/graphql';

export type Variables = Record<string, unknown>;

/**
 * An operation written with a package's generated `graphql()` function: its text, typed with the
 * result and variables codegen read off the schema. The preset's `documentMode: 'string'` makes it
 * a `TypedDocumentString` (a String object carrying the types), so no GraphQL AST or printer ships
 * to the browser. `object` refuses a bare string: an operation outside `graphql()` would be neither
 * typed nor checked against the supergraph (gateway/src/client-operations.test.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- TypedDocumentString extends String
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & String & object;

/** The variables argument: optional when the operation declares none, or none that are required. */
export type VariablesArgument<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export interface RequestOptions {
  signal?: AbortSignal;
}

interface GraphQLErrorBody {
  message?: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; line?: number; memberId?: string; subgraph?: string; serviceName?: string };
}

/** Codes whose server message is written for the clerk (Vietnamese, DomainError) and is shown as is. */
const CLERK_FACING = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

/** What the server said caused a refusal: the input field, and for a list the line or member. */
export interface ErrorCause {
  field?: string;
  line?: number;
  memberId?: string;
}

/** Any failure of a GraphQL request: `code` is the server's extensions.code or a client-side code. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';

  constructor(
    readonly code: string,
    /** The server's own message: shown for the clerk-facing codes, else for logs only. */
    readonly detail?: string,
    readonly status?: number,
    /** Where the server says the problem is, so a form can show the message next to it. */
    readonly where: ErrorCause = {},
  ) {
    super(CLERK_FACING.has(code) && detail ? detail : ((vi.error as Partial<Record<string, string>>)[code] ?? vi.error.UNKNOWN));
  }

  /** Whether the server refused the request as such (sending it again would be refused again). */
  get refused(): boolean {
    return CLERK_FACING.has(this.code) || this.code === 'UNAUTHENTICATED' || this.code === 'GRAPHQL_VALIDATION_FAILED';
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

interface Answer<T> {
  response: Response;
  body: GraphQLBody<T> | undefined;
}

async function send<T>(query: string, variables: Variables, token: string | undefined, signal?: AbortSignal): Promise<Answer<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: signal ?? null,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new GraphQLRequestError('NETWORK_ERROR', String(cause));
  }
  return { response, body: (await readJson(response)) as GraphQLBody<T> | undefined };
}

/**
 * The data of an answer whose only errors are missing parts (a subgraph down or late), marked with
 * them; undefined if anything else went wrong, or if nothing at all came back (then it is an error).
 */
function partialData<T>(body: GraphQLBody<T> | undefined): T | undefined {
  const errors = body?.errors ?? [];
  const data = body?.data;
  if (errors.length === 0 || typeof data !== 'object' || data === null) return undefined;
  if (!errors.every((error) => PARTIAL_CODES.has(error.extensions?.code ?? ''))) return undefined;
  if (Object.values(data).every((value) => value === null)) return undefined;
  return markPartial(data, errors.map((error) => ({ subgraph: error.extensions?.subgraph ?? error.extensions?.serviceName ?? '', path: error.path })));
}

function isUnauthenticated({ response, body }: Answer<unknown>): boolean {
  return response.status === 401 || (body?.errors ?? []).some((error) => error.extensions?.code === 'UNAUTHENTICATED');
}

/** Sends a generated document with its variables; the answer's type is the document's result type. */
export function graphqlRequest<TResult, TVariables extends Variables>(
  document: TypedDocument<TResult, TVariables>,
  ...[variables]: VariablesArgument<NoInfer<TVariables>>
): Promise<TResult> {
  return requestText<TResult>(document.toString(), variables ?? {});
}

/**
 * graphqlRequest on the document's text, once its types are settled (for the client's own hooks).
 * Sends the query with the session's access token. When the gateway refuses the token, refreshes
 * the session once (shared with any other request refused at the same time) and retries once; if
 * that is refused too, the session is over: signing out makes RequireSession show the sign-in form.
 */
export async function requestText<T>(query: string, variables: Variables, init: RequestOptions = {}): Promise<T> {
  const token = await session.accessToken();
  let answer = await send<T>(query, variables, token, init.signal);
  if (isUnauthenticated(answer)) {
    let fresh: string | undefined;
    try {
      fresh = await session.recoverFromUnauthorized(token);
    } catch (cause) {
      // The session is kept; only the server was unreachable.
      const code = cause instanceof AuthError && cause.kind === 'network' ? 'NETWORK_ERROR' : 'SERVER_UNAVAILABLE';
      throw new GraphQLRequestError(code, String(cause));
    }
    if (!fresh) throw new GraphQLRequestError('UNAUTHENTICATED', 'the session has ended', 401);
    answer = await send<T>(query, variables, fresh, init.signal);
    if (isUnauthenticated(answer)) {
      void session.signOut('expired');
      throw new GraphQLRequestError('UNAUTHENTICATED', 'refused after a refresh', answer.response.status);
    }
  }

  const { response, body } = answer;
  const partial = partialData(body);
  if (partial) return partial;
  const first = body?.errors?.[0];
  if (first) {
    const { field, line, memberId } = first.extensions ?? {};
    throw new GraphQLRequestError(first.extensions?.code ?? 'UNKNOWN', first.message, response.status, { field, line, memberId });
  }
  if (!response.ok || body?.data == null) {
    // A dev/preview proxy answers 5xx without a GraphQL body when the gateway is down.
    const code = response.status >= 500 ? 'SERVER_UNAVAILABLE' : 'BAD_RESPONSE';
    throw new GraphQLRequestError(code, `HTTP ${String(response.status)}`, response.status);
  }
  return body.data;
}
