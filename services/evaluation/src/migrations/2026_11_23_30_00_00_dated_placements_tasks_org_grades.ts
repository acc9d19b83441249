import { sql, type Kysely } from 'kysely';

/**
 * Dated copies of what membership tells evaluation (placement and status changes, discipline,
 * Regulation 213 residence links and comments), task assignment with periodic reviews, and the
 * grades of organizations decided by the level above.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per change a placement event describes, valid from its date (null: since before anything
  // we know). The placement on a day is the latest change on or before it; `seq` breaks ties in event order.
  await sql`CREATE TABLE member_placement_change (
    seq bigserial PRIMARY KEY,
    member_id uuid NOT NULL,
    cell_id uuid,
    status text NOT NULL,
    effective_from date
  )`.execute(db);
  await sql`CREATE INDEX member_placement_change_member_idx ON member_placement_change (member_id, effective_from)`.execute(db);
  await sql`CREATE INDEX member_placement_change_cell_idx ON member_placement_change (cell_id)`.execute(db);
  // What was known before dates were kept holds since always.
  await sql`INSERT INTO member_placement_change (member_id, cell_id, status, effective_from) SELECT member_id, cell_id, status, NULL FROM member_replica`.execute(db);

  await sql`CREATE TABLE member_discipline (
    member_id uuid NOT NULL,
    form text NOT NULL,
    effective_date date NOT NULL,
    PRIMARY KEY (member_id, effective_date, form)
  )`.execute(db);
  await sql`CREATE TABLE residence_link (
    seq bigserial PRIMARY KEY,
    member_id uuid NOT NULL,
    residence_cell_id uuid,
    valid_from date NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX residence_link_member_idx ON residence_link (member_id, valid_from)`.execute(db);
  await sql`CREATE TABLE residence_comment (
    member_id uuid NOT NULL,
    year integer NOT NULL,
    residence_cell_id uuid NOT NULL,
    recorded_on date NOT NULL,
    PRIMARY KEY (member_id, year)
  )`.execute(db);

  await sql`CREATE TABLE task (
    id uuid PRIMARY KEY,
    cell_id uuid NOT NULL,
    title text NOT NULL,
    area text,
    households text[] NOT NULL DEFAULT '{}',
    starts_on date NOT NULL,
    ends_on date,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
  )`.execute(db);
  await sql`CREATE INDEX task_cell_idx ON task (cell_id)`.execute(db);
  await sql`CREATE TABLE task_assignment (
    task_id uuid NOT NULL REFERENCES task (id),
    member_id uuid NOT NULL,
    assigned_on date NOT NULL,
    ended_on date,
    PRIMARY KEY (task_id, assigned_on),
    CHECK (ended_on IS NULL OR ended_on >= assigned_on)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX task_assignment_open_idx ON task_assignment (task_id) WHERE ended_on IS NULL`.execute(db);
  await sql`CREATE INDEX task_assignment_member_idx ON task_assignment (member_id)`.execute(db);
  await sql`CREATE TABLE task_review (
    id uuid PRIMARY KEY,
    task_id uuid NOT NULL REFERENCES task (id),
    member_id uuid NOT NULL,
    reviewed_on date NOT NULL,
    result text NOT NULL CHECK (result IN ('EXCEEDED', 'DONE', 'IN_PROGRESS', 'NOT_DONE')),
    comment text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX task_review_task_idx ON task_review (task_id, reviewed_on)`.execute(db);

  // A unit may run a cycle for its members and one for the organizations it grades in the same period.
  await sql`ALTER TABLE review_cycle ADD COLUMN subject text NOT NULL DEFAULT 'MEMBERS' CHECK (subject IN ('MEMBERS', 'ORGANIZATIONS'))`.execute(db);
  await sql`ALTER TABLE review_cycle DROP CONSTRAINT review_cycle_unit_period_unique`.execute(db);
  await sql`ALTER TABLE review_cycle ADD CONSTRAINT review_cycle_unit_period_unique UNIQUE (unit_id, year, period, subject)`.execute(db);
  await sql`CREATE TABLE organization_review (
    id uuid PRIMARY KEY,
    unit_id uuid NOT NULL,
    cycle_id uuid NOT NULL REFERENCES review_cycle (id),
    year integer NOT NULL,
    period text NOT NULL CHECK (period IN ('YEAR', 'Q1', 'Q2', 'Q3', 'Q4')),
    score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
    grade text NOT NULL CHECK (grade IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')),
    disciplined boolean NOT NULL,
    rule_set_id uuid NOT NULL REFERENCES rule_set (id),
    decided_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organization_review_unit_period_unique UNIQUE (unit_id, year, period)
  )`.execute(db);
  await sql`CREATE INDEX organization_review_cycle_idx ON organization_review (cycle_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE organization_review`.execute(db);
  await sql`DELETE FROM review_cycle WHERE subject = 'ORGANIZATIONS'`.execute(db);
  await sql`ALTER TABLE review_cycle DROP CONSTRAINT review_cycle_unit_period_unique`.execute(db);
  await sql`ALTER TABLE review_cycle ADD CONSTRAINT review_cycle_unit_period_unique UNIQUE (unit_id, year, period)`.execute(db);
  await sql`ALTER TABLE review_cycle DROP COLUMN subject`.execute(db);
  await sql`DROP TABLE task_review`.execute(db);
  await sql`DROP TABLE task_assignment`.execute(db);
  await sql`DROP TABLE task`.execute(db);
  await sql`DROP TABLE residence_comment`.execute(db);
  await sql`DROP TABLE residence_link`.execute(db);
  await sql`DROP TABLE member_discipline`.execute(db);
  await sql`DROP TABLE member_placement_change`.execute(db);
}
