import { sql, type Kysely } from 'kysely';

const TEXT_COLUMNS = [
  'birth_name',
  'ethnicity',
  'religion',
  'hometown',
  'residence',
  'phone',
  'education_level',
  'professional_qualification',
  'occupation',
  'workplace',
  'party_card_number',
  'profile_number',
];

/**
 * The member record (lý lịch, the 14-column register) and the lifecycle as dated events. `status`
 * stays on `member` as the value derived from the events (updated in the same transaction as each
 * event); `initial_status` is the status of members recorded before their history was (demo, imports).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE member
    ADD COLUMN birth_name text,
    ADD COLUMN sex text CHECK (sex IN ('MALE', 'FEMALE')),
    ADD COLUMN date_of_birth date,
    ADD COLUMN ethnicity text,
    ADD COLUMN religion text,
    ADD COLUMN hometown text,
    ADD COLUMN residence text,
    ADD COLUMN citizen_id text CHECK (citizen_id ~ '^[0-9]{12}$'),
    ADD COLUMN phone text,
    ADD COLUMN education_level text,
    ADD COLUMN professional_qualification text,
    ADD COLUMN political_theory_level text CHECK (political_theory_level IN ('SO_CAP', 'TRUNG_CAP', 'CAO_CAP', 'CU_NHAN')),
    ADD COLUMN occupation text,
    ADD COLUMN workplace text,
    ADD COLUMN party_card_number text,
    ADD COLUMN profile_number text,
    ADD COLUMN initial_status text,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`.execute(db);
  for (const column of TEXT_COLUMNS) {
    await sql`ALTER TABLE member ADD CONSTRAINT ${sql.raw(`member_${column}_nfc`)} CHECK (${sql.ref(column)} = normalize(${sql.ref(column)}, NFC))`.execute(db);
  }
  await sql`ALTER TABLE member DROP CONSTRAINT member_status_check`.execute(db);
  await sql`ALTER TABLE member ADD CONSTRAINT member_status_check CHECK (status IN ('CANDIDATE', 'PROBATIONARY', 'OFFICIAL', 'EXEMPT', 'LEFT', 'DECEASED'))`.execute(db);
  await sql`UPDATE member SET initial_status = status`.execute(db);
  await sql`CREATE UNIQUE INDEX member_citizen_id_key ON member (citizen_id)`.execute(db);
  await sql`CREATE UNIQUE INDEX member_party_card_number_key ON member (party_card_number)`.execute(db);
  await sql`CREATE INDEX member_name_birth_idx ON member (lower(full_name), date_of_birth)`.execute(db);

  await sql`CREATE TABLE member_party_card (
    id bigserial PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    card_number text NOT NULL CHECK (card_number = normalize(card_number, NFC)),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX member_party_card_number_idx ON member_party_card (card_number)`.execute(db);
  await sql`CREATE INDEX member_party_card_member_idx ON member_party_card (member_id, id)`.execute(db);

  await sql`CREATE TABLE member_event (
    id bigserial PRIMARY KEY,
    member_id uuid NOT NULL REFERENCES member (id),
    kind text NOT NULL CHECK (kind IN ('CANDIDATE', 'ADMITTED', 'OFFICIAL', 'EXEMPT', 'EXEMPT_ENDED', 'DISCIPLINE', 'NAME_REMOVED', 'LEFT', 'DIED', 'REINSTATED')),
    occurred_on date NOT NULL,
    decision_number text CHECK (decision_number = normalize(decision_number, NFC)),
    details jsonb NOT NULL DEFAULT '{}'::jsonb,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    recorded_by text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX member_event_member_idx ON member_event (member_id, occurred_on, id)`.execute(db);
  // Nothing is overwritten: events are only ever added.
  await sql`CREATE FUNCTION member_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`.execute(db);
  await sql`CREATE TRIGGER member_event_append_only BEFORE UPDATE OR DELETE ON member_event
    FOR EACH ROW EXECUTE FUNCTION member_history_is_append_only()`.execute(db);
  await sql`CREATE TRIGGER member_party_card_append_only BEFORE UPDATE OR DELETE ON member_party_card
    FOR EACH ROW EXECUTE FUNCTION member_history_is_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE member_event`.execute(db);
  await sql`DROP TABLE member_party_card`.execute(db);
  await sql`DROP FUNCTION member_history_is_append_only()`.execute(db);
  await sql`DROP INDEX member_name_birth_idx`.execute(db);
  await sql`DROP INDEX member_party_card_number_key`.execute(db);
  await sql`DROP INDEX member_citizen_id_key`.execute(db);
  await sql`ALTER TABLE member DROP CONSTRAINT member_status_check`.execute(db);
  await sql`ALTER TABLE member ADD CONSTRAINT member_status_check CHECK (status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT', 'LEFT', 'DECEASED'))`.execute(db);
  for (const column of TEXT_COLUMNS) await sql`ALTER TABLE member DROP CONSTRAINT ${sql.raw(`member_${column}_nfc`)}`.execute(db);
  await sql`ALTER TABLE member
    DROP COLUMN birth_name, DROP COLUMN sex, DROP COLUMN date_of_birth, DROP COLUMN ethnicity, DROP COLUMN religion,
    DROP COLUMN hometown, DROP COLUMN residence, DROP COLUMN citizen_id, DROP COLUMN phone, DROP COLUMN education_level,
    DROP COLUMN professional_qualification, DROP COLUMN political_theory_level, DROP COLUMN occupation, DROP COLUMN workplace,
    DROP COLUMN party_card_number, DROP COLUMN profile_number, DROP COLUMN initial_status, DROP COLUMN updated_at`.execute(db);
}
