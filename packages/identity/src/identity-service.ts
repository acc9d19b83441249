import type { Grant } from '@dangvien/auth';
import type { JSONWebKeySet } from 'jose';
import type { Kysely } from 'kysely';
import { findGrants, type AccountRow } from './accounts/account.repository.ts';
import { signIn } from './accounts/sign-in.ts';
import type { IdentityConfig } from './config.ts';
import type { IdentityDatabase } from './database.ts';
import { publicKeySet, type SigningKey } from './keys/signing-key.ts';
import { signAccessToken } from './tokens/access-token.ts';
import { revokeRefreshFamily, rotateRefreshToken, startRefreshFamily } from './tokens/refresh-tokens.ts';
import type { SessionCheck } from './tokens/session-check.ts';

/** What /auth/login and /auth/refresh answer. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: { id: string; name: string; grants: Grant[] };
}

/** The issuer's operations, independent of HTTP; inputs are already checked for type and length. */
export interface IdentityService {
  login(input: { username: string; password: string; ip?: string | null }): Promise<TokenResponse>;
  refresh(input: { refreshToken: string; ip?: string | null }): Promise<TokenResponse>;
  logout(refreshToken: string): Promise<void>;
  jwks(): Promise<JSONWebKeySet>;
}

export function createIdentityService(db: Kysely<IdentityDatabase>, config: IdentityConfig, key: SigningKey, sessions: SessionCheck): IdentityService {
  /** Grants are read at every login and refresh, so a changed grant takes effect within one access-token lifetime. */
  const tokensFor = async (account: AccountRow, refreshToken: string, familyId: string): Promise<TokenResponse> => {
    const grants = await findGrants(db, account.id);
    const caller = { subject: account.id, name: account.display_name, grants };
    return {
      accessToken: await signAccessToken(key, config, caller, familyId),
      refreshToken,
      expiresIn: config.accessTokenTtlSeconds,
      user: { id: account.id, name: account.display_name, grants },
    };
  };
  return {
    async login({ username, password, ip = null }) {
      const account = await signIn(db, config, { username, password, ip });
      const { refreshToken, familyId } = await startRefreshFamily(db, account.id, config.now(), config.sessionTtlSeconds);
      return tokensFor(account, refreshToken, familyId);
    },
    async refresh({ refreshToken, ip = null }) {
      const rotated = await rotateRefreshToken(db, refreshToken, config.now(), ip);
      return tokensFor(rotated.account, rotated.refreshToken, rotated.familyId);
    },
    async logout(refreshToken) {
      const familyId = await revokeRefreshFamily(db, refreshToken, config.now());
      if (familyId) sessions.forget(familyId);
    },
    jwks: () => publicKeySet(db),
  };
}
