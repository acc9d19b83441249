import { inReplicaSubtrees } from '@dangvien/org-replica';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';

type Db = Kysely<MembershipDatabase>;

export interface CitizenIdConflictRow {
  holder_id: string;
  attempted_at: Date;
  attempted_by: string;
  operation: string;
  attempted_cell_id: string | null;
  attempted_member_id: string | null;
}

/**
 * CCCDs refused because another member holds them (member.repository's reportDuplicateElsewhere writes
 * them to the audit log): those whose holder is placed inside `unitId`'s subtree and `sensitiveScopes`.
 * The attempted cell is named only when it lies inside `readableScopes` too.
 */
export async function citizenIdConflicts(db: Db, unitId: string, sensitiveScopes: readonly string[], readableScopes: readonly string[], first: number): Promise<CitizenIdConflictRow[]> {
  if (sensitiveScopes.length === 0) return [];
  const attemptedCell = sql`(a.after->>'cellId')::uuid`;
  const result = await sql<CitizenIdConflictRow>`
    SELECT m.id AS holder_id, a.occurred_at AS attempted_at, a.actor_name AS attempted_by, a.after->>'refusedOperation' AS operation,
      CASE WHEN ${attemptedCell} IS NOT NULL AND ${inReplicaSubtrees(attemptedCell, readableScopes)} THEN ${attemptedCell} END AS attempted_cell_id,
      (a.after->>'memberId')::uuid AS attempted_member_id
    FROM audit_log a
    JOIN member m ON m.id::text = a.entity_id
    WHERE a.operation = 'duplicateRefused' AND a.after->>'field' = 'citizenId'
      AND m.citizen_id IS NOT NULL
      AND ${inReplicaSubtrees('m.cell_id', [unitId])}
      AND ${inReplicaSubtrees('m.cell_id', sensitiveScopes)}
    ORDER BY a.id DESC
    LIMIT ${first}`.execute(db);
  return result.rows;
}

export interface SameNameAndBirthRow {
  full_name: string;
  date_of_birth: string;
  member_ids: string[];
}

/** Members in the Party inside `unitId`'s subtree sharing a full name (ignoring case) and a date of birth. */
export async function sameNameAndBirth(db: Db, unitId: string, first: number): Promise<SameNameAndBirthRow[]> {
  const result = await sql<SameNameAndBirthRow>`
    SELECT min(m.full_name) AS full_name, to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, array_agg(m.id ORDER BY m.full_name, m.id) AS member_ids
    FROM member m
    WHERE m.date_of_birth IS NOT NULL
      AND m.status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT')
      AND ${inReplicaSubtrees('m.cell_id', [unitId])}
    GROUP BY lower(m.full_name), m.date_of_birth
    HAVING count(*) > 1
    ORDER BY min(m.given_name), min(m.full_name), m.date_of_birth
    LIMIT ${first}`.execute(db);
  return result.rows;
}

export interface MemberWithoutCellRow {
  member_id: string;
  placed_at: string;
  since: string | null;
}

/**
 * Members in the Party placed at a unit that is not a cell today: a committee (e.g. their cell was
 * dissolved with the ward as successor) or a unit that has ended. A member placed nowhere has left the
 * system (transfer out) and is read through the transfer that took them.
 */
export async function membersWithoutCell(db: Db, unitId: string, first: number): Promise<MemberWithoutCellRow[]> {
  const result = await sql<MemberWithoutCellRow>`
    SELECT m.id AS member_id, m.cell_id AS placed_at, to_char(placement.valid_from, 'YYYY-MM-DD') AS since
    FROM member m
    LEFT JOIN LATERAL (
      SELECT p.valid_from FROM member_placement p WHERE p.member_id = m.id AND p.valid_to IS NULL ORDER BY p.valid_from DESC NULLS LAST, p.id DESC LIMIT 1
    ) placement ON true
    WHERE m.status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT')
      AND ${inReplicaSubtrees('m.cell_id', [unitId])}
      AND NOT EXISTS (
        SELECT 1 FROM org_unit_replica u
        WHERE u.id = m.cell_id AND u.kind IN ('CELL', 'GRASSROOTS_CELL') AND (u.valid_from IS NULL OR u.valid_from <= current_date) AND (u.valid_to IS NULL OR u.valid_to > current_date)
      )
    ORDER BY m.given_name, m.full_name, m.id
    LIMIT ${first}`.execute(db);
  return result.rows;
}

/** What a MemberDataQuality's fields receive: the unit whose subtree is checked (already found readable). */
export interface DataQualityScope {
  unitId: string;
}
