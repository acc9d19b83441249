import { sql, type Kysely } from 'kysely';

/**
 * Each placement change knows when it stopped holding (`valid_to`: the date of the member's next
 * change; '-infinity' when the next one holds since always; null while it still holds). The placement
 * on a day is then a plain filter that an index on the cell can answer, instead of a DISTINCT ON over
 * every member's history, which took seconds at province scale.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE member_placement_change ADD COLUMN valid_to date`.execute(db);
  await sql`
    UPDATE member_placement_change c SET valid_to = n.next_from
    FROM (
      SELECT seq, lead(COALESCE(effective_from, '-infinity'::date)) OVER (PARTITION BY member_id ORDER BY effective_from NULLS FIRST, seq) AS next_from
      FROM member_placement_change
    ) n
    WHERE c.seq = n.seq AND n.next_from IS NOT NULL`.execute(db);
  await sql`DROP INDEX member_placement_change_cell_idx`.execute(db);
  await sql`CREATE INDEX member_placement_change_cell_idx ON member_placement_change (cell_id, effective_from)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX member_placement_change_cell_idx`.execute(db);
  await sql`CREATE INDEX member_placement_change_cell_idx ON member_placement_change (cell_id)`.execute(db);
  await sql`ALTER TABLE member_placement_change DROP COLUMN valid_to`.execute(db);
}
