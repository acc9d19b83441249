import { sql, type Kysely } from 'kysely';

/**
 * Idempotent dues payments from an offline client: the payment carries the key the client generated
 * once for it (clientRequestId), unique, so a payment resent after its answer was lost finds the row
 * it already made instead of being counted twice. Earlier payments, and payments without a key, hold
 * null (NULLs never collide in a unique index). Adding a column updates no row, so the append-only
 * trigger is not involved.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE dues_payment ADD COLUMN client_request_id uuid`.execute(db);
  await sql`CREATE UNIQUE INDEX dues_payment_client_request_unique ON dues_payment (client_request_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE dues_payment DROP COLUMN client_request_id`.execute(db);
}
