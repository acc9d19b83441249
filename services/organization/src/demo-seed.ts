import { demoDataSet } from '@dangvien/demo-data';
import type { Kysely } from 'kysely';
import type { OrgUnitCategory, ResidentialArea } from './category/category.ts';
import type { OrganizationDatabase } from './database.ts';
import { insertOrgUnits } from './org-unit/org-unit.repository.ts';

/** Writes the demo tree when the table is empty; a second start keeps what is there. */
export async function seedDemo(db: Kysely<OrganizationDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
    if (existing) return;
    const units = demoDataSet().orgUnits.map((unit) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parent_id: unit.parentId,
      established_on: unit.establishedOn,
      category: (unit.category ?? null) as OrgUnitCategory | null,
      residential_area: (unit.residentialArea ?? null) as ResidentialArea | null,
    }));
    await insertOrgUnits(trx, units);
  });
}
