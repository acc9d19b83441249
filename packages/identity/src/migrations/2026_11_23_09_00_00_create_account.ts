/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed Kysely<any> (they must not import app types) */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    // Normalised before insert; checked so that "Lan" and "lan" can never be two accounts.
    .addColumn('username', 'text', (column) =>
      column.notNull().unique().check(sql`username = lower(username) AND username = normalize(username, NFC) AND length(username) BETWEEN 1 AND 64`),
    )
    .addColumn('display_name', 'text', (column) => column.notNull().check(sql`display_name = normalize(display_name, NFC)`))
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('failed_attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('disabled', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('account_grant')
    .addColumn('account_id', 'uuid', (column) => column.notNull().references('account.id').onDelete('cascade'))
    .addColumn('role', 'text', (column) =>
      column
        .notNull()
        .check(sql`role IN ('CELL_SECRETARY', 'CELL_COMMITTEE', 'WARD_COMMITTEE', 'DISTRICT_BOARD', 'ANALYST', 'PROVINCIAL_SYSTEM', 'ADMIN')`),
    )
    .addColumn('scope_unit_id', 'uuid', (column) => column.notNull())
    .addPrimaryKeyConstraint('account_grant_pk', ['account_id', 'role', 'scope_unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_grant').execute();
  await db.schema.dropTable('account').execute();
}
