import { sql, type Kysely } from 'kysely';

/**
 * Organization's copy of placements becomes dated: one row per placement or status change, valid from
 * the event's effectiveDate (null: since before anything we know) until the next change begins, so a
 * committee appointment is checked against where the member was on its start date. What the copy held
 * so far holds since always.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE member_placement_replica DROP CONSTRAINT member_placement_replica_pkey`.execute(db);
  await sql`ALTER TABLE member_placement_replica ADD COLUMN seq bigserial PRIMARY KEY`.execute(db);
  await sql`ALTER TABLE member_placement_replica ADD COLUMN valid_from date, ADD COLUMN valid_to date`.execute(db);
  await sql`CREATE INDEX member_placement_replica_member_idx ON member_placement_replica (member_id, valid_from)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Back to one row per member: the latest change of each.
  await sql`DELETE FROM member_placement_replica r WHERE EXISTS (
    SELECT 1 FROM member_placement_replica later
    WHERE later.member_id = r.member_id AND (COALESCE(later.valid_from, '-infinity'::date), later.seq) > (COALESCE(r.valid_from, '-infinity'::date), r.seq)
  )`.execute(db);
  await sql`DROP INDEX member_placement_replica_member_idx`.execute(db);
  await sql`ALTER TABLE member_placement_replica DROP COLUMN seq, DROP COLUMN valid_from, DROP COLUMN valid_to`.execute(db);
  await sql`ALTER TABLE member_placement_replica ADD PRIMARY KEY (member_id)`.execute(db);
}
