import { sql, type Kysely } from 'kysely';

/**
 * Analytics at province scale: each meeting carries its attendance counts (written with the
 * attendance, which is never edited), so a year's attendance rate sums meetings instead of counting
 * millions of attendance rows; and a year's grades are read from an index holding what they need.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE meeting
    ADD COLUMN present_count integer NOT NULL DEFAULT 0,
    ADD COLUMN excused_count integer NOT NULL DEFAULT 0,
    ADD COLUMN absent_count integer NOT NULL DEFAULT 0`.execute(db);
  await sql`
    UPDATE meeting SET present_count = counts.present, excused_count = counts.excused, absent_count = counts.absent
    FROM (
      SELECT meeting_id,
             count(*) FILTER (WHERE status = 'PRESENT') AS present,
             count(*) FILTER (WHERE status = 'EXCUSED') AS excused,
             count(*) FILTER (WHERE status = 'ABSENT') AS absent
      FROM attendance GROUP BY meeting_id
    ) counts
    WHERE counts.meeting_id = meeting.id`.execute(db);
  await sql`CREATE INDEX review_year_idx ON review (year, period) INCLUDE (member_id, grade)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX review_year_idx`.execute(db);
  await sql`ALTER TABLE meeting DROP COLUMN present_count, DROP COLUMN excused_count, DROP COLUMN absent_count`.execute(db);
}
