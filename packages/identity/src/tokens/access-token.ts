import { randomUUID } from 'node:crypto';
import type { Caller } from '@dangvien/auth';
import { SignJWT } from 'jose';
import type { IdentityConfig } from '../config.ts';
import type { SigningKey } from '../keys/signing-key.ts';

/** RFC 9068 media type of a JWT access token; our verifier requires it, so an ID token cannot pass as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/**
 * A short-lived access token for `caller`: what the gateway verifies on every request. `sid` names the
 * sign-in (the refresh-token family), so that a token stops working when that sign-in is ended.
 */
export function signAccessToken(key: SigningKey, config: IdentityConfig, caller: Caller, sid: string): Promise<string> {
  const issuedAt = Math.floor(config.now().getTime() / 1000);
  return new SignJWT({ name: caller.name, grants: caller.grants, sid })
    .setProtectedHeader({ alg: key.algorithm, kid: key.kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setSubject(caller.subject)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + config.accessTokenTtlSeconds)
    .sign(key.privateKey);
}
