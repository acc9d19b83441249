import { sql, type Kysely } from 'kysely';

/**
 * Delegations (đoàn cán bộ): an upper committee assigns members to direct a unit below it; each
 * delegate is responsible for an area (khu vực), registers work items (phần việc đăng ký) with their
 * results, and is rated at year end.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE delegation (
    id uuid PRIMARY KEY,
    assigning_unit_id uuid NOT NULL REFERENCES org_unit (id),
    target_unit_id uuid NOT NULL REFERENCES org_unit (id),
    name text NOT NULL,
    starts_on date NOT NULL,
    ends_on date,
    decision_number text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR starts_on < ends_on),
    CHECK (assigning_unit_id <> target_unit_id)
  )`.execute(db);
  await sql`CREATE INDEX delegation_assigning_idx ON delegation (assigning_unit_id)`.execute(db);
  await sql`CREATE INDEX delegation_target_idx ON delegation (target_unit_id)`.execute(db);
  await sql`CREATE TABLE delegate (
    id uuid PRIMARY KEY,
    delegation_id uuid NOT NULL REFERENCES delegation (id),
    member_id uuid NOT NULL,
    role text NOT NULL CHECK (role IN ('LEADER', 'DEPUTY_LEADER', 'MEMBER')),
    area_unit_id uuid REFERENCES org_unit (id),
    area_name text NOT NULL,
    UNIQUE (delegation_id, member_id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX delegate_one_leader_idx ON delegate (delegation_id) WHERE role = 'LEADER'`.execute(db);
  await sql`CREATE TABLE delegate_work_item (
    id uuid PRIMARY KEY,
    delegate_id uuid NOT NULL REFERENCES delegate (id),
    year int NOT NULL CHECK (year BETWEEN 1930 AND 2200),
    title text NOT NULL,
    registered_on date NOT NULL,
    result text CHECK (result IN ('EXCEEDED', 'DONE', 'IN_PROGRESS', 'NOT_DONE')),
    result_note text,
    result_recorded_on date,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX delegate_work_item_delegate_idx ON delegate_work_item (delegate_id, year)`.execute(db);
  await sql`CREATE TABLE delegate_rating (
    delegate_id uuid NOT NULL REFERENCES delegate (id),
    year int NOT NULL CHECK (year BETWEEN 1930 AND 2200),
    grade text NOT NULL CHECK (grade IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')),
    comment text,
    rated_on date NOT NULL,
    decision_number text NOT NULL,
    PRIMARY KEY (delegate_id, year)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE delegate_rating`.execute(db);
  await sql`DROP TABLE delegate_work_item`.execute(db);
  await sql`DROP TABLE delegate`.execute(db);
  await sql`DROP TABLE delegation`.execute(db);
}
