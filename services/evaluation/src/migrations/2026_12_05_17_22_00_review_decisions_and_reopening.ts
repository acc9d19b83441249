import { sql, type Kysely } from 'kysely';

/**
 * Corrections in evaluation. Every grade decision is kept in order (`review_decision`, append-only):
 * `review` holds the current grade, the latest decision. A closed cycle remembers the level that closed
 * it (the grant's unit), which alone, or a level above, may reopen it. Reviews decided before are
 * backfilled with one decision each, as recorded then.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE review_decision (
    id bigserial PRIMARY KEY,
    review_id uuid NOT NULL REFERENCES review (id),
    member_id uuid NOT NULL,
    cycle_id uuid REFERENCES review_cycle (id),
    year integer NOT NULL,
    period text NOT NULL CHECK (period IN ('YEAR', 'Q1', 'Q2', 'Q3', 'Q4')),
    score integer CHECK (score BETWEEN 0 AND 100),
    grade text NOT NULL CHECK (grade IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')),
    disciplined boolean NOT NULL DEFAULT false,
    rule_set_id uuid REFERENCES rule_set (id),
    reason text CHECK (reason = normalize(reason, NFC)),
    decision_number text CHECK (decision_number = normalize(decision_number, NFC)),
    decided_at timestamptz NOT NULL DEFAULT now(),
    decided_by text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX review_decision_review_idx ON review_decision (review_id, id)`.execute(db);
  await sql`CREATE FUNCTION review_decision_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'review_decision is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER review_decision_append_only BEFORE UPDATE OR DELETE ON review_decision
    FOR EACH ROW EXECUTE FUNCTION review_decision_is_append_only()`.execute(db);
  await sql`INSERT INTO review_decision (review_id, member_id, cycle_id, year, period, score, grade, disciplined, rule_set_id, decided_at, decided_by)
    SELECT id, member_id, cycle_id, year, period, score, grade, disciplined, rule_set_id, created_at, 'Dữ liệu trước khi lưu lịch sử xếp loại'
    FROM review WHERE grade IS NOT NULL ORDER BY created_at, id`.execute(db);

  await sql`ALTER TABLE review_cycle
    ADD COLUMN closed_at timestamptz,
    ADD COLUMN closed_by text,
    ADD COLUMN closed_scope_unit_id uuid`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE review_cycle DROP COLUMN closed_at, DROP COLUMN closed_by, DROP COLUMN closed_scope_unit_id`.execute(db);
  await sql`DROP TABLE review_decision`.execute(db);
  await sql`DROP FUNCTION review_decision_is_append_only()`.execute(db);
}
