import type { ColumnType, Generated } from 'kysely';
import type { Role } from '@dangvien/auth';

/** The identity's own database (`identity`). No subgraph reads these tables. */
export interface IdentityDatabase {
  account: AccountTable;
  account_grant: AccountGrantTable;
  refresh_token: RefreshTokenTable;
  signing_key: SigningKeyTable;
  sign_in_audit: SignInAuditTable;
  rate_limit: RateLimitTable;
}

export interface AccountTable {
  id: string;
  /** Lower case, NFC (checked by the database). */
  username: string;
  display_name: string;
  password_hash: string;
  /** Consecutive wrong passwords since the last success or lock. */
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface AccountGrantTable {
  account_id: string;
  role: Role;
  scope_unit_id: string;
}

export interface RefreshTokenTable {
  id: string;
  account_id: string;
  /** SHA-256 of the token (hex): a leaked table cannot be replayed. */
  token_hash: string;
  /** Every token rotated from one sign-in shares it; reuse of a rotated token revokes the whole family. */
  family_id: string;
  expires_at: Date;
  created_at: Date;
  /** Set when the token was exchanged for its successor. */
  rotated_at: Date | null;
  /** Set on logout, theft detection or a disabled account. */
  revoked_at: Date | null;
}

export interface SigningKeyTable {
  kid: string;
  algorithm: string;
  /** JWK JSON strings. */
  private_jwk: string;
  public_jwk: string;
  created_at: Date;
}

export type SignInOutcome = 'SUCCESS' | 'UNKNOWN_USER' | 'WRONG_PASSWORD' | 'LOCKED' | 'DISABLED' | 'REFRESH_TOKEN_REUSE';

export interface SignInAuditTable {
  id: Generated<number>;
  at: Date;
  /** As typed (trimmed, lower case); kept even when no such account exists. */
  username: string;
  account_id: string | null;
  outcome: SignInOutcome;
  ip: string | null;
}

/** The gateway's request counters, shared by its replicas (gateway/src/limits/rate-limit.ts). */
export interface RateLimitTable {
  key: string;
  points: number;
  /** End of the key's window, epoch milliseconds. */
  expire: number | null;
}
