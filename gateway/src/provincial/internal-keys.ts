import { internalJwks, type JWK } from '@dangvien/auth';
import express, { type Router } from 'express';

/**
 * `GET /internal/jwks.json`: the public keys subgraphs verify internal tokens with, so a subgraph run
 * by another team (a province) needs no key handed over by hand. During a key change two are
 * published: `GATEWAY_OTHER_PUBLIC_KEYS` (a JSON array of public JWKs) holds the next key before the
 * switch, then the previous one until its last tokens expire (docs/provincial-subgraph.md).
 */
export async function internalKeysRouter(privateKey: string, env: NodeJS.ProcessEnv): Promise<Router> {
  const jwks = await internalJwks(privateKey, otherPublicKeys(env));
  const router = express.Router();
  router.get('/jwks.json', (_request, response) => {
    // Short: a verifier refetches on an unknown kid anyway; this bounds how long a retired key lingers.
    response.set('Cache-Control', 'public, max-age=300').json(jwks);
  });
  return router;
}

function otherPublicKeys(env: NodeJS.ProcessEnv): JWK[] {
  const configured = env.GATEWAY_OTHER_PUBLIC_KEYS;
  if (!configured) return [];
  let keys: unknown;
  try {
    keys = JSON.parse(configured);
  } catch {
    throw new Error('GATEWAY_OTHER_PUBLIC_KEYS is not JSON: give an array of public JWKs (or one JWK).');
  }
  const list = (Array.isArray(keys) ? keys : [keys]) as JWK[];
  for (const key of list) {
    if (typeof key !== 'object' || key === null || key.kty !== 'OKP' || key.crv !== 'Ed25519' || typeof key.x !== 'string') {
      throw new Error('GATEWAY_OTHER_PUBLIC_KEYS: every key must be an Ed25519 public JWK ({ "kty": "OKP", "crv": "Ed25519", "x": … }).');
    }
    if ('d' in key) throw new Error('GATEWAY_OTHER_PUBLIC_KEYS holds a private key (d): publish public keys only.');
  }
  return list;
}
