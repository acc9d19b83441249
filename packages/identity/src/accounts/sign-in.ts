import type { Kysely } from 'kysely';
import type { IdentityConfig } from '../config.ts';
import type { IdentityDatabase, SignInOutcome } from '../database.ts';
import { accountDisabled, accountLocked, invalidCredentials } from '../errors.ts';
import { verifyAgainstDummy, verifyPassword } from '../password/password.ts';
import {
  appendSignInAudit,
  clearFailedAttempts,
  findAccountByUsername,
  recordFailedAttempt,
  type AccountRow,
} from './account.repository.ts';

export interface SignInAttempt {
  username: string;
  password: string;
  ip: string | null;
}

/** Usernames are compared trimmed, lower case and NFC, so that "BiThu.TDP1 " signs in as bithu.tdp1. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/**
 * Checks a username and password with lockout; every attempt is audited. Throws IdentityError:
 * the same INVALID_CREDENTIALS for an unknown user and a wrong password, ACCOUNT_LOCKED while locked
 * (without looking at the password, so guessing stops), ACCOUNT_DISABLED only to someone who knows the password.
 */
export async function signIn(db: Kysely<IdentityDatabase>, config: IdentityConfig, attempt: SignInAttempt): Promise<AccountRow> {
  const username = normalizeUsername(attempt.username);
  const now = config.now();
  const audit = (outcome: SignInOutcome, accountId: string | null): Promise<void> =>
    appendSignInAudit(db, { at: now, username, accountId, outcome, ip: attempt.ip });

  const account = await findAccountByUsername(db, username);
  if (!account) {
    await verifyAgainstDummy(attempt.password);
    await audit('UNKNOWN_USER', null);
    throw invalidCredentials();
  }
  if (account.locked_until && account.locked_until > now) {
    await audit('LOCKED', account.id);
    throw accountLocked(secondsBetween(now, account.locked_until));
  }
  if (!(await verifyPassword(attempt.password, account.password_hash))) {
    const lockEnd = new Date(now.getTime() + config.lockout.durationSeconds * 1000);
    const lockedUntil = await recordFailedAttempt(db, account.id, lockEnd, config.lockout.maxFailures);
    await audit(lockedUntil ? 'LOCKED' : 'WRONG_PASSWORD', account.id);
    // The attempt that locks the account says so: the user learns why the next try will fail too.
    throw lockedUntil ? accountLocked(secondsBetween(now, lockedUntil)) : invalidCredentials();
  }
  if (account.disabled) {
    await audit('DISABLED', account.id);
    throw accountDisabled();
  }
  await clearFailedAttempts(db, account.id);
  await audit('SUCCESS', account.id);
  return account;
}

function secondsBetween(from: Date, to: Date): number {
  return Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000));
}
