import { sql, type Kysely } from 'kysely';

/** Member imports are read and checked in the background too (a 10,000-row .xlsx takes seconds to read): a job starts VALIDATING. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE member_import_job DROP CONSTRAINT member_import_job_status_check`.execute(db);
  await sql`ALTER TABLE member_import_job ADD CONSTRAINT member_import_job_status_check CHECK (status IN ('VALIDATING', 'VALIDATED', 'REFUSED', 'RUNNING', 'DONE', 'FAILED'))`.execute(db);
  await sql`ALTER TABLE member_import_job ALTER COLUMN total_rows SET DEFAULT 0, ALTER COLUMN valid_rows SET DEFAULT 0`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE member_import_job DROP CONSTRAINT member_import_job_status_check`.execute(db);
  await sql`ALTER TABLE member_import_job ADD CONSTRAINT member_import_job_status_check CHECK (status IN ('VALIDATED', 'REFUSED', 'RUNNING', 'DONE', 'FAILED'))`.execute(db);
}
