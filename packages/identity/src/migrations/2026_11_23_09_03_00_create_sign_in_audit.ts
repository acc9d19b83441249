/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed Kysely<any> (they must not import app types) */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_audit')
    .addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (column) => column.notNull())
    .addColumn('username', 'text', (column) => column.notNull())
    // No foreign key: the trail outlives a deleted account.
    .addColumn('account_id', 'uuid')
    .addColumn('outcome', 'text', (column) =>
      column
        .notNull()
        .check(sql`outcome IN ('SUCCESS', 'UNKNOWN_USER', 'WRONG_PASSWORD', 'LOCKED', 'DISABLED', 'REFRESH_TOKEN_REUSE')`),
    )
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sign_in_audit_account_idx').on('sign_in_audit').columns(['account_id', 'at']).execute();
  // Append-only, enforced by the database rather than by convention.
  await sql`
    CREATE FUNCTION sign_in_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'sign_in_audit is append-only';
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER sign_in_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON sign_in_audit
    FOR EACH ROW EXECUTE FUNCTION sign_in_audit_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER sign_in_audit_no_truncate BEFORE TRUNCATE ON sign_in_audit
    FOR EACH STATEMENT EXECUTE FUNCTION sign_in_audit_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_audit').execute();
  await sql`DROP FUNCTION sign_in_audit_append_only()`.execute(db);
}
