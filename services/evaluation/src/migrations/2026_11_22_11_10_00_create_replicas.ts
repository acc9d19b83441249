import { sql, type Kysely } from 'kysely';

/** Local read-only copies: the org tree (from organization) and where each member is (from membership). */
export async function up(db: Kysely<any>): Promise<void> {
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
  await sql`CREATE TABLE member_replica (
    member_id uuid PRIMARY KEY,
    cell_id uuid,
    status text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX member_replica_cell_idx ON member_replica (cell_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE member_replica`.execute(db);
  await sql`DROP TABLE org_unit_replica`.execute(db);
}
