export { createIdentity, type Identity } from './identity.ts';
export { openGatewayStateStore, type GatewayStateStore, type SqlClient } from './shared-state.ts';
export {
  ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ISSUER,
  identityOptionsFromEnv,
  oidcConfigFromEnv,
  type IdentityOptions,
  type LockoutPolicy,
  type OidcConfig,
} from './config.ts';
export {
  createAccessTokenVerifier,
  type AccessTokenVerifier,
  type AccessTokenVerifierConfig,
  type LocalTokenConfig,
} from './verify/access-token-verifier.ts';
export { createIdentityRouter } from './http/identity-router.ts';
export type { IdentityService, TokenResponse } from './identity-service.ts';
export type { AccountInput } from './accounts/create-account.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo/demo-accounts.ts';
export { IdentityError, type IdentityErrorCode } from './errors.ts';
