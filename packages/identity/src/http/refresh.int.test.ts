import { demoId } from '@dangvien/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenResponse } from '../identity-service.ts';
import { fakeClock, postJson, startTestIdentity, type ErrorBody, type TestIdentity } from '../test-support.ts';

const clock = fakeClock();
let test: TestIdentity;

beforeAll(async () => {
  test = await startTestIdentity('identity_refresh', { now: clock.now });
  await test.identity.seedDemoAccounts();
});
afterAll(async () => test.close());

async function signIn(): Promise<TokenResponse> {
  const response = await postJson<TokenResponse>(`${test.url}/auth/login`, { username: 'danguy.thitran', password: 'demo123' });
  expect(response.status).toBe(200);
  return response.body;
}
const refresh = (refreshToken: string) => postJson<TokenResponse & ErrorBody>(`${test.url}/auth/refresh`, { refreshToken });
const logout = (refreshToken: string) => fetch(`${test.url}/auth/logout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) });

const INVALID = { error: { code: 'INVALID_REFRESH_TOKEN', message: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.' } };

describe('POST /auth/refresh', () => {
  it('rotates: a new refresh token and a new access token for the same caller', async () => {
    const first = await signIn();
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.accessToken).not.toBe(first.accessToken);
    expect(second.body.user).toEqual(first.user);
    const caller = await test.identity.verifier(`Bearer ${second.body.accessToken}`);
    expect(caller.grants).toEqual([{ role: 'WARD_COMMITTEE', scopeUnitId: demoId('unit', 10) }]);
  });

  it('refuses a rotated token, and its reuse revokes the whole chain (the thief and the user both sign in again)', async () => {
    const first = await signIn();
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body).toEqual(INVALID);
    expect((await refresh(second.body.refreshToken)).status).toBe(401);
    const audit = await test.db.selectFrom('sign_in_audit').select('outcome').where('account_id', '=', first.user.id).where('outcome', '=', 'REFRESH_TOKEN_REUSE').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('leaves other sign-ins of the same account alone when one chain is revoked', async () => {
    const stolen = await signIn();
    const otherTab = await signIn();
    await refresh(stolen.refreshToken);
    await refresh(stolen.refreshToken);
    expect((await refresh(otherTab.refreshToken)).status).toBe(200);
  });

  it('ends a sign-in 12 hours after the password was entered, however often it was refreshed', async () => {
    const first = await signIn();
    clock.advanceSeconds(11 * 3600);
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    clock.advanceSeconds(3600);
    const expired = await refresh(second.body.refreshToken);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(INVALID);
  });

  it('refuses a token it never issued', async () => {
    const response = await refresh('A'.repeat(43));
    expect(response.status).toBe(401);
    expect(response.body).toEqual(INVALID);
  });
});

describe('POST /auth/logout', () => {
  it('revokes the sign-in: neither the token nor its successors refresh any more', async () => {
    const first = await signIn();
    const second = await refresh(first.refreshToken);
    const response = await logout(second.body.refreshToken);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await refresh(second.body.refreshToken)).status).toBe(401);
  });

  it('answers 204 for a token it does not know (logging out twice is harmless)', async () => {
    expect((await logout('B'.repeat(43))).status).toBe(204);
  });
});

describe('GET /auth/jwks.json', () => {
  it('publishes the public signing key and nothing private', async () => {
    const response = await fetch(`${test.url}/auth/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) });
    expect(keys[0]).not.toHaveProperty('d');
  });
});

describe('an access token stops with its sign-in', () => {
  const verify = (accessToken: string) => test.identity.verifier(`Bearer ${accessToken}`);
  const ENDED = { extensions: { code: 'UNAUTHENTICATED' }, message: 'Phiên làm việc đã kết thúc (đã đăng xuất hoặc bị thu hồi). Vui lòng đăng nhập lại.' };

  it('is refused at once after sign-out, while another sign-in of the same account keeps working', async () => {
    const tab = await signIn();
    const otherTab = await signIn();
    await expect(verify(tab.accessToken)).resolves.toMatchObject({ subject: tab.user.id });
    expect((await logout(tab.refreshToken)).status).toBe(204);
    await expect(verify(tab.accessToken)).rejects.toMatchObject(ENDED);
    await expect(verify(otherTab.accessToken)).resolves.toMatchObject({ subject: otherTab.user.id });
  });

  it('is refused once its sign-in was revoked because a used refresh token came back (theft)', async () => {
    const first = await signIn();
    const second = await refresh(first.refreshToken);
    await refresh(first.refreshToken); // the reuse revokes the whole sign-in
    await expect(verify(first.accessToken)).rejects.toMatchObject(ENDED);
    await expect(verify(second.body.accessToken)).rejects.toMatchObject(ENDED);
  });
});
