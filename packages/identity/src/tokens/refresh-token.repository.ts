import type { Kysely, Selectable } from 'kysely';
import type { IdentityDatabase, RefreshTokenTable } from '../database.ts';

export type RefreshTokenRow = Selectable<RefreshTokenTable>;

export async function insertRefreshToken(db: Kysely<IdentityDatabase>, row: RefreshTokenRow): Promise<void> {
  await db.insertInto('refresh_token').values(row).execute();
}

/** Locks the row: two refreshes with one token run one after the other, and the second sees it rotated. */
export function findRefreshTokenForUpdate(db: Kysely<IdentityDatabase>, tokenHash: string): Promise<RefreshTokenRow | undefined> {
  return db.selectFrom('refresh_token').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

export async function markRotated(db: Kysely<IdentityDatabase>, id: string, at: Date): Promise<void> {
  await db.updateTable('refresh_token').set({ rotated_at: at }).where('id', '=', id).execute();
}

/** Ends a sign-in: no token of the family refreshes any more. */
export async function revokeFamily(db: Kysely<IdentityDatabase>, familyId: string, at: Date): Promise<void> {
  await db.updateTable('refresh_token').set({ revoked_at: at }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
}

export async function findFamilyOf(db: Kysely<IdentityDatabase>, tokenHash: string): Promise<string | undefined> {
  const row = await db.selectFrom('refresh_token').select('family_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return row?.family_id;
}
