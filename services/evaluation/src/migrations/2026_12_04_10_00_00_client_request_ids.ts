import { sql, type Kysely } from 'kysely';

/**
 * Idempotent writes from an offline client: a meeting's minutes and a task assignment carry the key
 * the client generated once for the change (clientRequestId), unique, so a change resent after its
 * answer was lost finds the row it already made instead of making a second one. Rows written
 * before, and writes without a key, hold null (NULLs never collide in a unique index).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE meeting ADD COLUMN client_request_id uuid`.execute(db);
  await sql`CREATE UNIQUE INDEX meeting_client_request_unique ON meeting (client_request_id)`.execute(db);
  await sql`ALTER TABLE task ADD COLUMN client_request_id uuid`.execute(db);
  await sql`CREATE UNIQUE INDEX task_client_request_unique ON task (client_request_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE task DROP COLUMN client_request_id`.execute(db);
  await sql`ALTER TABLE meeting DROP COLUMN client_request_id`.execute(db);
}
