import { configuredDatabaseUrl } from '@dangvien/db';
import { createIdentity, identityOptionsFromEnv, oidcConfigFromEnv, createAccessTokenVerifier, openGatewayStateStore } from '@dangvien/identity';
import { stopWithParent } from '@dangvien/server';
import { startGateway } from './gateway.ts';

/**
 * The gateway process. Identity: with OIDC_JWKS_URL, tokens of that issuer only; otherwise the
 * embedded issuer (local accounts in IDENTITY_DATABASE_URL) served at /auth/….
 */
const oidc = oidcConfigFromEnv();
const identityDatabaseUrl = configuredDatabaseUrl('identity');
const identity = oidc ? undefined : await startEmbeddedIssuer();
const verify = oidc ? createAccessTokenVerifier({ oidc }) : identity!.verifier;
// What gateway replicas must share (the rate limit's counters) lives in the gateway's own database.
const sharedState = identityDatabaseUrl ? await openGatewayStateStore(identityDatabaseUrl) : undefined;
if (!sharedState) console.warn('[gateway] IDENTITY_DATABASE_URL is not set: the rate limit counts in this process only (several replicas each allow the limit).');

const gateway = await startGateway({
  authenticate: (request) => verify(request.headers.authorization),
  routes: identity ? { '/': identity.router } : {},
  sharedStore: sharedState?.client,
});
console.log(`[gateway] ready at ${gateway.url}${identity ? ' (sign-in at /auth/login)' : ` (tokens from ${oidc!.issuer})`}`);
const shutdown = async (): Promise<void> => {
  await gateway.close();
  await identity?.close();
  await sharedState?.close();
  process.exit(0);
};
stopWithParent(shutdown);

async function startEmbeddedIssuer() {
  if (!identityDatabaseUrl) throw new Error('IDENTITY_DATABASE_URL is not set: the embedded issuer keeps its accounts there (the start command sets it).');
  const issuer = await createIdentity({ databaseUrl: identityDatabaseUrl, ...identityOptionsFromEnv() });
  if (process.env.SEED_DEMO === '1') {
    const created = await issuer.seedDemoAccounts();
    if (created.length > 0) console.log(`[gateway] demo accounts created: ${created.join(', ')}`);
  }
  return issuer;
}
