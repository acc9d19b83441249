import { isRole, type Caller, type Grant } from '@dangvien/auth';
import { isUuid, unauthenticated } from '@dangvien/server';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { DEFAULT_GRANTS_CLAIM, type OidcConfig } from '../config.ts';
import { SIGNING_ALGORITHM } from '../keys/signing-key.ts';
import { ACCESS_TOKEN_TYPE } from '../tokens/access-token.ts';

/** Turns the request's Authorization header into the verified caller; throws `unauthenticated` otherwise. */
export type AccessTokenVerifier = (authorizationHeader: string | undefined) => Promise<Caller>;

/** Our own tokens: issuer, audience and where our public keys come from. */
export interface LocalTokenConfig {
  issuer: string;
  audience: string;
  /** Read once, on the first request. */
  publicKeys: () => Promise<JSONWebKeySet>;
  /** Whether the sign-in a token names (`sid`) is still active; when given, a token without one is refused. */
  isSessionActive?: (sid: string) => Promise<boolean>;
}

export interface AccessTokenVerifierConfig {
  /** An external OpenID Connect issuer; when set, only its tokens are accepted. */
  oidc?: OidcConfig;
  /** Our tokens; required when `oidc` is not set. */
  local?: LocalTokenConfig;
  /** The clock; tests move it instead of sleeping. */
  now?: () => Date;
}

/** Algorithms accepted from an external issuer: the asymmetric ones OIDC providers use, never HS* or none. */
const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];
/** Clocks of the gateway and an external issuer differ a little. */
const OIDC_CLOCK_TOLERANCE_SECONDS = 30;
/** jose errors that mean "this token is not acceptable"; any other error (issuer unreachable, database down) is ours and rethrown. */
const TOKEN_ERRORS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
]);
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

/**
 * The gateway's check of every request: our own tokens by default, an OIDC issuer's (through its
 * JWKS URL) when configured. Switching is configuration only; the Caller is the same either way.
 */
export function createAccessTokenVerifier(config: AccessTokenVerifierConfig): AccessTokenVerifier {
  const now = config.now ?? (() => new Date());
  const { getKey, options, grantsClaim } = config.oidc ? oidcSetup(config.oidc) : localSetup(config.local);
  return async (authorizationHeader) => {
    if (!authorizationHeader) throw unauthenticated('Chưa đăng nhập. Vui lòng đăng nhập để tiếp tục.');
    const token = BEARER.exec(authorizationHeader)?.[1];
    if (!token) throw unauthenticated('Thông tin xác thực không hợp lệ (cần "Authorization: Bearer <token>").');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, { ...options, currentDate: now() }));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !TOKEN_ERRORS.has(code)) throw error;
      throw unauthenticated(code === 'ERR_JWT_EXPIRED' ? 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.' : undefined);
    }
    // Our own tokens stop with their sign-in (sign-out, a stolen refresh token, a disabled account).
    const isSessionActive = config.oidc ? undefined : config.local?.isSessionActive;
    if (isSessionActive && (typeof payload.sid !== 'string' || !(await isSessionActive(payload.sid)))) {
      throw unauthenticated('Phiên làm việc đã kết thúc (đã đăng xuất hoặc bị thu hồi). Vui lòng đăng nhập lại.');
    }
    return callerFrom(payload, grantsClaim);
  };
}

interface Setup {
  getKey: JWTVerifyGetKey;
  options: JWTVerifyOptions;
  grantsClaim: string;
}

function oidcSetup(oidc: OidcConfig): Setup {
  return {
    getKey: createRemoteJWKSet(new URL(oidc.jwksUrl)),
    options: { issuer: oidc.issuer, audience: oidc.audience, algorithms: OIDC_ALGORITHMS, clockTolerance: OIDC_CLOCK_TOLERANCE_SECONDS, requiredClaims: ['sub', 'exp'] },
    grantsClaim: oidc.grantsClaim,
  };
}

function localSetup(local: LocalTokenConfig | undefined): Setup {
  if (!local) throw new Error('createAccessTokenVerifier needs `oidc` or `local`: whose tokens would it accept?');
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const getKey: JWTVerifyGetKey = async (header, token) => {
    if (!keys) {
      const loading = local.publicKeys().then((jwks) => createLocalJWKSet(jwks));
      keys = loading;
      // A failed load (database not reachable yet) is retried on the next request.
      loading.catch(() => {
        if (keys === loading) keys = undefined;
      });
    }
    return (await keys)(header, token);
  };
  return {
    getKey,
    options: { issuer: local.issuer, audience: local.audience, algorithms: [SIGNING_ALGORITHM], typ: ACCESS_TOKEN_TYPE, requiredClaims: ['sub', 'exp'] },
    grantsClaim: DEFAULT_GRANTS_CLAIM,
  };
}

function callerFrom(payload: JWTPayload, grantsClaim: string): Caller {
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw unauthenticated();
  const name = typeof payload.name === 'string' ? payload.name : typeof payload.preferred_username === 'string' ? payload.preferred_username : '';
  const claimed = payload[grantsClaim];
  // Grants with a role we do not know (or a malformed scope) are dropped, never guessed at.
  const grants = Array.isArray(claimed) ? claimed.filter(isGrant).map((grant) => ({ role: grant.role, scopeUnitId: grant.scopeUnitId.toLowerCase() })) : [];
  return { subject: payload.sub, name, grants };
}

function isGrant(value: unknown): value is Grant {
  const grant = value as Partial<Grant> | null;
  return typeof grant === 'object' && grant !== null && isRole(grant.role) && isUuid(grant.scopeUnitId);
}
