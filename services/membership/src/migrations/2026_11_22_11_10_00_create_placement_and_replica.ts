import { sql, type Kysely } from 'kysely';

/** Dated placements of members in cells, and the local read-only copy of the org tree. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE member_placement (
    id bigserial PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    cell_id uuid NOT NULL,
    valid_from date,
    valid_to date,
    operation_id uuid,
    CONSTRAINT member_placement_once_per_operation UNIQUE (member_id, operation_id)
  )`.execute(db);
  await sql`CREATE INDEX member_placement_member_idx ON member_placement (member_id, valid_from)`.execute(db);
  await sql`CREATE TABLE org_unit_replica (
    row_id bigserial PRIMARY KEY,
    id uuid NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    parent_id uuid,
    valid_from date,
    valid_to date
  )`.execute(db);
  await sql`CREATE INDEX org_unit_replica_id_idx ON org_unit_replica (id)`.execute(db);
  await sql`CREATE INDEX org_unit_replica_parent_idx ON org_unit_replica (parent_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE org_unit_replica`.execute(db);
  await sql`DROP TABLE member_placement`.execute(db);
}
