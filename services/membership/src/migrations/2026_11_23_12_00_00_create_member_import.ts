import { sql, type Kysely } from 'kysely';

/**
 * Member imports from spreadsheets: each import is a job whose progress a client polls (the import
 * itself runs in one transaction), and the column mapping each user chose for a set of headers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE member_import_job (
    id uuid PRIMARY KEY,
    actor_subject text NOT NULL,
    unit_id uuid NOT NULL,
    file_name text NOT NULL,
    mode text NOT NULL CHECK (mode IN ('VALID_ONLY', 'ALL_OR_NOTHING')),
    dry_run boolean NOT NULL,
    status text NOT NULL CHECK (status IN ('VALIDATED', 'REFUSED', 'RUNNING', 'DONE', 'FAILED')),
    total_rows integer NOT NULL,
    valid_rows integer NOT NULL,
    processed_rows integer NOT NULL DEFAULT 0,
    created_count integer NOT NULL DEFAULT 0,
    unchanged_count integer NOT NULL DEFAULT 0,
    skipped_count integer NOT NULL DEFAULT 0,
    problems jsonb NOT NULL DEFAULT '[]'::jsonb,
    message text,
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
  )`.execute(db);
  await sql`CREATE INDEX member_import_job_actor_idx ON member_import_job (actor_subject, created_at)`.execute(db);
  await sql`CREATE TABLE import_column_mapping (
    actor_subject text NOT NULL,
    header_key text NOT NULL,
    mapping jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (actor_subject, header_key)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE import_column_mapping`.execute(db);
  await sql`DROP TABLE member_import_job`.execute(db);
}
