export { ROLES, isRole, readableScopes, scopesWithRole, type Caller, type Grant, type Role } from './caller.ts';
export {
  generateGatewayKeys,
  internalTokenSigner,
  internalTokenVerifier,
  type GatewayKeys,
  type InternalTokenSigner,
  type InternalTokenVerifier,
} from './internal-token.ts';
export { AUDIT_READER_ROLES, MUTATION_ROLES, SENSITIVE_READER_ROLES, type MutationName } from './permissions.ts';
