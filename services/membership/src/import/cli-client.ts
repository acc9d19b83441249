/** What the import and export commands share: signing in at the gateway and sending GraphQL. */

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export const CONNECTION_USAGE = `Đăng nhập: --username <tên> và --password <mật khẩu> (hoặc DANGVIEN_USERNAME, DANGVIEN_PASSWORD),
  hoặc --token <access token> (hoặc DANGVIEN_TOKEN, ví dụ từ \`pnpm -s run token\`).
--gateway mặc định là GATEWAY_URL hoặc http://127.0.0.1:4000.`;

export const CONNECTION_OPTIONS = {
  username: { type: 'string', short: 'u' },
  password: { type: 'string', short: 'p' },
  token: { type: 'string' },
  gateway: { type: 'string', short: 'g' },
  help: { type: 'boolean', short: 'h' },
} as const;

export class CliError extends Error {}

export interface Connection {
  gateway: string;
  post<T>(query: string, variables: Record<string, unknown>): Promise<T>;
}

/** Signs in (or uses the given token) and returns a way to send operations as that user. */
export async function connect(values: { username?: string; password?: string; token?: string; gateway?: string }, env: NodeJS.ProcessEnv): Promise<Connection> {
  const gateway = (values.gateway ?? env.GATEWAY_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '').replace(/\/graphql$/, '');
  let token = values.token ?? env.DANGVIEN_TOKEN;
  if (!token) {
    const username = values.username ?? env.DANGVIEN_USERNAME;
    const password = values.password ?? env.DANGVIEN_PASSWORD;
    if (!username || !password) throw new CliError('Thiếu thông tin đăng nhập.');
    const response = await request(`${gateway}/auth/login`, { username, password });
    const body = (await response.json().catch(() => undefined)) as { accessToken?: string; error?: { message?: string } } | undefined;
    if (!response.ok || !body?.accessToken) throw new CliError(body?.error?.message ?? `Đăng nhập không được: HTTP ${response.status}.`);
    token = body.accessToken;
  }
  return {
    gateway,
    post: async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const response = await request(`${gateway}/graphql`, { query, variables }, token);
      const body = (await response.json().catch(() => undefined)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
      if (body?.errors?.length) throw new CliError(body.errors.map((error) => `${error.message} (${error.extensions?.code ?? 'LỖI'})`).join('\n'));
      if (!response.ok || !body?.data) throw new CliError(`Máy chủ trả lời HTTP ${response.status}.`);
      return body.data;
    },
  };
}

async function request(url: string, body: unknown, token?: string): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new CliError(`Không kết nối được tới ${url}: ${cause}`);
  }
}

/** A plain text table, columns padded to their widest cell. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, index) => Math.min(60, Math.max(header.length, ...rows.map((row) => (row[index] ?? '').length))));
  const line = (cells: readonly string[]) => cells.map((cell, index) => (cell ?? '').slice(0, widths[index]).padEnd(widths[index]!)).join(' │ ').trimEnd();
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...rows.map(line)].join('\n');
}

/** A progress bar on one line (stderr), redrawn in place. */
export function progressLine(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} dòng (${Math.round(share * 100)}%)`;
}
