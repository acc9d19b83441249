import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendSignInAudit, findAccountById, type AccountRow } from '../accounts/account.repository.ts';
import type { IdentityDatabase } from '../database.ts';
import { invalidRefreshToken } from '../errors.ts';
import { findFamilyOf, findRefreshTokenForUpdate, insertRefreshToken, markRotated, revokeFamily } from './refresh-token.repository.ts';

/**
 * Refresh tokens are opaque random strings (32 bytes, base64url). Only their SHA-256 is stored: they
 * carry 256 bits of entropy, so a plain hash is enough (no KDF) and a copy of the table cannot be replayed.
 * Each use rotates the token; the chain of one sign-in is a "family" sharing one absolute expiry.
 */
function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Starts a new family (a sign-in) and returns its first token and the family's id. */
export async function startRefreshFamily(db: Kysely<IdentityDatabase>, accountId: string, now: Date, ttlSeconds: number): Promise<{ refreshToken: string; familyId: string }> {
  const familyId = randomUUID();
  return { refreshToken: await issueInFamily(db, accountId, familyId, now, new Date(now.getTime() + ttlSeconds * 1000)), familyId };
}

/** Whether a sign-in may still be used: not revoked (sign-out, reuse), not past its absolute expiry, its account enabled. */
export async function isFamilyActive(db: Kysely<IdentityDatabase>, familyId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('refresh_token')
    .innerJoin('account', 'account.id', 'refresh_token.account_id')
    .select('refresh_token.id')
    .where('refresh_token.family_id', '=', familyId)
    .where('refresh_token.revoked_at', 'is', null)
    .where('refresh_token.expires_at', '>', now)
    .where('account.disabled', '=', false)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Exchanges a refresh token for its successor and returns the account. A token already exchanged
 * means a copy is in someone else's hands: the whole family is revoked, the successor included, and
 * the attempt is audited. Throws INVALID_REFRESH_TOKEN for any refusal.
 */
export async function rotateRefreshToken(
  db: Kysely<IdentityDatabase>,
  token: string,
  now: Date,
  ip: string | null,
): Promise<{ account: AccountRow; refreshToken: string; familyId: string }> {
  // The transaction returns a refusal instead of throwing, so that a revocation it wrote is committed.
  const result = await db.transaction().execute(async (trx) => {
    const row = await findRefreshTokenForUpdate(trx, hashRefreshToken(token));
    if (!row || row.revoked_at || row.expires_at <= now) return undefined;
    const account = await findAccountById(trx, row.account_id);
    if (row.rotated_at || !account || account.disabled) {
      await revokeFamily(trx, row.family_id, now);
      if (row.rotated_at && account) {
        await appendSignInAudit(trx, { at: now, username: account.username, accountId: account.id, outcome: 'REFRESH_TOKEN_REUSE', ip });
      }
      return undefined;
    }
    await markRotated(trx, row.id, now);
    const refreshToken = await issueInFamily(trx, account.id, row.family_id, now, row.expires_at);
    return { account, refreshToken, familyId: row.family_id };
  });
  if (!result) throw invalidRefreshToken();
  return result;
}

/** Logout: ends the sign-in the token belongs to and returns its id. Unknown tokens are ignored (logout is idempotent). */
export async function revokeRefreshFamily(db: Kysely<IdentityDatabase>, token: string, now: Date): Promise<string | undefined> {
  const familyId = await findFamilyOf(db, hashRefreshToken(token));
  if (familyId) await revokeFamily(db, familyId, now);
  return familyId;
}

async function issueInFamily(db: Kysely<IdentityDatabase>, accountId: string, familyId: string, now: Date, expiresAt: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertRefreshToken(db, {
    id: randomUUID(),
    account_id: accountId,
    token_hash: hashRefreshToken(token),
    family_id: familyId,
    expires_at: expiresAt,
    created_at: now,
    rotated_at: null,
    revoked_at: null,
  });
  return token;
}
