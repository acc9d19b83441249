import { demoId } from '@dangvien/demo-data';
import express from 'express';
import { decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcConfigFromEnv } from '../config.ts';
import type { TokenResponse } from '../identity-service.ts';
import { fakeClock, postJson, serve, startTestIdentity, type HttpServer, type TestIdentity } from '../test-support.ts';
import { createAccessTokenVerifier } from './access-token-verifier.ts';

const clock = fakeClock();
let test: TestIdentity;
let tokens: TokenResponse;

beforeAll(async () => {
  test = await startTestIdentity('identity_verifier', { now: clock.now });
  await test.identity.seedDemoAccounts();
  tokens = (await postJson<TokenResponse>(`${test.url}/auth/login`, { username: 'bantochuc.xuantruong', password: 'demo123' })).body;
});
afterAll(async () => test.close());

/** Resolves to the error's extensions.code, or fails the test if the verifier accepted the header. */
async function refusal(header: string | undefined, verifier = test.identity.verifier): Promise<{ code: unknown; message: string }> {
  const error = await verifier(header).then(
    () => expect.fail(`accepted ${header}`),
    (rejected: unknown) => rejected as { extensions?: { code?: unknown }; message: string },
  );
  return { code: error.extensions?.code, message: error.message };
}

/** Our real signing key, read the way only the issuer could: to forge tokens that differ in one claim. */
async function ourKey(): Promise<{ key: CryptoKey; kid: string }> {
  const row = await test.db.selectFrom('signing_key').select(['kid', 'private_jwk']).executeTakeFirstOrThrow();
  return { key: (await importJWK(JSON.parse(row.private_jwk) as JWK, 'ES256')) as CryptoKey, kid: row.kid };
}

/** The sign-in (`sid`) of the demo board's token: a token of ours names an active sign-in. */
const activeSid = (): string => (JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;

function claims(overrides: { iss?: string; aud?: string; sid?: string | null } = {}): SignJWT {
  const issuedAt = Math.floor(clock.now().getTime() / 1000);
  const sid = overrides.sid === undefined ? activeSid() : overrides.sid;
  return new SignJWT({ name: 'Kẻ giả mạo', grants: [{ role: 'ADMIN', scopeUnitId: demoId('unit', 1) }], ...(sid === null ? {} : { sid }) })
    .setSubject(tokens.user.id)
    .setIssuer(overrides.iss ?? 'dangvien-identity')
    .setAudience(overrides.aud ?? 'dangvien')
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 600);
}

describe('our own tokens', () => {
  it('verify to the caller until they expire, then are refused as expired', async () => {
    expect((await test.identity.verifier(`Bearer ${tokens.accessToken}`)).subject).toBe(tokens.user.id);
    clock.advanceSeconds(14 * 60);
    expect((await test.identity.verifier(`bearer ${tokens.accessToken}`)).subject).toBe(tokens.user.id);
    clock.advanceSeconds(60);
    expect(await refusal(`Bearer ${tokens.accessToken}`)).toEqual({ code: 'UNAUTHENTICATED', message: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.' });
  });

  it('refuse a missing header, another scheme and garbage', async () => {
    expect(await refusal(undefined)).toEqual({ code: 'UNAUTHENTICATED', message: 'Chưa đăng nhập. Vui lòng đăng nhập để tiếp tục.' });
    expect((await refusal(`Basic ${Buffer.from('phantich:demo123').toString('base64')}`)).code).toBe('UNAUTHENTICATED');
    expect((await refusal('Bearer not.a.jwt')).code).toBe('UNAUTHENTICATED');
    expect((await refusal('Bearer ')).code).toBe('UNAUTHENTICATED');
  });

  it('refuse a token signed by another key, under our kid or its own', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const kid = decodeProtectedHeader(tokens.accessToken).kid!;
    const underOurKid = await claims().setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' }).sign(privateKey);
    const underItsOwn = await claims().setProtectedHeader({ alg: 'ES256', kid: 'theirs', typ: 'at+jwt' }).sign(privateKey);
    expect((await refusal(`Bearer ${underOurKid}`)).code).toBe('UNAUTHENTICATED');
    expect((await refusal(`Bearer ${underItsOwn}`)).code).toBe('UNAUTHENTICATED');
  });

  it('refuse a token signed with our key for another audience or from another issuer', async () => {
    const { key, kid } = await ourKey();
    const header = { alg: 'ES256', kid, typ: 'at+jwt' };
    // The control: with our key and our claims the forgery passes, so the refusals below are about the claim.
    expect((await test.identity.verifier(`Bearer ${await claims().setProtectedHeader(header).sign(key)}`)).name).toBe('Kẻ giả mạo');
    expect((await refusal(`Bearer ${await claims({ aud: 'another-app' }).setProtectedHeader(header).sign(key)}`)).code).toBe('UNAUTHENTICATED');
    expect((await refusal(`Bearer ${await claims({ iss: 'someone-else' }).setProtectedHeader(header).sign(key)}`)).code).toBe('UNAUTHENTICATED');
  });

  it('refuse a token of ours that names no sign-in, or one that was never made', async () => {
    const { key, kid } = await ourKey();
    const header = { alg: 'ES256', kid, typ: 'at+jwt' };
    expect((await refusal(`Bearer ${await claims({ sid: null }).setProtectedHeader(header).sign(key)}`)).code).toBe('UNAUTHENTICATED');
    expect((await refusal(`Bearer ${await claims({ sid: '00000000-0000-4000-8000-000000000000' }).setProtectedHeader(header).sign(key)}`)).message).toContain('Phiên làm việc đã kết thúc');
  });

  it('refuse tokens from an identity configured with another issuer name', async () => {
    const other = await test.restart({ now: clock.now, issuer: 'tinh-khac' });
    const response = await postJson<TokenResponse>(`${other.url}/auth/login`, { username: 'phantich', password: 'demo123' });
    expect((await other.identity.verifier(`Bearer ${response.body.accessToken}`)).name).toBe('Vũ Minh Tuấn – Chuyên viên phân tích');
    expect((await refusal(`Bearer ${response.body.accessToken}`)).code).toBe('UNAUTHENTICATED');
  });
});

describe('an external OIDC issuer (OIDC_JWKS_URL)', () => {
  const ISSUER = 'https://sso.tinhuy.example/realms/dangvien';
  const GRANTS_CLAIM = 'https://dangvien.example/grants';
  let jwksServer: HttpServer;
  let signingKey: CryptoKey;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    signingKey = privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'sso-1', alg: 'RS256', use: 'sig' };
    jwksServer = await serve(express().get('/certs', (_request, response) => void response.json({ keys: [jwk] })));
  });
  afterAll(async () => jwksServer.close());

  const env = () => ({ OIDC_JWKS_URL: `${jwksServer.url}/certs`, OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: 'dangvien-api', OIDC_GRANTS_CLAIM: GRANTS_CLAIM });

  function ssoToken(overrides: { iss?: string } = {}): Promise<string> {
    return new SignJWT({
      preferred_username: 'phantich@tinhuy',
      [GRANTS_CLAIM]: [
        { role: 'ANALYST', scopeUnitId: demoId('unit', 1) },
        { role: 'SUPERUSER', scopeUnitId: demoId('unit', 1) },
        { role: 'DISTRICT_BOARD', scopeUnitId: 'not-a-unit' },
      ],
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'sso-1', typ: 'JWT' })
      .setSubject('f3a1c2d4-sso-user')
      .setIssuer(overrides.iss ?? ISSUER)
      .setAudience('dangvien-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(signingKey);
  }

  it('verifies its tokens through its JWKS, keeping only grants with a known role and a valid unit', async () => {
    const verifier = createAccessTokenVerifier({ oidc: oidcConfigFromEnv(env()) });
    expect(await verifier(`Bearer ${await ssoToken()}`)).toEqual({
      subject: 'f3a1c2d4-sso-user',
      name: 'phantich@tinhuy',
      grants: [{ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }],
    });
    expect((await refusal(`Bearer ${await ssoToken({ iss: 'https://evil.example' })}`, verifier)).code).toBe('UNAUTHENTICATED');
  });

  it('replaces our own tokens: an identity configured for OIDC no longer accepts what it issues', async () => {
    const sso = await test.restart({ now: clock.now, oidc: oidcConfigFromEnv(env()) });
    const response = await postJson<TokenResponse>(`${sso.url}/auth/login`, { username: 'phantich', password: 'demo123' });
    expect((await refusal(`Bearer ${response.body.accessToken}`, sso.identity.verifier)).code).toBe('UNAUTHENTICATED');
  });

  it('needs OIDC_ISSUER with OIDC_JWKS_URL, and defaults the audience and the grants claim', () => {
    expect(() => oidcConfigFromEnv({ OIDC_JWKS_URL: 'https://sso.example/certs' })).toThrow(/OIDC_ISSUER/);
    expect(oidcConfigFromEnv({ OIDC_JWKS_URL: 'https://sso.example/certs', OIDC_ISSUER: ISSUER })).toEqual({
      jwksUrl: 'https://sso.example/certs',
      issuer: ISSUER,
      audience: 'dangvien',
      grantsClaim: 'grants',
    });
    expect(oidcConfigFromEnv({})).toBeUndefined();
  });

  it('reports an unreachable issuer as a failure of ours, not as a bad token', async () => {
    const closed = await serve(express());
    await closed.close();
    const verifier = createAccessTokenVerifier({ oidc: oidcConfigFromEnv({ ...env(), OIDC_JWKS_URL: `${closed.url}/certs` }) });
    const error = await verifier(`Bearer ${await ssoToken()}`).then(
      () => expect.fail('accepted a token without keys'),
      (rejected: unknown) => rejected as { extensions?: { code?: unknown } },
    );
    expect(error.extensions?.code).toBeUndefined();
  });
});
