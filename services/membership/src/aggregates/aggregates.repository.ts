import { inReplicaSubtreeWithin, withinReplicaScopes } from '@dangvien/org-replica';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { IN_PARTY_STATUSES } from '../statistics/status-at.ts';

export interface SubtreeMemberCountsRow {
  unitId: string;
  byStatus: { value: string; count: number }[];
}

/**
 * Today's party members placed in the subtree of `unitId` by status, and whether the caller may read
 * the unit at all, in one statement (members' current status and cell are kept on the member row).
 */
export async function subtreeMemberCounts(db: Kysely<MembershipDatabase>, unitId: string, scopes: readonly string[]): Promise<SubtreeMemberCountsRow | null> {
  if (scopes.length === 0) return null;
  const inParty = sql.join(IN_PARTY_STATUSES.map((status) => sql.lit(status)));
  const row = await sql<{ readable: boolean; by_status: { value: string; count: number }[] | null }>`
    SELECT ${withinReplicaScopes(sql`${unitId}::uuid`, scopes)} AS readable,
      (SELECT json_agg(json_build_object('value', counted.status, 'count', counted.n) ORDER BY array_position(ARRAY[${inParty}]::text[], counted.status))
       FROM (SELECT m.status, count(*)::integer AS n FROM member m
             WHERE m.status IN (${inParty}) AND ${inReplicaSubtreeWithin('m.cell_id', unitId, scopes)}
             GROUP BY m.status) counted) AS by_status`.execute(db).then((result) => result.rows[0]!);
  return row.readable ? { unitId, byStatus: row.by_status ?? [] } : null;
}
