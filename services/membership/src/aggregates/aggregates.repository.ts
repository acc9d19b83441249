import { inReplicaSubtreeWithin, withinReplicaScopes } from '@dangvien/org-replica';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { hasLeft, recordWithinScopes } from '../member/record-scope.ts';
import { IN_PARTY_STATUSES } from '../statistics/status-at.ts';

export interface SubtreeMemberCountsRow {
  unitId: string;
  byStatus: { value: string; count: number }[];
}

/** Where a member who left is counted with `includeLeft`: the status, or TRANSFERRED_OUT for one who keeps it outside the system. */
const LEFT_VALUES = ['LEFT', 'DECEASED', 'TRANSFERRED_OUT'] as const;

/**
 * Today's party members placed in the subtree of `unitId` by status, and whether the caller may read
 * the unit at all, in one statement (members' current status and cell are kept on the member row).
 * With `includeLeft`, also the records of members who left that the subtree holds (and the caller
 * may read): read by the rule of member/record-scope.ts, member by member, so only when asked for.
 */
export async function subtreeMemberCounts(db: Kysely<MembershipDatabase>, unitId: string, scopes: readonly string[], includeLeft = false): Promise<SubtreeMemberCountsRow | null> {
  if (scopes.length === 0) return null;
  const inParty = sql.join(IN_PARTY_STATUSES.map((status) => sql.lit(status)));
  const order = sql.join([...IN_PARTY_STATUSES, ...LEFT_VALUES].map((status) => sql.lit(status)));
  const leavers = includeLeft
    ? sql`UNION ALL
       SELECT CASE WHEN m.status IN ('LEFT', 'DECEASED') THEN m.status ELSE 'TRANSFERRED_OUT' END, count(*)::integer FROM member m
       WHERE ${hasLeft('m')} AND ${recordWithinScopes('m', [unitId])} AND ${recordWithinScopes('m', scopes)}
       GROUP BY 1`
    : sql``;
  const row = await sql<{ readable: boolean; by_status: { value: string; count: number }[] | null }>`
    SELECT ${withinReplicaScopes(sql`${unitId}::uuid`, scopes)} AS readable,
      (SELECT json_agg(json_build_object('value', counted.status, 'count', counted.n) ORDER BY array_position(ARRAY[${order}]::text[], counted.status))
       FROM (SELECT m.status, count(*)::integer AS n FROM member m
             WHERE m.status IN (${inParty}) AND ${inReplicaSubtreeWithin('m.cell_id', unitId, scopes)}
             GROUP BY m.status
             ${leavers}) counted(status, n)) AS by_status`.execute(db).then((result) => result.rows[0]!);
  return row.readable ? { unitId, byStatus: row.by_status ?? [] } : null;
}
