import { sql, type Kysely } from 'kysely';

/** The outbox of events this subgraph publishes, its positions in the feeds it consumes, and the audit log. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE outbox_event (
    position bigserial PRIMARY KEY,
    id uuid NOT NULL UNIQUE,
    type text NOT NULL,
    aggregate_id uuid NOT NULL,
    payload jsonb NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE consumer_position (producer text PRIMARY KEY, position bigint NOT NULL)`.execute(db);
  await sql`CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_subject text NOT NULL,
    actor_name text NOT NULL,
    actor_roles text NOT NULL,
    operation text NOT NULL,
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    before jsonb,
    after jsonb
  )`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
  // Append-only: history is never rewritten, not even by the service itself.
  await sql`CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE audit_log`.execute(db);
  await sql`DROP FUNCTION audit_log_is_append_only()`.execute(db);
  await sql`DROP TABLE consumer_position`.execute(db);
  await sql`DROP TABLE outbox_event`.execute(db);
}
