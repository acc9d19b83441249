import { sql, type Kysely } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type { OrgUnitChangeKind } from '../generated/graphql.ts';

/** One unit's change on one day, as the versioned tree recorded it (a version's start, or the unit's end). */
export interface SubtreeChangeRow {
  unit_id: string;
  kind: OrgUnitChangeKind;
  day: string;
  decision_number: string | null;
  name: string;
  previous_name: string | null;
  parent_id: string | null;
  previous_parent_id: string | null;
  successor_id: string | null;
}

/** The operation that ended or created a unit (a split names its new units; the others the units that end). */
export interface UnitOperationRow {
  unit_id: string;
  operation_id: string;
  kind: string;
}

/**
 * The changes of `unitId` and of every unit below it at the time, dated between `from` and `to`,
 * counting only the days each unit lay inside the caller's scope. The subtree is walked through time:
 * each unit carries the date range it was under `unitId` (and in scope); a change counts when its day,
 * or the day before (a unit moved out, or ended), lies in that range.
 */
export async function findSubtreeChanges(
  db: Kysely<OrganizationDatabase>,
  request: { unitId: string; from: string | null; to: string | null; scopeIds: readonly string[] },
): Promise<SubtreeChangeRow[]> {
  const result = await sql<SubtreeChangeRow>`
    WITH RECURSIVE scoped(unit_id, during, depth) AS (
      SELECT v.unit_id, daterange(v.valid_from, v.valid_to), 0 FROM org_unit_version v WHERE v.unit_id = ANY(${[...request.scopeIds]}::uuid[])
      UNION ALL
      SELECT c.unit_id, s.during * daterange(c.valid_from, c.valid_to), s.depth + 1
      FROM scoped s JOIN org_unit_version c ON c.parent_id = s.unit_id AND s.during && daterange(c.valid_from, c.valid_to)
      WHERE s.depth < 64
    ),
    sub(unit_id, during, depth) AS (
      SELECT unit_id, during, 0 FROM scoped WHERE unit_id = ${request.unitId}::uuid
      UNION ALL
      SELECT c.unit_id, s.during * daterange(c.valid_from, c.valid_to), s.depth + 1
      FROM sub s JOIN org_unit_version c ON c.parent_id = s.unit_id AND s.during && daterange(c.valid_from, c.valid_to)
      WHERE s.depth < 64
    ),
    units AS (SELECT DISTINCT unit_id FROM sub),
    changes AS (
      SELECT v.unit_id, v.change AS kind, v.valid_from AS day,
        CASE WHEN v.change = 'CREATED' THEN coalesce(v.decision_number, u.established_decision) ELSE v.decision_number END AS decision_number,
        v.name, lag(v.name) OVER w AS previous_name, v.parent_id, lag(v.parent_id) OVER w AS previous_parent_id, NULL::uuid AS successor_id
      FROM org_unit_version v JOIN units ON units.unit_id = v.unit_id JOIN org_unit u ON u.id = v.unit_id
      WINDOW w AS (PARTITION BY v.unit_id ORDER BY v.valid_from NULLS FIRST, v.version_id)
      UNION ALL
      SELECT u.id, 'ENDED', u.ended_on, u.end_decision, last.name, NULL, last.parent_id, NULL, u.successor_id
      FROM org_unit u JOIN units ON units.unit_id = u.id
      JOIN LATERAL (SELECT x.name, x.parent_id FROM org_unit_version x WHERE x.unit_id = u.id ORDER BY x.valid_from DESC NULLS LAST LIMIT 1) last ON TRUE
      WHERE u.ended_on IS NOT NULL
    )
    SELECT DISTINCT ON (c.day, c.unit_id, c.kind)
      c.unit_id, c.kind, c.day::text AS day, c.decision_number, c.name, c.previous_name, c.parent_id, c.previous_parent_id, c.successor_id
    FROM changes c
    WHERE c.day IS NOT NULL
      AND (${request.from}::date IS NULL OR c.day >= ${request.from}::date)
      AND (${request.to}::date IS NULL OR c.day <= ${request.to}::date)
      AND EXISTS (SELECT 1 FROM sub s WHERE s.unit_id = c.unit_id AND (s.during @> c.day OR s.during @> (c.day - 1)))
    ORDER BY c.day DESC, c.unit_id, c.kind`.execute(db);
  return result.rows;
}

/** The operations that ended units (dissolution, merger, the reform) or created them (a split), or split them. */
export async function findOperationsOfUnits(db: Kysely<OrganizationDatabase>, unitIds: readonly string[]): Promise<UnitOperationRow[]> {
  if (unitIds.length === 0) return [];
  const result = await sql<UnitOperationRow>`
    SELECT DISTINCT p.unit_id, o.id AS operation_id, o.kind FROM operation o JOIN operation_part p ON p.operation_id = o.id
    WHERE p.unit_id = ANY(${[...unitIds]}::uuid[])
    UNION
    SELECT o.subject_id, o.id, o.kind FROM operation o WHERE o.kind = 'SPLIT_ORG_UNIT' AND o.subject_id = ANY(${[...unitIds]}::uuid[])`.execute(db);
  return result.rows;
}
