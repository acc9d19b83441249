import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, startTestIdentity, type HttpServer, type TestIdentity } from '../test-support.ts';
import express from 'express';
import { runTokenCli } from './token-cli.ts';

let test: TestIdentity;

beforeAll(async () => {
  test = await startTestIdentity('identity_cli');
  await test.identity.seedDemoAccounts();
});
afterAll(async () => test.close());

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runTokenCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env });
  return { code, stdout, stderr };
}

describe('pnpm run token', () => {
  it('prints only the access token, which verifies to the analyst', async () => {
    const { code, stdout, stderr } = await run(['--', '--username', 'phantich', '--password', 'demo123', '--gateway', `${test.url}/`]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect((await test.identity.verifier(`Bearer ${stdout.trim()}`)).grants.map((grant) => grant.role)).toEqual(['ANALYST']);
  });

  it('takes the password from DANGVIEN_PASSWORD and the gateway from GATEWAY_URL', async () => {
    const { code, stdout } = await run(['--username', 'quantri'], { DANGVIEN_PASSWORD: 'demo123', GATEWAY_URL: test.url });
    expect(code).toBe(0);
    expect((await test.identity.verifier(`Bearer ${stdout.trim()}`)).grants.map((grant) => grant.role)).toEqual(['ADMIN']);
  });

  it('exchanges a refresh token with --refresh, and prints the whole answer with --json', async () => {
    const login = await run(['--username', 'phantich', '--password', 'demo123', '--gateway', test.url, '--json']);
    const { refreshToken } = JSON.parse(login.stdout) as { refreshToken: string };
    const refreshed = await run(['--refresh', refreshToken, '--gateway', test.url]);
    expect(refreshed.code).toBe(0);
    expect((await test.identity.verifier(`Bearer ${refreshed.stdout.trim()}`)).grants.map((grant) => grant.role)).toEqual(['ANALYST']);
  });

  it('exits 1 with the server message on stderr and nothing on stdout when sign-in fails', async () => {
    expect(await run(['--username', 'phantich', '--password', 'sai', '--gateway', test.url])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Tên đăng nhập hoặc mật khẩu không đúng.\n',
    });
  });

  it('exits 1 on missing arguments, unknown options and an unreachable gateway', async () => {
    const missing = await run(['--username', 'phantich']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Thiếu --username và --password/);
    expect((await run(['--user', 'phantich'])).code).toBe(1);
    const closed: HttpServer = await serve(express());
    await closed.close();
    const unreachable = await run(['--username', 'phantich', '--password', 'demo123', '--gateway', closed.url]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^Không kết nối được tới http:\/\/127\.0\.0\.1:\d+/);
  });
});
