export type { JWK } from 'jose';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { isRole, type Caller, type Grant } from './caller.ts';

/**
 * Gateway → subgraph trust: the gateway signs the verified caller into a short-lived token for one
 * subgraph (audience = its name), with a private key only the gateway holds; subgraphs check it with
 * the public key, so a subgraph that leaks its key cannot mint tokens for the others.
 */
const ALGORITHM = 'EdDSA';
const ISSUER = 'dangvien-gateway';
const LIFETIME = '60s';

export interface GatewayKeys {
  /** JWK JSON, for the gateway only (`GATEWAY_PRIVATE_KEY`). */
  privateKey: string;
  /** JWK JSON, for every subgraph (`GATEWAY_PUBLIC_KEY`). */
  publicKey: string;
}

export async function generateGatewayKeys(): Promise<GatewayKeys> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
  return { privateKey: JSON.stringify(await exportJWK(privateKey)), publicKey: JSON.stringify(await exportJWK(publicKey)) };
}

export type InternalTokenSigner = (caller: Caller, audience: string) => Promise<string>;
export type InternalTokenVerifier = (token: string) => Promise<Caller>;

/** Tokens kept per process; beyond this many callers the memory is cleared (a full gateway restarts signing). */
const CACHE_LIMIT = 10_000;
/** A signed token is reused for this long, half its lifetime, so every token sent has 30 s or more left. */
const REUSE_MS = 30_000;

/**
 * Signs internal tokens, reusing one per caller and subgraph for half its lifetime: an Ed25519
 * signature per subgraph request was a tenth of the gateway's CPU. A caller whose grants change is
 * another caller (the cache key is the whole caller), so nothing waits for a token to expire.
 */
export async function internalTokenSigner(privateKeyJwk: string): Promise<InternalTokenSigner> {
  const jwk = JSON.parse(privateKeyJwk) as JWK;
  const key = await importJWK(jwk, ALGORITHM);
  // The key id lets a subgraph pick the right key from the published set while two are valid (rotation).
  const kid = await keyId(jwk);
  const issued = new Map<string, { token: Promise<string>; until: number }>();
  return (caller, audience) => {
    const cacheKey = `${audience}\n${JSON.stringify(caller)}`;
    const now = Date.now();
    const kept = issued.get(cacheKey);
    if (kept && kept.until > now) return kept.token;
    if (issued.size >= CACHE_LIMIT) issued.clear();
    const token = new SignJWT({ name: caller.name, grants: caller.grants })
      .setProtectedHeader({ alg: ALGORITHM, kid })
      .setSubject(caller.subject)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(LIFETIME)
      .sign(key);
    issued.set(cacheKey, { token, until: now + REUSE_MS });
    token.catch(() => issued.delete(cacheKey));
    return token;
  };
}

/**
 * Verifies tokens meant for `audience` (one subgraph); throws on anything else. A token verified
 * before is not verified again until it expires (the gateway reuses its tokens); each call still
 * returns a new Caller, because per-request memos key on it.
 */
export async function internalTokenVerifier(publicKeyJwk: string, audience: string): Promise<InternalTokenVerifier> {
  const key = await importJWK(JSON.parse(publicKeyJwk) as JWK, ALGORITHM);
  const verified = new Map<string, { caller: Caller; expiresAt: number }>();
  const copy = (caller: Caller): Caller => ({ ...caller, grants: caller.grants.map((grant) => ({ ...grant })) });
  return async (token) => {
    const kept = verified.get(token);
    if (kept && kept.expiresAt > Date.now()) return copy(kept.caller);
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience, algorithms: [ALGORITHM] });
    const grants = Array.isArray(payload.grants) ? payload.grants.filter(isGrant) : [];
    const caller = { subject: payload.sub ?? '', name: typeof payload.name === 'string' ? payload.name : '', grants };
    if (verified.size >= CACHE_LIMIT) verified.clear();
    if (payload.exp) verified.set(token, { caller, expiresAt: payload.exp * 1000 });
    return copy(caller);
  };
}

/** RFC 7638 thumbprint of the public part of a key: the same for its private and public JWK. */
export async function keyId(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x });
}

export interface PublishedKey extends JWK {
  kid: string;
  alg: typeof ALGORITHM;
  use: 'sig';
}

/**
 * The JWKS subgraphs verify internal tokens with: the public half of the signing key first, then any
 * other public keys still (or already) valid during a rotation. Private parts are never copied.
 */
export async function internalJwks(privateKeyJwk: string, otherPublicKeys: readonly JWK[] = []): Promise<{ keys: PublishedKey[] }> {
  const { kty, crv, x } = JSON.parse(privateKeyJwk) as JWK;
  const keys: PublishedKey[] = [];
  for (const jwk of [{ kty, crv, x }, ...otherPublicKeys.map(({ kty: t, crv: c, x: px }) => ({ kty: t, crv: c, x: px }))]) {
    const kid = await keyId(jwk);
    if (!keys.some((key) => key.kid === kid)) keys.push({ ...jwk, kid, alg: ALGORITHM, use: 'sig' });
  }
  return { keys };
}

/** What the internal token says, for the published contract (docs/provincial-subgraph.md). */
export const INTERNAL_TOKEN = { algorithm: ALGORITHM, issuer: ISSUER, lifetimeSeconds: 60, reuseSeconds: REUSE_MS / 1000 } as const;

function isGrant(value: unknown): value is Grant {
  const grant = value as Partial<Grant> | null;
  return typeof grant === 'object' && grant !== null && isRole(grant.role) && typeof grant.scopeUnitId === 'string';
}
