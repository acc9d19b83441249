import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateGatewayKeys, internalJwks, internalTokenSigner, type GatewayKeys } from '@dangvien/auth';
import { SignJWT, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInternalTokenVerifier, InternalTokenError, isWithinScope } from './index.js';

const caller = { subject: 'user-1', name: 'Nguyễn Văn A', grants: [{ role: 'WARD_COMMITTEE' as const, scopeUnitId: 'ward-1' }] };
let current: GatewayKeys;
let next: GatewayKeys;
let published: { keys: JWK[] };
let server: Server;
let jwksUrl: string;

beforeAll(async () => {
  [current, next] = [await generateGatewayKeys(), await generateGatewayKeys()];
  // During a rotation the gateway publishes both keys (signing with `current`, announcing `next`).
  published = await internalJwks(current.privateKey, [JSON.parse(next.publicKey) as JWK]);
  server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(published)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/jwks.json`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const sign = async (keys: GatewayKeys, audience = 'province') => (await internalTokenSigner(keys.privateKey))(caller, audience);

describe('the internal token verifier', () => {
  it('accepts the gateway’s token from the published JWKS, with the caller’s grants', async () => {
    const verify = createInternalTokenVerifier({ audience: 'province', jwksUrl });
    expect(await verify(`Bearer ${await sign(current)}`)).toEqual(caller);
  });

  it('accepts tokens of both keys valid during a rotation, and from fixed keys', async () => {
    const verify = createInternalTokenVerifier({ audience: 'province', jwksUrl });
    expect((await verify(await sign(next))).subject).toBe('user-1');
    const fixed = createInternalTokenVerifier({ audience: 'province', keys: [JSON.parse(current.publicKey) as JWK] });
    expect((await fixed(await sign(current))).grants).toEqual(caller.grants);
    await expect(fixed(await sign(next))).rejects.toBeInstanceOf(InternalTokenError);
  });

  it('refuses no token, another subgraph’s token, an unknown key, another algorithm and an expired token', async () => {
    const verify = createInternalTokenVerifier({ audience: 'province', jwksUrl });
    await expect(verify(undefined)).rejects.toThrow(/no token/);
    await expect(verify(`Bearer ${await sign(current, 'membership')}`)).rejects.toThrow(/aud/);
    await expect(verify(`Bearer ${await sign(await generateGatewayKeys())}`)).rejects.toBeInstanceOf(InternalTokenError);
    const privateJwk = JSON.parse(current.privateKey) as JWK;
    const expired = await new SignJWT({ grants: caller.grants })
      .setProtectedHeader({ alg: 'EdDSA', kid: published.keys[0]!.kid })
      .setSubject('user-1')
      .setIssuer('dangvien-gateway')
      .setAudience('province')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(await importJWK(privateJwk, 'EdDSA'));
    await expect(verify(expired)).rejects.toThrow(/exp/);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', aud: 'province', iss: 'dangvien-gateway' })).toString('base64url')}.`;
    await expect(verify(`Bearer ${unsigned}x`)).rejects.toBeInstanceOf(InternalTokenError);
  });

  it('refuses a private key given as a fixed key', () => {
    expect(() => createInternalTokenVerifier({ audience: 'province', keys: [JSON.parse(current.privateKey) as JWK] })).toThrow(/private/);
  });

  it('decides scope from the grants and a unit’s path', () => {
    expect(isWithinScope(caller, ['cell-9', 'ward-1', 'province-1'])).toBe(true);
    expect(isWithinScope(caller, ['cell-7', 'ward-2', 'province-1'])).toBe(false);
    expect(isWithinScope(caller, ['cell-9', 'ward-1'], ['DISTRICT_BOARD'])).toBe(false);
  });
});
