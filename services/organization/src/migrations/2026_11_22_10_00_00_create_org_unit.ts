import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_unit')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('code', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) =>
      column
        .notNull()
        .check(sql`kind IN ('PROVINCE', 'DISTRICT', 'GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL', 'CELL', 'PARTY_GROUP')`),
    )
    .addColumn('parent_id', 'uuid', (column) => column.references('org_unit.id'))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('org_unit_parent_idx').on('org_unit').column('parent_id').execute();
  await db.schema.createIndex('org_unit_kind_idx').on('org_unit').columns(['kind', 'name']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('org_unit').execute();
}
