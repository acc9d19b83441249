/** Every access token we issue is for the dangvien gateway, whatever the issuer name. */
export const ACCESS_TOKEN_AUDIENCE = 'dangvien';
export const DEFAULT_ISSUER = 'dangvien-identity';
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** A sign-in lasts one working day: refresh tokens rotate, but the chain ends 12 h after the password was entered. */
export const DEFAULT_SESSION_TTL_SECONDS = 12 * 60 * 60;
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, durationSeconds: 15 * 60 };
export const DEFAULT_GRANTS_CLAIM = 'grants';

export interface LockoutPolicy {
  /** Consecutive wrong passwords that lock the account. */
  maxFailures: number;
  /** How long the lock lasts. */
  durationSeconds: number;
}

/** An external OpenID Connect issuer whose access tokens the gateway accepts instead of ours. */
export interface OidcConfig {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Name of the claim holding `[{ role, scopeUnitId }]`. */
  grantsClaim: string;
}

export interface IdentityOptions {
  /** The identity database (its own, never shared with a subgraph); created if missing, migrated on start. */
  databaseUrl: string;
  issuer?: string;
  accessTokenTtlSeconds?: number;
  /** Lifetime of a sign-in (the refresh-token chain). */
  sessionTtlSeconds?: number;
  lockout?: Partial<LockoutPolicy>;
  /** When set, the verifier accepts this issuer's tokens (and no longer ours). */
  oidc?: OidcConfig;
  /** The clock; tests move it instead of sleeping. */
  now?: () => Date;
}

export interface IdentityConfig {
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  sessionTtlSeconds: number;
  lockout: LockoutPolicy;
  oidc: OidcConfig | undefined;
  now: () => Date;
}

export function resolveConfig(options: Omit<IdentityOptions, 'databaseUrl'>): IdentityConfig {
  return {
    issuer: options.issuer ?? DEFAULT_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    accessTokenTtlSeconds: positive('accessTokenTtlSeconds', options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS),
    sessionTtlSeconds: positive('sessionTtlSeconds', options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS),
    lockout: {
      maxFailures: positive('lockout.maxFailures', options.lockout?.maxFailures ?? DEFAULT_LOCKOUT.maxFailures),
      durationSeconds: positive('lockout.durationSeconds', options.lockout?.durationSeconds ?? DEFAULT_LOCKOUT.durationSeconds),
    },
    oidc: options.oidc,
    now: options.now ?? (() => new Date()),
  };
}

/**
 * Options from the environment (everything but the database URL, which the process that mounts the
 * identity chooses): IDENTITY_ISSUER, IDENTITY_ACCESS_TOKEN_TTL_SECONDS, IDENTITY_SESSION_TTL_SECONDS,
 * IDENTITY_LOCKOUT_MAX_FAILURES, IDENTITY_LOCKOUT_SECONDS and the OIDC_* variables.
 */
export function identityOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<IdentityOptions, 'databaseUrl'> {
  return {
    issuer: nonEmpty(env.IDENTITY_ISSUER),
    accessTokenTtlSeconds: integerFrom(env, 'IDENTITY_ACCESS_TOKEN_TTL_SECONDS'),
    sessionTtlSeconds: integerFrom(env, 'IDENTITY_SESSION_TTL_SECONDS'),
    lockout: {
      maxFailures: integerFrom(env, 'IDENTITY_LOCKOUT_MAX_FAILURES'),
      durationSeconds: integerFrom(env, 'IDENTITY_LOCKOUT_SECONDS'),
    },
    oidc: oidcConfigFromEnv(env),
  };
}

/** OIDC_JWKS_URL switches to an external issuer; it then also needs OIDC_ISSUER (a token from any issuer must not pass). */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const jwksUrl = nonEmpty(env.OIDC_JWKS_URL);
  if (!jwksUrl) return undefined;
  const issuer = nonEmpty(env.OIDC_ISSUER);
  if (!issuer) throw new Error('OIDC_JWKS_URL is set but OIDC_ISSUER is not: tokens are accepted only from a named issuer.');
  new URL(jwksUrl); // throws early on a typo rather than on the first request
  return {
    jwksUrl,
    issuer,
    audience: nonEmpty(env.OIDC_AUDIENCE) ?? ACCESS_TOKEN_AUDIENCE,
    grantsClaim: nonEmpty(env.OIDC_GRANTS_CLAIM) ?? DEFAULT_GRANTS_CLAIM,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}

function integerFrom(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = nonEmpty(env[name]);
  return value === undefined ? undefined : positive(name, Number(value));
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got ${value}`);
  return value;
}
