import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('full_name', 'text', (column) => column.notNull().check(sql`full_name = normalize(full_name, NFC)`))
    .addColumn('given_name', 'text', (column) =>
      column.notNull().generatedAlwaysAs(sql`regexp_replace(full_name, '^.*\\s', '')`).stored(),
    )
    .addColumn('status', 'text', (column) =>
      column.notNull().check(sql`status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT', 'LEFT', 'DECEASED')`),
    )
    .addColumn('cell_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('member_cell_idx').on('member').column('cell_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('member').execute();
}
