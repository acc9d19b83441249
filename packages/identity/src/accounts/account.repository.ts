import type { Grant } from '@dangvien/auth';
import type { Kysely, Selectable } from 'kysely';
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

/**
 * Counts one wrong password in a single statement (concurrent attempts cannot both read the old
 * count). The attempt that reaches the limit locks the account and starts the count again, so the
 * account gets a fresh set of attempts once the lock ends. Returns the lock end if this attempt locked it.
 */
export async function recordFailedAttempt(
  db: Kysely<IdentityDatabase>,
  accountId: string,
  lockedUntilIfReached: Date,
  maxFailures: number,
): Promise<Date | null> {
  const row = await db
    .updateTable('account')
    .set((eb) => {
      const reached = eb(eb('failed_attempts', '+', 1), '>=', maxFailures);
      return {
        failed_attempts: eb.case().when(reached).then(0).else(eb('failed_attempts', '+', 1)).end(),
        locked_until: eb.case().when(reached).then(lockedUntilIfReached).else(eb.ref('locked_until')).end(),
      };
    })
    .where('id', '=', accountId)
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirstOrThrow();
  return row.failed_attempts === 0 ? row.locked_until : null;
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

export async function appendSignInAudit(db: Kysely<IdentityDatabase>, entry: SignInAuditEntry): Promise<void> {
  await db
    .insertInto('sign_in_audit')
    .values({ at: entry.at, username: entry.username, account_id: entry.accountId, outcome: entry.outcome, ip: entry.ip })
    .execute();
}
