import { inReplicaSubtrees } from '@dangvien/org-replica';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';

type Db = Kysely<MembershipDatabase>;

export interface SameCitizenIdRow {
  member_ids: string[];
}

/**
 * Members sharing one CCCD: recorded by committees that could not see each other (membership writes
 * such a record and reports the pair instead of refusing it, which would reveal the other), imported,
 * or a member who left and a new record. A group is listed only when every record holding the number
 * lies inside `unitId`'s subtree and `sensitiveScopes` (the level that sees both); one SQL statement.
 */
export async function sameCitizenId(db: Db, unitId: string, sensitiveScopes: readonly string[], first: number): Promise<SameCitizenIdRow[]> {
  if (sensitiveScopes.length === 0) return [];
  const inside = (column: string) => sql<boolean>`(${inReplicaSubtrees(column, [unitId])} AND ${inReplicaSubtrees(column, sensitiveScopes)})`;
  const result = await sql<SameCitizenIdRow>`
    SELECT array_agg(m.id ORDER BY m.given_name, m.full_name, m.id) AS member_ids
    FROM member m
    WHERE m.citizen_id IN (SELECT s.citizen_id FROM member s WHERE s.citizen_id IS NOT NULL AND ${inside('s.cell_id')})
    GROUP BY m.citizen_id
    HAVING count(*) > 1 AND bool_and(coalesce(${inside('m.cell_id')}, false))
    ORDER BY min(m.given_name), min(m.full_name), m.citizen_id
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
