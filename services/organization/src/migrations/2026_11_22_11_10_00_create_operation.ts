import { sql, type Kysely } from 'kysely';

/** Unit lifetimes, and operations that span subgraphs (pending until every part has applied). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE org_unit
    ADD COLUMN established_on date,
    ADD COLUMN ended_on date,
    ADD COLUMN successor_id uuid REFERENCES org_unit (id),
    ADD COLUMN end_decision text`.execute(db);
  await sql`CREATE TABLE operation (
    id uuid PRIMARY KEY,
    kind text NOT NULL,
    subject_id uuid NOT NULL,
    status text NOT NULL CHECK (status IN ('PENDING', 'COMPLETED')),
    requested_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz
  )`.execute(db);
  // One part per subgraph and unit: a merge of three units waits for three moves.
  await sql`CREATE TABLE operation_part (
    operation_id uuid NOT NULL REFERENCES operation (id),
    part text NOT NULL,
    unit_id uuid NOT NULL,
    status text NOT NULL CHECK (status IN ('PENDING', 'COMPLETED')),
    detail jsonb,
    applied_at timestamptz,
    PRIMARY KEY (operation_id, part, unit_id)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE operation_part`.execute(db);
  await sql`DROP TABLE operation`.execute(db);
  await sql`ALTER TABLE org_unit DROP COLUMN end_decision, DROP COLUMN successor_id, DROP COLUMN ended_on, DROP COLUMN established_on`.execute(db);
}
