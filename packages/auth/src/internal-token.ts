import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
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

export async function internalTokenSigner(privateKeyJwk: string): Promise<InternalTokenSigner> {
  const key = await importJWK(JSON.parse(privateKeyJwk) as JWK, ALGORITHM);
  return (caller, audience) =>
    new SignJWT({ name: caller.name, grants: caller.grants })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(caller.subject)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(LIFETIME)
      .sign(key);
}

/** Verifies tokens meant for `audience` (one subgraph); throws on anything else. */
export async function internalTokenVerifier(publicKeyJwk: string, audience: string): Promise<InternalTokenVerifier> {
  const key = await importJWK(JSON.parse(publicKeyJwk) as JWK, ALGORITHM);
  return async (token) => {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience, algorithms: [ALGORITHM] });
    const grants = Array.isArray(payload.grants) ? payload.grants.filter(isGrant) : [];
    return { subject: payload.sub ?? '', name: typeof payload.name === 'string' ? payload.name : '', grants };
  };
}

function isGrant(value: unknown): value is Grant {
  const grant = value as Partial<Grant> | null;
  return typeof grant === 'object' && grant !== null && isRole(grant.role) && typeof grant.scopeUnitId === 'string';
}
