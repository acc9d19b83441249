import { sql, type Kysely } from 'kysely';

/**
 * Which unit took over from a unit that ended (dissolution, merger, split): the records of members who
 * left an ended cell stay readable by its successors (docs/permissions.md, "Members who have left").
 * Written by membership's handlers of OrgUnitDissolved and OrgUnitSplit. Dissolutions applied before
 * this table are read back from the placements they made: a move tagged with an operation starts on
 * the day the member's previous placement ended, in the successor.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE unit_successor (
    unit_id uuid NOT NULL,
    successor_id uuid NOT NULL,
    effective_date date NOT NULL,
    PRIMARY KEY (unit_id, successor_id),
    CHECK (unit_id <> successor_id)
  )`.execute(db);
  await sql`INSERT INTO unit_successor (unit_id, successor_id, effective_date)
    SELECT DISTINCT ON (before.cell_id, moved.cell_id) before.cell_id, moved.cell_id, moved.valid_from
    FROM member_placement moved
    JOIN member_placement before ON before.member_id = moved.member_id AND before.valid_to = moved.valid_from AND before.id <> moved.id
    WHERE moved.operation_id IS NOT NULL AND moved.valid_from IS NOT NULL AND before.cell_id <> moved.cell_id
    ORDER BY before.cell_id, moved.cell_id, moved.valid_from
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE unit_successor`.execute(db);
}
