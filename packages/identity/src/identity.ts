import { createDatabaseIfMissing, createKysely, migrateToLatest } from '@dangvien/db';
import type { Router } from 'express';
import type { Kysely } from 'kysely';
import { createAccountIfMissing, type AccountInput } from './accounts/create-account.ts';
import { resolveConfig, type IdentityOptions } from './config.ts';
import type { IdentityDatabase } from './database.ts';
import { seedDemoAccounts } from './demo/demo-accounts.ts';
import { createIdentityRouter } from './http/identity-router.ts';
import { createIdentityService } from './identity-service.ts';
import { loadOrCreateSigningKey, publicKeySet } from './keys/signing-key.ts';
import { migrations } from './migrations/index.ts';
import { isFamilyActive } from './tokens/refresh-tokens.ts';
import { createSessionCheck } from './tokens/session-check.ts';
import { createAccessTokenVerifier, type AccessTokenVerifier } from './verify/access-token-verifier.ts';

export interface Identity {
  /** Mount at the root of the gateway's express app: /auth/login, /auth/refresh, /auth/logout, /auth/jwks.json. */
  router: Router;
  /** The gateway's check of every request's Authorization header. */
  verifier: AccessTokenVerifier;
  /** Demo accounts (password `demo123`, demo only) that are missing; returns the usernames created. */
  seedDemoAccounts(): Promise<string[]>;
  /** A local account unless the username is taken; returns its id, or undefined when it existed. */
  createAccount(input: AccountInput): Promise<string | undefined>;
  /** Closes the database pool. */
  close(): Promise<void>;
}

/**
 * The embedded token issuer: creates and migrates its database, loads (or on first start creates)
 * the signing key, and returns what the gateway mounts.
 */
export async function createIdentity(options: IdentityOptions): Promise<Identity> {
  const config = resolveConfig(options);
  await createDatabaseIfMissing(options.databaseUrl, new URL(options.databaseUrl).pathname.slice(1));
  // Sign-in is rare next to GraphQL traffic; a few connections are plenty.
  const db = createKysely<IdentityDatabase>(options.databaseUrl, { maxConnections: 4 });
  try {
    await migrateToLatest(db as Kysely<unknown>, migrations);
    const key = await loadOrCreateSigningKey(db, config.now());
    const sessions = createSessionCheck((sid) => isFamilyActive(db, sid, config.now()));
    const service = createIdentityService(db, config, key, sessions);
    const verifier = createAccessTokenVerifier({
      oidc: config.oidc,
      local: { issuer: config.issuer, audience: config.audience, publicKeys: () => publicKeySet(db), isSessionActive: (sid) => sessions.isActive(sid) },
      now: config.now,
    });
    return {
      router: createIdentityRouter(service),
      verifier,
      seedDemoAccounts: () => seedDemoAccounts(db),
      createAccount: (input) => createAccountIfMissing(db, input),
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
