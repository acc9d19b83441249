import { sql, type Kysely } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';

/** The first of these codes (any case) some unit already has, live or ended; undefined when all are free. */
export async function findTakenCode(db: Kysely<OrganizationDatabase>, codes: readonly string[]): Promise<string | undefined> {
  const taken = await db
    .selectFrom('org_unit')
    .select('code')
    .where(sql<boolean>`lower(code) = ANY(${codes.map((code) => code.toLowerCase())}::text[])`)
    .executeTakeFirst();
  return taken?.code;
}
