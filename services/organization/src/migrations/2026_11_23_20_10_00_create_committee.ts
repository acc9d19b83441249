import { sql, type Kysely } from 'kysely';

/**
 * Committees (cấp ủy / chi ủy) by term (nhiệm kỳ) and the positions members hold in them, each dated:
 * valid from (inclusive) to (exclusive; null = still), with the decisions that opened and ended them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE committee_term (
    id uuid PRIMARY KEY,
    unit_id uuid NOT NULL REFERENCES org_unit (id),
    name text NOT NULL,
    starts_on date NOT NULL,
    ends_on date,
    decision_number text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR starts_on < ends_on)
  )`.execute(db);
  await sql`CREATE INDEX committee_term_unit_idx ON committee_term (unit_id, starts_on)`.execute(db);
  await sql`CREATE UNIQUE INDEX committee_term_open_idx ON committee_term (unit_id) WHERE ends_on IS NULL`.execute(db);
  await sql`CREATE TABLE committee_position (
    id uuid PRIMARY KEY,
    term_id uuid NOT NULL REFERENCES committee_term (id),
    unit_id uuid NOT NULL REFERENCES org_unit (id),
    member_id uuid NOT NULL,
    position text NOT NULL CHECK (position IN ('SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_COMMITTEE_MEMBER', 'COMMITTEE_MEMBER')),
    starts_on date NOT NULL,
    ends_on date,
    decision_number text NOT NULL,
    end_decision_number text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR starts_on < ends_on)
  )`.execute(db);
  await sql`CREATE INDEX committee_position_unit_idx ON committee_position (unit_id, starts_on)`.execute(db);
  await sql`CREATE INDEX committee_position_member_idx ON committee_position (member_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE committee_position`.execute(db);
  await sql`DROP TABLE committee_term`.execute(db);
}
