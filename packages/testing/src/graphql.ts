export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Sends one operation over real HTTP, as a client or the gateway would. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Signs in at the gateway's embedded issuer (demo accounts: password `demo123`) and returns the Authorization header. */
export async function signIn(gatewayGraphqlUrl: string, username: string, password = 'demo123'): Promise<Record<string, string>> {
  const response = await fetch(gatewayGraphqlUrl.replace(/\/graphql$/, '/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`Sign-in of ${username} failed: HTTP ${response.status} ${await response.text()}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

/** The data of a response that must have succeeded; a response with errors fails the test, naming them. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || response.data == null) {
    throw new Error(`Expected data, got HTTP ${response.status}: ${JSON.stringify(response.errors ?? response.data)}`);
  }
  return response.data;
}
