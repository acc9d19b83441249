import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { IdentityDatabase } from '../database.ts';
import { findNewestSigningKey, findPublicJwks, insertSigningKey, lockSigningKeys, type SigningKeyRow } from './signing-key.repository.ts';

/** ES256 (P-256): the one asymmetric algorithm every JWT library and OIDC client supports. */
export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKey {
  kid: string;
  algorithm: string;
  privateKey: CryptoKey;
}

/**
 * The key access tokens are signed with: the newest one in the database, created on first use.
 * It lives in the database (not in memory) so that tokens survive a restart and every gateway
 * instance signs with the same key.
 */
export async function loadOrCreateSigningKey(db: Kysely<IdentityDatabase>, now: Date): Promise<SigningKey> {
  const row =
    (await findNewestSigningKey(db)) ??
    (await db.transaction().execute(async (trx) => {
      await lockSigningKeys(trx);
      const existing = await findNewestSigningKey(trx);
      if (existing) return existing;
      const created = await generateSigningKey(now);
      await insertSigningKey(trx, created);
      return created;
    }));
  return { kid: row.kid, algorithm: row.algorithm, privateKey: await importKey(row.private_jwk, row.algorithm) };
}

/** Every public key we ever signed with, as served at /auth/jwks.json. */
export async function publicKeySet(db: Kysely<IdentityDatabase>): Promise<JSONWebKeySet> {
  return { keys: (await findPublicJwks(db)).map((json) => JSON.parse(json) as JWK) };
}

async function generateSigningKey(now: Date): Promise<SigningKeyRow> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  // The RFC 7638 thumbprint is a stable, collision-free kid derived from the key itself.
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  return {
    kid,
    algorithm: SIGNING_ALGORITHM,
    private_jwk: JSON.stringify({ ...privateJwk, kid, alg: SIGNING_ALGORITHM }),
    public_jwk: JSON.stringify({ ...publicJwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' }),
    created_at: now,
  };
}

async function importKey(jwkJson: string, algorithm: string): Promise<CryptoKey> {
  const key = await importJWK(JSON.parse(jwkJson) as JWK, algorithm);
  if (key instanceof Uint8Array) throw new Error('A signing key must be asymmetric');
  return key;
}
