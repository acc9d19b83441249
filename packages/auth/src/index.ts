export { ROLES, isRole, readableScopes, scopesWithRole, type Caller, type Grant, type Role } from './caller.ts';
export {
  generateGatewayKeys,
  internalTokenSigner,
  internalTokenVerifier,
  internalJwks,
  keyId,
  INTERNAL_TOKEN,
  type PublishedKey,
  type JWK,
  type GatewayKeys,
  type InternalTokenSigner,
  type InternalTokenVerifier,
} from './internal-token.ts';
export { AUDIT_READER_ROLES, MUTATION_ROLES, SENSITIVE_READER_ROLES, type MutationName } from './permissions.ts';
