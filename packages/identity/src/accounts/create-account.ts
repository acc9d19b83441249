import { randomUUID } from 'node:crypto';
import { isRole, type Grant } from '@dangvien/auth';
import { isUuid } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { IdentityDatabase } from '../database.ts';
import { hashPassword } from '../password/password.ts';
import { insertAccountIfMissing } from './account.repository.ts';
import { normalizeUsername } from './sign-in.ts';

export interface AccountInput {
  username: string;
  displayName: string;
  password: string;
  grants: readonly Grant[];
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const MIN_PASSWORD_LENGTH = 6;

/**
 * Creates a local account unless the username is taken; returns its id, or undefined when it
 * already existed (nothing is changed then). Throws on malformed input: this is an operator's call,
 * not a user's form.
 */
export async function createAccountIfMissing(db: Kysely<IdentityDatabase>, input: AccountInput): Promise<string | undefined> {
  const username = normalizeUsername(input.username);
  if (!USERNAME.test(username)) throw new Error(`Invalid username "${input.username}": 1–64 of a-z, 0-9, ".", "_", "-"`);
  const displayName = input.displayName.normalize('NFC').trim();
  if (displayName.length === 0) throw new Error(`Account ${username} needs a display name`);
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password of ${username} is shorter than ${MIN_PASSWORD_LENGTH}`);
  for (const grant of input.grants) {
    if (!isRole(grant.role) || !isUuid(grant.scopeUnitId)) throw new Error(`Invalid grant for ${username}: ${JSON.stringify(grant)}`);
  }
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const grants = input.grants.map((grant) => ({ role: grant.role, scopeUnitId: grant.scopeUnitId.toLowerCase() }));
  const created = await db
    .transaction()
    .execute((trx) => insertAccountIfMissing(trx, { id, username, displayName, passwordHash, grants }));
  return created ? id : undefined;
}
