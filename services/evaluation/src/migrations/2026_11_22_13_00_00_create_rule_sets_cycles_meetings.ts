import { sql, type Kysely } from 'kysely';

/**
 * Dated rule sets (Quy định 132, 124, 366), review cycles with self-reviews and proposals, decisions
 * recorded as reviews (with the cycle and the rule set they were made under), meetings and attendance.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE rule_set (
    id uuid PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    valid_from date NOT NULL UNIQUE,
    excellent_min_score integer NOT NULL CHECK (excellent_min_score BETWEEN 0 AND 100),
    good_min_score integer NOT NULL CHECK (good_min_score BETWEEN 0 AND 100),
    completed_min_score integer NOT NULL CHECK (completed_min_score BETWEEN 0 AND 100),
    excellent_requires_all_tasks boolean NOT NULL,
    excellent_min_exceeded_percent integer NOT NULL CHECK (excellent_min_exceeded_percent BETWEEN 0 AND 100),
    excellent_quota_percent integer NOT NULL CHECK (excellent_quota_percent BETWEEN 0 AND 100),
    residence_comment_required boolean NOT NULL,
    CHECK (completed_min_score <= good_min_score AND good_min_score <= excellent_min_score)
  )`.execute(db);
  // The numbers are the same in the three regulations as far as the sources say; they are data, not code.
  await sql`INSERT INTO rule_set VALUES
    ('40000000-0000-4000-8000-000000000132', '132-QĐ/TW', 'Quy định 132-QĐ/TW về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm', '2018-03-08', 90, 70, 50, true, 30, 20, true),
    ('40000000-0000-4000-8000-000000000124', '124-QĐ/TW', 'Quy định 124-QĐ/TW về kiểm điểm tự phê bình, phê bình và đánh giá, xếp loại chất lượng hằng năm', '2023-10-04', 90, 70, 50, true, 30, 20, true),
    ('40000000-0000-4000-8000-000000000366', '366-QĐ/TW', 'Quy định 366-QĐ/TW về kiểm điểm và đánh giá, xếp loại chất lượng', '2025-08-30', 90, 70, 50, true, 30, 20, true)
  `.execute(db);

  await sql`CREATE TABLE review_cycle (
    id uuid PRIMARY KEY,
    unit_id uuid NOT NULL,
    year integer NOT NULL CHECK (year BETWEEN 1930 AND 2200),
    period text NOT NULL CHECK (period IN ('YEAR', 'Q1', 'Q2', 'Q3', 'Q4')),
    closes_on date NOT NULL,
    status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    rule_set_id uuid NOT NULL REFERENCES rule_set (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT review_cycle_unit_period_unique UNIQUE (unit_id, year, period)
  )`.execute(db);

  await sql`CREATE TABLE self_review (
    cycle_id uuid NOT NULL REFERENCES review_cycle (id),
    member_id uuid NOT NULL,
    content text NOT NULL,
    submitted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cycle_id, member_id)
  )`.execute(db);

  await sql`CREATE TABLE grade_proposal (
    cycle_id uuid NOT NULL REFERENCES review_cycle (id),
    member_id uuid NOT NULL,
    score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
    grade text NOT NULL CHECK (grade IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')),
    disciplined boolean NOT NULL,
    all_tasks_done boolean NOT NULL,
    exceeded_task_percent integer NOT NULL CHECK (exceeded_task_percent BETWEEN 0 AND 100),
    rule_set_id uuid NOT NULL REFERENCES rule_set (id),
    proposed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cycle_id, member_id)
  )`.execute(db);

  // A decision is a review: the demo and earlier reviews are annual ('YEAR') without a cycle.
  await sql`ALTER TABLE review
    ADD COLUMN period text NOT NULL DEFAULT 'YEAR' CHECK (period IN ('YEAR', 'Q1', 'Q2', 'Q3', 'Q4')),
    ADD COLUMN cycle_id uuid REFERENCES review_cycle (id),
    ADD COLUMN rule_set_id uuid REFERENCES rule_set (id),
    ADD COLUMN disciplined boolean NOT NULL DEFAULT false`.execute(db);
  await sql`ALTER TABLE review DROP CONSTRAINT review_member_year_unique`.execute(db);
  await sql`ALTER TABLE review ADD CONSTRAINT review_member_year_unique UNIQUE (member_id, year, period)`.execute(db);
  await sql`CREATE INDEX review_cycle_idx ON review (cycle_id)`.execute(db);

  await sql`CREATE TABLE meeting (
    id uuid PRIMARY KEY,
    cell_id uuid NOT NULL,
    held_on date NOT NULL,
    kind text NOT NULL CHECK (kind IN ('REGULAR', 'THEMATIC')),
    agenda text NOT NULL,
    resolution text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX meeting_cell_idx ON meeting (cell_id, held_on)`.execute(db);
  await sql`CREATE TABLE attendance (
    meeting_id uuid NOT NULL REFERENCES meeting (id),
    member_id uuid NOT NULL,
    status text NOT NULL CHECK (status IN ('PRESENT', 'EXCUSED', 'ABSENT')),
    reason text,
    PRIMARY KEY (meeting_id, member_id)
  )`.execute(db);
  await sql`CREATE INDEX attendance_member_idx ON attendance (member_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE attendance`.execute(db);
  await sql`DROP TABLE meeting`.execute(db);
  await sql`ALTER TABLE review DROP CONSTRAINT review_member_year_unique`.execute(db);
  await sql`DELETE FROM review WHERE period <> 'YEAR'`.execute(db);
  await sql`ALTER TABLE review DROP COLUMN period, DROP COLUMN cycle_id, DROP COLUMN rule_set_id, DROP COLUMN disciplined`.execute(db);
  await sql`ALTER TABLE review ADD CONSTRAINT review_member_year_unique UNIQUE (member_id, year)`.execute(db);
  await sql`DROP TABLE grade_proposal`.execute(db);
  await sql`DROP TABLE self_review`.execute(db);
  await sql`DROP TABLE review_cycle`.execute(db);
  await sql`DROP TABLE rule_set`.execute(db);
}
