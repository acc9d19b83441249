import { parseArgs } from 'node:util';

/**
 * `pnpm run token -- --username phantich --password demo123 [--gateway URL] [--json]` prints an access
 * token for scripts (`curl -H "Authorization: Bearer $(pnpm -s run token -- …)"`);
 * `--refresh <token>` exchanges a refresh token instead. The password may come from
 * DANGVIEN_PASSWORD so that it does not show in the shell history or the process list.
 */
export const USAGE = `Cách dùng:
  pnpm -s run token -- --username <tên> --password <mật khẩu> [--gateway <URL>] [--json]
  pnpm -s run token -- --refresh <refresh token> [--gateway <URL>] [--json]
Mật khẩu có thể đặt trong biến môi trường DANGVIEN_PASSWORD thay cho --password.
--gateway mặc định là GATEWAY_URL hoặc http://127.0.0.1:4000.
--json in toàn bộ phản hồi (cả refresh token) thay vì chỉ access token.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const DEFAULT_GATEWAY = 'http://127.0.0.1:4000';
const TIMEOUT_MS = 15_000;

/** Runs the CLI; returns the exit code. */
export async function runTokenCli(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    // pnpm forwards the `--` of `pnpm run token -- …`; parseArgs would read it as "no more options".
    const args = argv[0] === '--' ? argv.slice(1) : [...argv];
    ({ values } = parseArgs({
      args,
      options: {
        username: { type: 'string', short: 'u' },
        password: { type: 'string', short: 'p' },
        refresh: { type: 'string' },
        gateway: { type: 'string', short: 'g' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 1;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const password = values.password ?? io.env.DANGVIEN_PASSWORD;
  let request: { path: string; body: Record<string, string> };
  if (values.refresh !== undefined) {
    request = { path: '/auth/refresh', body: { refreshToken: values.refresh } };
  } else if (values.username !== undefined && password !== undefined) {
    request = { path: '/auth/login', body: { username: values.username, password } };
  } else {
    io.stderr(`Thiếu --username và --password (hoặc --refresh).\n${USAGE}\n`);
    return 1;
  }
  const gateway = (values.gateway ?? io.env.GATEWAY_URL ?? DEFAULT_GATEWAY).replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${gateway}${request.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    io.stderr(`Không kết nối được tới ${gateway}: ${cause}\n`);
    return 1;
  }
  const body = (await response.json().catch(() => undefined)) as { accessToken?: unknown; error?: { message?: unknown } } | undefined;
  if (!response.ok || typeof body?.accessToken !== 'string') {
    const message = typeof body?.error?.message === 'string' ? body.error.message : `Máy chủ trả lời HTTP ${response.status}.`;
    io.stderr(`${message}\n`);
    return 1;
  }
  io.stdout(values.json ? `${JSON.stringify(body, null, 2)}\n` : `${body.accessToken}\n`);
  return 0;
}
