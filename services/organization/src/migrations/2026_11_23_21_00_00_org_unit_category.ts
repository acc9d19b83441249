import { sql, type Kysely } from 'kysely';

// Frozen copy of the categories of this day; later additions get their own migration.
const CATEGORIES = ['WARD', 'COMMUNE', 'TOWNSHIP', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'ARMED_FORCES', 'RESIDENTIAL', 'OTHER'];
const RESIDENTIAL_AREAS = ['KHU_DAN_CU', 'KHU_PHO', 'TO_DAN_PHO', 'AP', 'THON'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('org_unit')
    .addColumn('category', 'text', (column) => column.check(sql`category IN (${sql.join(CATEGORIES.map((value) => sql.lit(value)))})`))
    .addColumn('residential_area', 'text', (column) => column.check(sql`residential_area IN (${sql.join(RESIDENTIAL_AREAS.map((value) => sql.lit(value)))})`))
    .execute();
  await sql`ALTER TABLE org_unit ADD CONSTRAINT org_unit_residential_area_only_residential CHECK (residential_area IS NULL OR category = 'RESIDENTIAL')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('org_unit').dropColumn('residential_area').dropColumn('category').execute();
}
