// Plain JavaScript with its own index.d.ts: the published package is exactly the tested file, with no
// build step to fall out of step with it, and it runs on any Node 20+ without TypeScript.
import { calculateJwkThumbprint, createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';

/** Who signs internal tokens: the national gateway. */
export const ISSUER = 'dangvien-gateway';
/** Ed25519 signatures only; any other `alg` is refused. */
export const ALGORITHM = 'EdDSA';
/** The roles a grant can carry (packages/auth/src/caller.ts). */
export const ROLES = Object.freeze(['CELL_SECRETARY', 'CELL_COMMITTEE', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ANALYST', 'PROVINCIAL_SYSTEM', 'ADMIN']);

/** Any refused token: answer 401 and say nothing more to the caller (`reason` is for your log). */
export class InternalTokenError extends Error {
  /** @param {string} reason */
  constructor(reason) {
    super(`Internal token refused: ${reason}`);
    this.name = 'InternalTokenError';
    this.code = 'UNAUTHENTICATED';
    this.reason = reason;
  }
}

/** Verified tokens kept until they expire (the gateway reuses one per caller for 30 s); cleared beyond this many. */
const CACHE_LIMIT = 10_000;

/**
 * @param {import('./index.d.ts').VerifierOptions} options
 * @returns {import('./index.d.ts').InternalTokenVerifier}
 */
export function createInternalTokenVerifier(options) {
  if (!options || typeof options.audience !== 'string' || options.audience === '') throw new TypeError('audience (your subgraph name in the manifest) is required');
  const getKey = keySource(options);
  const clockTolerance = options.clockToleranceSeconds ?? 5;
  /** @type {Map<string, { caller: import('./index.d.ts').Caller, expiresAt: number }>} */
  const verified = new Map();
  return async (authorization) => {
    const token = bearerToken(authorization);
    const kept = verified.get(token);
    if (kept && kept.expiresAt > Date.now()) return copyCaller(kept.caller);
    let payload;
    try {
      ({ payload } = await jwtVerify(token, getKey, { issuer: ISSUER, audience: options.audience, algorithms: [ALGORITHM], clockTolerance, requiredClaims: ['sub', 'exp', 'iat'] }));
    } catch (error) {
      throw new InternalTokenError(error instanceof Error ? `${/** @type {{ code?: string }} */ (error).code ?? error.name}: ${error.message}` : String(error));
    }
    const caller = {
      subject: String(payload.sub),
      name: typeof payload.name === 'string' ? payload.name : '',
      grants: Array.isArray(payload.grants) ? /** @type {unknown[]} */ (payload.grants).filter(isGrant).map(({ role, scopeUnitId }) => ({ role, scopeUnitId })) : [],
    };
    if (verified.size >= CACHE_LIMIT) verified.clear();
    verified.set(token, { caller, expiresAt: Number(payload.exp) * 1000 });
    return copyCaller(caller);
  };
}

/** @param {import('./index.d.ts').VerifierOptions} options */
function keySource(options) {
  if (options.jwksUrl && options.keys) throw new TypeError('give either jwksUrl or keys, not both');
  if (options.jwksUrl) {
    // jose refetches on an unknown key id (a rotation), at most once per cooldown.
    return createRemoteJWKSet(new URL(options.jwksUrl), { cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000, cooldownDuration: options.cooldownMs ?? 30_000 });
  }
  if (options.keys) {
    const keys = Array.isArray(options.keys) ? options.keys : options.keys.keys;
    if (!Array.isArray(keys) || keys.length === 0) throw new TypeError('keys must hold at least one public key (JWK)');
    for (const key of keys) if ('d' in key) throw new TypeError('keys must be public keys: this one has a private part (d); never copy the gateway’s private key');
    // Tokens name their key (kid = the key's RFC 7638 thumbprint): give keys handed over without one theirs.
    const keySet = Promise.all(keys.map(async (key) => ({ ...key, kid: key.kid ?? (await calculateJwkThumbprint(key)) }))).then((withIds) => createLocalJWKSet({ keys: withIds }));
    /** @type {import('jose').JWTVerifyGetKey} */
    const getKey = async (header, token) => (await keySet)(header, token);
    return getKey;
  }
  throw new TypeError('jwksUrl (the gateway’s /internal/jwks.json) or keys (fixed public keys) is required');
}

/**
 * @param {string | undefined | null} authorization
 * @returns {string}
 */
function bearerToken(authorization) {
  if (typeof authorization !== 'string' || authorization === '') throw new InternalTokenError('no token');
  const match = /^Bearer (\S+)$/i.exec(authorization);
  if (match) return /** @type {string} */ (match[1]);
  if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(authorization)) return authorization;
  throw new InternalTokenError('not a bearer token');
}

/**
 * @param {unknown} value
 * @returns {value is import('./index.d.ts').Grant}
 */
function isGrant(value) {
  const grant = /** @type {{ role?: unknown, scopeUnitId?: unknown } | null} */ (value);
  return typeof grant === 'object' && grant !== null && typeof grant.role === 'string' && ROLES.includes(grant.role) && typeof grant.scopeUnitId === 'string';
}

/** @param {import('./index.d.ts').Caller} caller */
function copyCaller(caller) {
  return { ...caller, grants: caller.grants.map((grant) => ({ ...grant })) };
}

/**
 * The units whose subtrees the caller may read (every grant reads its subtree).
 * @param {import('./index.d.ts').Caller} caller
 * @returns {string[]}
 */
export function readableScopes(caller) {
  return [...new Set(caller.grants.map((grant) => grant.scopeUnitId))];
}

/**
 * Whether a unit lies inside one of the caller's subtrees, given the unit and the units above it
 * (`unitPath`: the unit's id and its ancestors' ids, in any order), optionally only for some roles.
 * @param {import('./index.d.ts').Caller} caller
 * @param {readonly string[]} unitPath
 * @param {readonly string[]} [roles]
 * @returns {boolean}
 */
export function isWithinScope(caller, unitPath, roles) {
  const path = new Set(unitPath);
  return caller.grants.some((grant) => (!roles || roles.includes(grant.role)) && path.has(grant.scopeUnitId));
}
