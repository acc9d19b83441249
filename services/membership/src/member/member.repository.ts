import { sql, type Kysely, type Selectable } from 'kysely';
import type { MemberTable, MembershipDatabase } from '../database.ts';

export type MemberRow = Selectable<MemberTable>;

export function findMembersByIds(db: Kysely<MembershipDatabase>, ids: readonly string[]): Promise<MemberRow[]> {
  return db.selectFrom('member').selectAll().where('id', 'in', ids).execute();
}

/** Members of several cells at once, in Vietnamese order: given name, then the whole name. */
export function findMembersOfCells(db: Kysely<MembershipDatabase>, cellIds: readonly string[]): Promise<MemberRow[]> {
  return db
    .selectFrom('member')
    .selectAll()
    .where('cell_id', 'in', cellIds)
    .orderBy(sql`given_name COLLATE "vi-x-icu"`)
    .orderBy(sql`full_name COLLATE "vi-x-icu"`)
    .execute();
}

export async function insertMembers(
  db: Kysely<MembershipDatabase>,
  members: readonly Pick<MemberRow, 'id' | 'full_name' | 'status' | 'cell_id'>[],
): Promise<void> {
  if (members.length > 0) await db.insertInto('member').values([...members]).execute();
}
