import { insertMembers, type MembershipDatabase } from '@dangvien/membership/bulk';
import type { Kysely } from 'kysely';
import { demoDataSet } from '@dangvien/demo-data';

/** The demo members, when membership's table is empty (the tree arrives as organization's events). */
export async function seedMembership(database: Kysely<unknown>): Promise<void> {
  const db = database as Kysely<MembershipDatabase>;
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('member').select('id').limit(1).executeTakeFirst()) return;
    await insertMembers(
      trx,
      demoDataSet().members.map((member) => ({
        id: member.id,
        full_name: member.fullName.normalize('NFC'),
        status: member.status,
        cell_id: member.cellId,
        date_of_birth: member.birthDate,
        sex: member.sex,
      })),
    );
  });
}
