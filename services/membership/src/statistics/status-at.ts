import { sql, type RawBuilder } from 'kysely';

/**
 * SQL for a member's lifecycle status at the end of `date`, from the events up to that day: the same
 * answer as `statusOn` in lifecycle.ts for a valid history, but inside a set-based query (statistics,
 * dues and alerts count thousands of members in one statement). `member` is the alias of a `member` row.
 * A discipline short of expulsion does not change the status; after an exemption ends or a
 * reinstatement the member is official if made official before (or recorded without history as such).
 */
export function statusAtSql(member: string, date: RawBuilder<unknown>): RawBuilder<string | null> {
  const m = sql.raw(member);
  return sql<string | null>`coalesce((
    SELECT CASE
      WHEN e.kind = 'CANDIDATE' THEN 'CANDIDATE'
      WHEN e.kind = 'ADMITTED' THEN 'PROBATIONARY'
      WHEN e.kind = 'OFFICIAL' THEN 'OFFICIAL'
      WHEN e.kind = 'EXEMPT' THEN 'EXEMPT'
      WHEN e.kind IN ('EXEMPT_ENDED', 'REINSTATED') THEN
        CASE WHEN coalesce(${m}.initial_status, 'PROBATIONARY') NOT IN ('PROBATIONARY', 'CANDIDATE')
          OR EXISTS (SELECT 1 FROM member_event o WHERE o.member_id = ${m}.id AND o.kind = 'OFFICIAL' AND o.annulled_at IS NULL AND o.occurred_on <= ${date})
        THEN 'OFFICIAL' ELSE 'PROBATIONARY' END
      WHEN e.kind = 'DIED' THEN 'DECEASED'
      ELSE 'LEFT'
    END
    FROM member_event e
    WHERE e.member_id = ${m}.id AND e.occurred_on <= ${date} AND e.annulled_at IS NULL
      AND (e.kind <> 'DISCIPLINE' OR e.details->>'disciplineLevel' = 'EXPULSION')
    ORDER BY e.occurred_on DESC, e.id DESC
    LIMIT 1
  ), ${m}.initial_status)`;
}

/** Statuses of people counted as party members (the candidates are not yet; the others are no longer). */
export const IN_PARTY_STATUSES = ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'] as const;

/**
 * SQL: the versions of units inside the subtree of `root` with the interval each was inside it
 * (tree as it stood: a unit counts only while it and every ancestor link were valid). Columns: id,
 * inside_from, inside_to (exclusive).
 */
export function subtreeIntervalsSql(root: string | RawBuilder<unknown>): RawBuilder<{ id: string; inside_from: string; inside_to: string }> {
  // A root may be a column of an outer row (each child of a unit in one statement: childStatistics).
  const rootId = typeof root === 'string' ? sql`${root}::uuid` : root;
  return sql`
    WITH RECURSIVE versions AS (
      SELECT id, parent_id, coalesce(valid_from, '-infinity'::date) AS valid_from, coalesce(valid_to, 'infinity'::date) AS valid_to FROM org_unit_replica
    ), inside AS (
      SELECT id, valid_from AS inside_from, valid_to AS inside_to FROM versions WHERE id = ${rootId}
      UNION ALL
      SELECT child.id, greatest(child.valid_from, inside.inside_from), least(child.valid_to, inside.inside_to)
      FROM versions child JOIN inside ON child.parent_id = inside.id
      WHERE child.valid_from < inside.inside_to AND child.valid_to > inside.inside_from
    )
    SELECT id, inside_from, inside_to FROM inside`;
}
