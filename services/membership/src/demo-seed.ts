import { demoDataSet } from '@dangvien/demo-data';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from './database.ts';
import { insertMembers } from './member/member.repository.ts';

/** Writes the demo members when the table is empty; a second start keeps what is there. */
export async function seedDemo(db: Kysely<MembershipDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('member').select('id').limit(1).executeTakeFirst()) return;
    const members = demoDataSet().members.map((member) => ({
      id: member.id,
      full_name: member.fullName.normalize('NFC'),
      status: member.status,
      cell_id: member.cellId,
      date_of_birth: member.birthDate,
      sex: member.sex,
    }));
    await insertMembers(trx, members);
  });
}
