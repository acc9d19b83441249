import { sql, type Kysely } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type { SavedQueryRow } from './saved-query.tables.ts';

/**
 * The caller's saved queries and the shared ones whose scope unit is one of the caller's scope roots or
 * above one (today's tree): sharing reaches everyone working inside the unit's subtree.
 */
export async function findVisibleSavedQueries(db: Kysely<OrganizationDatabase>, subject: string, scopes: readonly string[]): Promise<SavedQueryRow[]> {
  const above =
    scopes.length === 0
      ? []
      : (
          await sql<{ id: string }>`
            WITH RECURSIVE up(id, depth) AS (
              SELECT unnest(${[...scopes]}::uuid[]), 0
              UNION ALL
              SELECT v.parent_id, up.depth + 1 FROM up
              JOIN LATERAL (SELECT x.parent_id FROM org_unit_version x WHERE x.unit_id = up.id ORDER BY x.valid_from DESC NULLS LAST, x.version_id DESC LIMIT 1) v ON TRUE
              WHERE v.parent_id IS NOT NULL AND up.depth < 64
            )
            SELECT DISTINCT id FROM up`.execute(db)
        ).rows.map((row) => row.id);
  return db
    .selectFrom('saved_query')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where((eb) => (above.length === 0 ? eb('owner_subject', '=', subject) : eb.or([eb('owner_subject', '=', subject), eb.and([eb('shared', '=', true), eb('scope_unit_id', 'in', above)])])))
    .orderBy(sql`name COLLATE "vi-x-icu"`)
    .orderBy('id')
    .execute();
}

export async function lockSavedQuery(db: Kysely<OrganizationDatabase>, id: string): Promise<SavedQueryRow | undefined> {
  return db.selectFrom('saved_query').selectAll().where('id', '=', id).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
}
