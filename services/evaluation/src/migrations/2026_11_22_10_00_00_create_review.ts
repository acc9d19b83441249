import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('member_id', 'uuid', (column) => column.notNull())
    .addColumn('year', 'integer', (column) => column.notNull().check(sql`year BETWEEN 1930 AND 2200`))
    .addColumn('score', 'integer', (column) => column.check(sql`score BETWEEN 0 AND 100`))
    .addColumn('grade', 'text', (column) => column.check(sql`grade IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')`))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('review_member_year_unique', ['member_id', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review').execute();
}
