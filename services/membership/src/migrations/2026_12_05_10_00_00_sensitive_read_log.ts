import { sql, type Kysely } from 'kysely';

/**
 * The processing log of sensitive personal data (Decree 356/2025 under Law 91/2025/QH15): who read
 * which member's CCCD, ethnicity or religion, when, and in which operation, one row per request and
 * member, listing the fields. Append-only, like audit_log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE sensitive_read_log (
    id bigserial PRIMARY KEY,
    read_at timestamptz NOT NULL DEFAULT now(),
    request_id uuid NOT NULL,
    actor_subject text NOT NULL,
    actor_name text NOT NULL,
    actor_roles text NOT NULL,
    operation text NOT NULL,
    member_id uuid NOT NULL,
    fields text[] NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX sensitive_read_log_member_idx ON sensitive_read_log (member_id, id DESC)`.execute(db);
  await sql`CREATE FUNCTION sensitive_read_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'sensitive_read_log is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER sensitive_read_log_append_only BEFORE UPDATE OR DELETE ON sensitive_read_log
    FOR EACH ROW EXECUTE FUNCTION sensitive_read_log_is_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE sensitive_read_log`.execute(db);
  await sql`DROP FUNCTION sensitive_read_log_is_append_only()`.execute(db);
}
