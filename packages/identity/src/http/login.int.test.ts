import { request } from 'node:http';
import { demoId } from '@dangvien/demo-data';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenResponse } from '../identity-service.ts';
import { fakeClock, postJson, startTestIdentity, type ErrorBody, type TestIdentity } from '../test-support.ts';

const clock = fakeClock();
let test: TestIdentity;

beforeAll(async () => {
  test = await startTestIdentity('identity_login', { now: clock.now });
  await test.identity.seedDemoAccounts();
});
afterAll(async () => test.close());

const login = (username: unknown, password: unknown) => postJson<TokenResponse & ErrorBody>(`${test.url}/auth/login`, { username, password });

/** A fresh account per test, so that one test's lockout does not leak into the next. */
async function accountFor(username: string, password = 'mat-khau-dung'): Promise<string> {
  const id = await test.identity.createAccount({
    username,
    displayName: 'Người dùng thử',
    password,
    grants: [{ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 11) }],
  });
  expect(id).toBeDefined();
  return id!;
}

describe('POST /auth/login', () => {
  it('signs in and returns an access token that verifies to the right caller', async () => {
    const response = await login('bithu.tdp1', 'demo123');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const grants = [{ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 101) }];
    const name = 'Nguyễn Thị Lan – Bí thư Chi bộ TDP số 1';
    expect(response.body).toMatchObject({ expiresIn: 900, user: { name, grants } });
    expect(response.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const caller = await test.identity.verifier(`Bearer ${response.body.accessToken}`);
    expect(caller).toEqual({ subject: response.body.user.id, name, grants });
  });

  it('issues a standard JWT that anyone can check against /auth/jwks.json', async () => {
    const { body } = await login('phantich', 'demo123');
    const jwks = createRemoteJWKSet(new URL(`${test.url}/auth/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(body.accessToken, jwks, { currentDate: clock.now() });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({ iss: 'dangvien-identity', aud: 'dangvien', sub: body.user.id, grants: [{ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }] });
    expect(payload.exp! - payload.iat!).toBe(15 * 60);
    expect(decodeProtectedHeader(body.accessToken).kid).toBe(protectedHeader.kid);
  });

  it('accepts the username in another case and with surrounding spaces', async () => {
    expect((await login('  BiThu.TDP1 ', 'demo123')).status).toBe(200);
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrongPassword = await login('chiuy.tdp1', 'not-the-password');
    const unknownUser = await login('khong.ton.tai', 'demo123');
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' } });
    expect(unknownUser.status).toBe(wrongPassword.status);
    expect(unknownUser.body).toEqual(wrongPassword.body);
  });

  it('locks the account after 5 wrong passwords, refuses even the right one, and unlocks after 15 minutes', async () => {
    await accountFor('khoa.nam.lan');
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await login('khoa.nam.lan', `sai-${attempt}`)).status).toBe(401);
    }
    const locking = await login('khoa.nam.lan', 'sai-5');
    expect(locking.status).toBe(423);
    expect(locking.body.error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau 15 phút.' });
    expect(locking.headers.get('retry-after')).toBe(String(15 * 60));

    clock.advanceSeconds(5 * 60);
    const stillLocked = await login('khoa.nam.lan', 'mat-khau-dung');
    expect(stillLocked.status).toBe(423);
    expect(stillLocked.body.error.message).toBe('Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau 10 phút.');

    clock.advanceSeconds(10 * 60 + 1);
    expect((await login('khoa.nam.lan', 'mat-khau-dung')).status).toBe(200);
  });

  it('counts only consecutive failures: a success starts the count again', async () => {
    await accountFor('dem.lai');
    for (let attempt = 1; attempt <= 4; attempt++) expect((await login('dem.lai', 'sai')).status).toBe(401);
    expect((await login('dem.lai', 'mat-khau-dung')).status).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) expect((await login('dem.lai', 'sai')).status).toBe(401);
    expect((await login('dem.lai', 'mat-khau-dung')).status).toBe(200);
  });

  it('takes the lockout policy from the options', async () => {
    await accountFor('chinh.sach');
    const strict = await test.restart({ now: clock.now, lockout: { maxFailures: 2, durationSeconds: 30 } });
    const strictLogin = (password: string) => postJson<ErrorBody>(`${strict.url}/auth/login`, { username: 'chinh.sach', password });
    expect((await strictLogin('sai')).status).toBe(401);
    const locked = await strictLogin('sai');
    expect(locked.status).toBe(423);
    expect(locked.body.error.message).toBe('Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau 1 phút.');
    clock.advanceSeconds(31);
    expect((await strictLogin('mat-khau-dung')).status).toBe(200);
  });

  it('audits every attempt with its outcome and address, append-only', async () => {
    const id = await accountFor('kiem.toan');
    await login('kiem.toan', 'sai');
    await login('kiem.toan', 'mat-khau-dung');
    const rows = await test.db.selectFrom('sign_in_audit').select(['outcome', 'account_id', 'ip']).where('username', '=', 'kiem.toan').orderBy('id').execute();
    expect(rows.map((row) => row.outcome)).toEqual(['WRONG_PASSWORD', 'SUCCESS']);
    expect(rows.every((row) => row.account_id === id && /127\.0\.0\.1/.test(row.ip ?? ''))).toBe(true);
    await expect(sql`DELETE FROM sign_in_audit`.execute(test.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE sign_in_audit SET outcome = 'SUCCESS'`.execute(test.db)).rejects.toThrow(/append-only/);
  });
});

/** A sign-in from another address of this machine (127.0.0.2): a stranger, as the server sees it. */
function loginFrom(localAddress: string, username: string, password: string): Promise<{ status: number; milliseconds: number }> {
  const body = JSON.stringify({ username, password });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const sent = request(`${test.url}/auth/login`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode!, milliseconds: performance.now() - started }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('no lockout by strangers', () => {
  it('wrong passwords from another address lock that address, not the owner', async () => {
    await accountFor('chu.tai.khoan');
    for (let attempt = 1; attempt <= 4; attempt++) expect((await loginFrom('127.0.0.2', 'chu.tai.khoan', `sai-${attempt}`)).status).toBe(401);
    expect((await loginFrom('127.0.0.2', 'chu.tai.khoan', 'sai-5')).status).toBe(423);
    expect((await loginFrom('127.0.0.2', 'chu.tai.khoan', 'mat-khau-dung')).status).toBe(423); // the stranger stays locked out
    expect((await login('chu.tai.khoan', 'mat-khau-dung')).status).toBe(200); // the owner, from her address, is not
  });

  it('answers a locked address as slowly as a wrong password (the password is hashed either way)', async () => {
    await accountFor('do.thoi.gian');
    const wrong: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) wrong.push((await loginFrom('127.0.0.3', 'do.thoi.gian', 'sai')).milliseconds);
    expect((await loginFrom('127.0.0.3', 'do.thoi.gian', 'sai')).status).toBe(423);
    const locked: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const answer = await loginFrom('127.0.0.3', 'do.thoi.gian', attempt % 2 ? 'sai' : 'mat-khau-dung');
      expect(answer.status).toBe(423);
      locked.push(answer.milliseconds);
    }
    expect(median(locked)).toBeGreaterThan(median(wrong) * 0.5);
  });
});

describe('input validation', () => {
  it('refuses a missing, empty, mistyped or oversized field with 400 and a Vietnamese message', async () => {
    const cases: [unknown, string, string][] = [
      [{ password: 'demo123' }, 'username', 'Thiếu tên đăng nhập.'],
      [{ username: '   ', password: 'demo123' }, 'username', 'Thiếu tên đăng nhập.'],
      [{ username: 'a'.repeat(65), password: 'demo123' }, 'username', 'Tên đăng nhập quá dài (tối đa 64 ký tự).'],
      [{ username: 'phantich' }, 'password', 'Thiếu mật khẩu.'],
      [{ username: 'phantich', password: 123456 }, 'password', 'Giá trị của mật khẩu phải là chuỗi ký tự.'],
      [{ username: 'phantich', password: 'x'.repeat(257) }, 'password', 'Mật khẩu quá dài (tối đa 256 ký tự).'],
      [['phantich', 'demo123'], 'body', 'Nội dung yêu cầu phải là một đối tượng JSON (Content-Type: application/json).'],
    ];
    for (const [body, field, message] of cases) {
      const response = await postJson<ErrorBody>(`${test.url}/auth/login`, body);
      expect({ body, status: response.status, error: response.body.error }).toEqual({ body, status: 400, error: { code: 'BAD_USER_INPUT', field, message } });
    }
  });

  it('refuses a body that is not JSON, and one over 10 kB', async () => {
    const malformed = await postJson<ErrorBody>(`${test.url}/auth/login`, '{"username": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toBe('Nội dung yêu cầu không phải JSON hợp lệ.');
    const formEncoded = await postJson<ErrorBody>(`${test.url}/auth/login`, 'username=a&password=b', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(formEncoded.status).toBe(400);
    const huge = await postJson<ErrorBody>(`${test.url}/auth/login`, { username: 'phantich', password: 'demo123', padding: 'x'.repeat(11 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'Nội dung yêu cầu quá lớn (tối đa 10 kB).' });
  });

  it('refuses a missing or oversized refresh token with 400', async () => {
    for (const path of ['/auth/refresh', '/auth/logout']) {
      const missing = await postJson<ErrorBody>(`${test.url}${path}`, {});
      expect(missing.status).toBe(400);
      expect(missing.body.error).toEqual({ code: 'BAD_USER_INPUT', field: 'refreshToken', message: 'Thiếu mã làm mới phiên (refreshToken).' });
      const oversized = await postJson<ErrorBody>(`${test.url}${path}`, { refreshToken: 'x'.repeat(129) });
      expect(oversized.status).toBe(400);
      expect(oversized.body.error.message).toBe('Mã làm mới phiên (refreshToken) quá dài (tối đa 128 ký tự).');
    }
  });
});
