import { sql, type Kysely } from 'kysely';

/**
 * Organization's read-only copy of where each member does party activity, fed by membership's
 * MemberPlaced and MembersMoved events: lets a split check the members it names before committing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE member_placement_replica (
    member_id uuid PRIMARY KEY,
    cell_id uuid,
    status text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX member_placement_replica_cell_idx ON member_placement_replica (cell_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE member_placement_replica`.execute(db);
}
