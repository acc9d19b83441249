import { sql, type Kysely } from 'kysely';

/**
 * A wrongly recorded event is annulled, never deleted: the row keeps what was recorded and gains who
 * annulled it, when and why. The history stays append-only except for this one change, made once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE member_event
    ADD COLUMN annulled_at timestamptz,
    ADD COLUMN annulled_by text,
    ADD COLUMN annulled_reason text CHECK (annulled_reason = normalize(annulled_reason, NFC)),
    ADD CONSTRAINT member_event_annulment_complete CHECK ((annulled_at IS NULL) = (annulled_by IS NULL) AND (annulled_at IS NULL) = (annulled_reason IS NULL))`.execute(db);
  await sql`CREATE FUNCTION member_event_only_annulled() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.annulled_at IS NULL AND NEW.annulled_at IS NOT NULL
        AND (NEW.id, NEW.member_id, NEW.kind, NEW.occurred_on, NEW.decision_number, NEW.details, NEW.recorded_at, NEW.recorded_by)
          IS NOT DISTINCT FROM (OLD.id, OLD.member_id, OLD.kind, OLD.occurred_on, OLD.decision_number, OLD.details, OLD.recorded_at, OLD.recorded_by)
      THEN RETURN NEW; END IF;
      RAISE EXCEPTION '% is append-only (an event may only be annulled, once)', TG_TABLE_NAME;
    END $$`.execute(db);
  await sql`DROP TRIGGER member_event_append_only ON member_event`.execute(db);
  await sql`CREATE TRIGGER member_event_append_only BEFORE UPDATE OR DELETE ON member_event
    FOR EACH ROW EXECUTE FUNCTION member_event_only_annulled()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER member_event_append_only ON member_event`.execute(db);
  await sql`CREATE TRIGGER member_event_append_only BEFORE UPDATE OR DELETE ON member_event
    FOR EACH ROW EXECUTE FUNCTION member_history_is_append_only()`.execute(db);
  await sql`DROP FUNCTION member_event_only_annulled()`.execute(db);
  await sql`ALTER TABLE member_event DROP CONSTRAINT member_event_annulment_complete, DROP COLUMN annulled_at, DROP COLUMN annulled_by, DROP COLUMN annulled_reason`.execute(db);
}
