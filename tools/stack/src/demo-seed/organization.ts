import { insertOrgUnits, type OrganizationDatabase } from '@dangvien/organization/bulk';
import type { Kysely } from 'kysely';
import { demoDataSet } from '@dangvien/demo-data';

/** The demo tree, when organization's table is empty. */
export async function seedOrganization(database: Kysely<unknown>): Promise<void> {
  const db = database as Kysely<OrganizationDatabase>;
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('org_unit').select('id').limit(1).executeTakeFirst()) return;
    await insertOrgUnits(
      trx,
      demoDataSet().orgUnits.map((unit) => ({
        id: unit.id,
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parent_id: unit.parentId,
        established_on: unit.establishedOn,
        category: unit.category ?? null,
        residential_area: unit.residentialArea ?? null,
      })),
    );
  });
}
