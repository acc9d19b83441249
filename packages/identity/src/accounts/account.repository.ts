import type { Grant } from '@dangvien/auth';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AccountTable, IdentityDatabase, SignInOutcome } from '../database.ts';

export type AccountRow = Selectable<AccountTable>;

export function findAccountByUsername(db: Kysely<IdentityDatabase>, username: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findAccountById(db: Kysely<IdentityDatabase>, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGrants(db: Kysely<IdentityDatabase>, accountId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('account_grant')
    .select(['role', 'scope_unit_id'])
    .where('account_id', '=', accountId)
    .orderBy('role')
    .orderBy('scope_unit_id')
    .execute();
  return rows.map((row) => ({ role: row.role, scopeUnitId: row.scope_unit_id }));
}

export async function findExistingUsernames(db: Kysely<IdentityDatabase>, usernames: readonly string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db.selectFrom('account').select('username').where('username', 'in', usernames).execute();
  return new Set(rows.map((row) => row.username));
}

export interface NewAccount {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  grants: readonly Grant[];
}

/** Inserts the account and its grants; false (and nothing written) when the username is taken. Run it in a transaction. */
export async function insertAccountIfMissing(db: Kysely<IdentityDatabase>, account: NewAccount): Promise<boolean> {
  const inserted = await db
    .insertInto('account')
    .values({ id: account.id, username: account.username, display_name: account.displayName, password_hash: account.passwordHash, locked_until: null })
    .onConflict((conflict) => conflict.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  if (account.grants.length > 0) {
    await db
      .insertInto('account_grant')
      .values(account.grants.map((grant) => ({ account_id: account.id, role: grant.role, scope_unit_id: grant.scopeUnitId })))
      .execute();
  }
  return true;
}

export async function clearFailedAttempts(db: Kysely<IdentityDatabase>, accountId: string): Promise<void> {
  await db.updateTable('account').set({ failed_attempts: 0, locked_until: null }).where('id', '=', accountId).execute();
}

export interface SignInAuditEntry {
  at: Date;
  username: string;
  accountId: string | null;
  outcome: SignInOutcome;
  ip: string | null;
}

/**
 * The account's wrong passwords since `since` and since its last successful sign-in (from anywhere),
 * newest first, with the address each came from: what the per-address lock and the account-wide
 * slowdown count. Read from the append-only sign-in audit, so nothing else has to be kept in step.
 */
export async function recentFailures(db: Kysely<IdentityDatabase>, accountId: string, since: Date): Promise<{ at: Date; ip: string | null }[]> {
  return db
    .selectFrom('sign_in_audit')
    .select(['at', 'ip'])
    .where('account_id', '=', accountId)
    .where('outcome', '=', 'WRONG_PASSWORD')
    .where('at', '>', since)
    .where(sql<boolean>`id > (SELECT coalesce(max(id), 0) FROM sign_in_audit WHERE account_id = ${accountId} AND outcome = 'SUCCESS')`)
    .orderBy('id', 'desc')
    .execute();
}

export async function appendSignInAudit(db: Kysely<IdentityDatabase>, entry: SignInAuditEntry): Promise<void> {
  await db
    .insertInto('sign_in_audit')
    .values({ at: entry.at, username: entry.username, account_id: entry.accountId, outcome: entry.outcome, ip: entry.ip })
    .execute();
}
