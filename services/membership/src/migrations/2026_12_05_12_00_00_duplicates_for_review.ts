import { sql, type Kysely } from 'kysely';

/**
 * A CCCD or party card number already on a member the caller may not read is no longer refused (the
 * refusal itself told the caller the number belongs to a Party member elsewhere): the record is
 * written, and the pair is a possible duplicate for the level that sees both (data quality). So the
 * numbers are indexed for lookup, not unique; a number repeated inside one caller's reach is still
 * refused by the mutation, under an advisory lock on the number (member.repository.ts: checkUnique).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX member_citizen_id_key`.execute(db);
  await sql`DROP INDEX member_party_card_number_key`.execute(db);
  await sql`CREATE INDEX member_citizen_id_idx ON member (citizen_id) WHERE citizen_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX member_current_party_card_idx ON member (party_card_number) WHERE party_card_number IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX member_current_party_card_idx`.execute(db);
  await sql`DROP INDEX member_citizen_id_idx`.execute(db);
  await sql`CREATE UNIQUE INDEX member_citizen_id_key ON member (citizen_id)`.execute(db);
  await sql`CREATE UNIQUE INDEX member_party_card_number_key ON member (party_card_number)`.execute(db);
}
