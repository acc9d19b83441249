import type { Kysely } from 'kysely';
import type { IdentityConfig } from '../config.ts';
import type { IdentityDatabase, SignInOutcome } from '../database.ts';
import { accountDisabled, accountLocked, invalidCredentials } from '../errors.ts';
import { verifyAgainstDummy, verifyPassword } from '../password/password.ts';
import { appendSignInAudit, clearFailedAttempts, findAccountByUsername, recentFailures, type AccountRow } from './account.repository.ts';

/**
 * Past this many times `maxFailures` wrong passwords on one account within the lockout window, from
 * any addresses, every answer about that account waits `SLOWDOWN_MS` first: guessing from many
 * addresses slows to a crawl, and the owner still signs in.
 */
const SLOWDOWN_FACTOR = 4;
const SLOWDOWN_MS = 2000;

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
 * Checks a username and password; every attempt is audited. Throws IdentityError: the same
 * INVALID_CREDENTIALS for an unknown user and a wrong password, ACCOUNT_DISABLED only to someone who
 * knows the password, and ACCOUNT_LOCKED to **an address** that gave `maxFailures` wrong passwords
 * within the lockout window (since the account's last success): a stranger elsewhere cannot lock the
 * owner out. While locked the password is still hashed and thrown away, so a locked answer takes as
 * long as a wrong one (no timing tells a lock, or a right password, apart). Beyond SLOWDOWN_FACTOR
 * times the limit from all addresses together, every answer about the account is slowed.
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
  const { maxFailures, durationSeconds } = config.lockout;
  const failures = await recentFailures(db, account.id, new Date(now.getTime() - durationSeconds * 1000));
  const fromHere = failures.filter((failure) => failure.ip === attempt.ip);
  /** The lock of this address: until the window no longer holds `maxFailures` of its failures. */
  const lockEnd = (newestFirst: readonly { at: Date }[]): Date | null =>
    newestFirst.length >= maxFailures ? new Date(newestFirst[maxFailures - 1]!.at.getTime() + durationSeconds * 1000) : null;
  if (failures.length >= maxFailures * SLOWDOWN_FACTOR) await new Promise((resolve) => setTimeout(resolve, SLOWDOWN_MS));

  const lockedUntil = lockEnd(fromHere);
  const passwordRight = await verifyPassword(attempt.password, account.password_hash);
  if (lockedUntil && lockedUntil > now) {
    await audit('LOCKED', account.id);
    throw accountLocked(secondsBetween(now, lockedUntil));
  }
  if (!passwordRight) {
    await audit('WRONG_PASSWORD', account.id);
    // The attempt that locks this address says so: the user learns why the next try will fail too.
    const nowLocked = lockEnd([{ at: now }, ...fromHere]);
    throw nowLocked && nowLocked > now ? accountLocked(secondsBetween(now, nowLocked)) : invalidCredentials();
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
