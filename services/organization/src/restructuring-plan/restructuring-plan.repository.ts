import { sql, type Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';

/** The grassroots organizations (committees and grassroots cells) directly under a unit now, by id. */
export async function findGrassrootsUnder(trx: Transaction<OrganizationDatabase>, unitId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    SELECT v.unit_id AS id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
    WHERE v.parent_id = ${unitId}::uuid AND v.valid_to IS NULL AND u.kind IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL')
    ORDER BY v.unit_id`.execute(trx);
  return result.rows.map((row) => row.id);
}
