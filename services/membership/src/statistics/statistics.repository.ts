import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberStatistics } from '../generated/graphql.ts';
import type { OrgUnitReference } from '../org-unit.ts';
import { IN_PARTY_STATUSES, statusAtSql, subtreeIntervalsSql } from './status-at.ts';

/** What memberStatistics resolves to: its figures; byChildUnit is resolved from them when asked for. */
export type MemberStatisticsFigures = Omit<MemberStatistics, 'unit' | 'byChildUnit'> & { unit: OrgUnitReference };

export type Dimension = 'status' | 'sex' | 'ageBand' | 'ethnicity' | 'educationLevel' | 'politicalTheoryLevel' | 'unitKind';
export interface DimensionCount {
  dimension: Dimension;
  value: string | null;
  count: number;
}

export interface PeriodCounts {
  admitted: number;
  madeOfficial: number;
  expelled: number;
  namesRemoved: number;
  left: number;
  died: number;
  transferredIn: number;
  transferredOut: number;
}

/** SQL: `cell` (a uuid expression) was inside the unit's subtree on `date`, the tree as it stood. */
const insideOn = (cell: RawBuilder<unknown>, date: RawBuilder<unknown>) =>
  sql<boolean>`EXISTS (SELECT 1 FROM inside WHERE inside.id = ${cell} AND inside.inside_from <= ${date} AND inside.inside_to > ${date})`;

/**
 * Party members placed in the subtree of `unitId` on `asOf` (the tree and the placements as they
 * stood), counted by status and by each profile dimension; and the units of the subtree by kind.
 * One statement; `withEthnicity` false leaves the sensitive dimension out of the SQL altogether.
 */
export async function membersOnDate(db: Kysely<MembershipDatabase>, unitId: string, asOf: string, withEthnicity: boolean): Promise<DimensionCount[]> {
  const day = sql`${asOf}::date`;
  const inParty = sql.join(IN_PARTY_STATUSES.map((status) => sql.lit(status)));
  const ageBand = sql`CASE
      WHEN present.date_of_birth IS NULL THEN NULL
      WHEN date_part('year', age(${day}, present.date_of_birth)) <= 30 THEN '18-30'
      WHEN date_part('year', age(${day}, present.date_of_birth)) <= 40 THEN '31-40'
      WHEN date_part('year', age(${day}, present.date_of_birth)) <= 50 THEN '41-50'
      WHEN date_part('year', age(${day}, present.date_of_birth)) <= 60 THEN '51-60'
      WHEN date_part('year', age(${day}, present.date_of_birth)) <= 70 THEN '61-70'
      ELSE '71+' END`;
  const dimensions: [Dimension, RawBuilder<unknown>][] = [
    ['status', sql`present.status`],
    ['sex', sql`present.sex`],
    ['ageBand', ageBand],
    ...(withEthnicity ? ([['ethnicity', sql`present.ethnicity`]] as [Dimension, RawBuilder<unknown>][]) : []),
    ['educationLevel', sql`present.education_level`],
    ['politicalTheoryLevel', sql`present.political_theory_level`],
  ];
  const result = await sql<{ dimension: Dimension; value: string | null; count: number }>`
    WITH inside AS (${subtreeIntervalsSql(unitId)}),
    present AS MATERIALIZED (
      SELECT * FROM (
        SELECT DISTINCT ON (m.id) m.id, m.sex, m.date_of_birth, m.ethnicity, m.education_level, m.political_theory_level, ${statusAtSql('m', day)} AS status
        FROM member m
        JOIN member_placement p ON p.member_id = m.id
          AND (p.valid_from IS NULL OR p.valid_from <= ${day}) AND (p.valid_to IS NULL OR p.valid_to > ${day})
        WHERE ${insideOn(sql`p.cell_id`, day)}
        ORDER BY m.id, p.valid_from DESC NULLS LAST
      ) placed
      WHERE placed.status IN (${inParty})
    )
    ${sql.join(
      dimensions.map(([name, expression]) => sql`SELECT ${name}::text AS dimension, (${expression})::text AS value, count(*)::integer AS count FROM present GROUP BY 2`),
      sql` UNION ALL `,
    )}
    UNION ALL
    SELECT 'unitKind', live.kind, count(DISTINCT live.id)::integer
    FROM inside JOIN org_unit_replica live ON live.id = inside.id
      AND (live.valid_from IS NULL OR live.valid_from <= ${day}) AND (live.valid_to IS NULL OR live.valid_to > ${day})
    WHERE inside.inside_from <= ${day} AND inside.inside_to > ${day} AND inside.id <> ${unitId}::uuid
    GROUP BY live.kind`.execute(db);
  return result.rows;
}

/**
 * What happened from `from` to `to` (inclusive) to members placed in the subtree on the day it
 * happened, the tree as it stood then. A transfer in is a placement that starts in the subtree
 * after one outside it (or the first placement of someone admitted earlier: arriving from outside
 * the system); a transfer out is a placement in the subtree that ends with one outside it (or
 * with none, when the member did not leave the Party or die). Moves by restructuring (placements
 * made by an operation) are not transfers.
 */
export async function periodCounts(db: Kysely<MembershipDatabase>, unitId: string, from: string, to: string): Promise<PeriodCounts> {
  const result = await sql<PeriodCounts>`${periodCountsSql(sql`${unitId}::uuid`, from, to)}`.execute(db);
  return result.rows[0]!;
}

/** SQL of `periodCounts` for the subtree of `root` (a uuid expression: a parameter, or a column of an outer row). One row. */
function periodCountsSql(root: RawBuilder<unknown>, from: string, to: string): RawBuilder<PeriodCounts> {
  const start = sql`${from}::date`;
  const end = sql`${to}::date`;
  const placedOn = (date: RawBuilder<unknown>) =>
    sql<boolean>`EXISTS (SELECT 1 FROM member_placement p WHERE p.member_id = e.member_id
      AND (p.valid_from IS NULL OR p.valid_from <= ${date}) AND (p.valid_to IS NULL OR p.valid_to >= ${date}) AND ${insideOn(sql`p.cell_id`, date)})`;
  return sql<PeriodCounts>`
    WITH inside AS (${subtreeIntervalsSql(root)}),
    happened AS (
      SELECT e.kind, e.details->>'disciplineLevel' AS level FROM member_event e
      WHERE e.occurred_on BETWEEN ${start} AND ${end} AND ${placedOn(sql`e.occurred_on`)}
    ),
    arrivals AS (
      SELECT p.id FROM member_placement p
      WHERE p.valid_from BETWEEN ${start} AND ${end} AND p.operation_id IS NULL AND ${insideOn(sql`p.cell_id`, sql`p.valid_from`)}
        AND (
          EXISTS (SELECT 1 FROM member_placement q WHERE q.member_id = p.member_id AND q.id <> p.id AND q.valid_to = p.valid_from
            AND NOT ${insideOn(sql`q.cell_id`, sql`(p.valid_from - 1)`)})
          OR (NOT EXISTS (SELECT 1 FROM member_placement q WHERE q.member_id = p.member_id AND q.id <> p.id AND (q.valid_from IS NULL OR q.valid_from < p.valid_from))
            AND EXISTS (SELECT 1 FROM member_event a WHERE a.member_id = p.member_id AND a.kind = 'ADMITTED' AND a.occurred_on < p.valid_from))
        )
    ),
    departures AS (
      SELECT p.id FROM member_placement p
      WHERE p.valid_to BETWEEN ${start} AND ${end} AND ${insideOn(sql`p.cell_id`, sql`(p.valid_to - 1)`)}
        AND (
          EXISTS (SELECT 1 FROM member_placement q WHERE q.member_id = p.member_id AND q.id <> p.id AND q.valid_from = p.valid_to AND q.operation_id IS NULL
            AND NOT ${insideOn(sql`q.cell_id`, sql`q.valid_from`)})
          OR (NOT EXISTS (SELECT 1 FROM member_placement q WHERE q.member_id = p.member_id AND q.id <> p.id AND q.valid_from >= p.valid_to)
            AND NOT EXISTS (SELECT 1 FROM member_event t WHERE t.member_id = p.member_id AND t.occurred_on <= p.valid_to
              AND (t.kind IN ('NAME_REMOVED', 'LEFT', 'DIED') OR (t.kind = 'DISCIPLINE' AND t.details->>'disciplineLevel' = 'EXPULSION'))))
        )
    )
    SELECT
      (SELECT count(*) FROM happened WHERE kind = 'ADMITTED')::integer AS "admitted",
      (SELECT count(*) FROM happened WHERE kind = 'OFFICIAL')::integer AS "madeOfficial",
      (SELECT count(*) FROM happened WHERE kind = 'DISCIPLINE' AND level = 'EXPULSION')::integer AS "expelled",
      (SELECT count(*) FROM happened WHERE kind = 'NAME_REMOVED')::integer AS "namesRemoved",
      (SELECT count(*) FROM happened WHERE kind = 'LEFT')::integer AS "left",
      (SELECT count(*) FROM happened WHERE kind = 'DIED')::integer AS "died",
      (SELECT count(*) FROM arrivals)::integer AS "transferredIn",
      (SELECT count(*) FROM departures)::integer AS "transferredOut"`;
}

export interface ChildFigures extends PeriodCounts {
  unitId: string;
  members: number;
  probationary: number;
  official: number;
  exempt: number;
}

/**
 * The figures of `membersOnDate` (by status) and `periodCounts` for each unit directly below `unitId`
 * on `asOf` (a district's wards, a ward's cells), each on its own subtree as it stood: one statement,
 * so a drill-down table needs no request per unit.
 */
export async function childStatistics(db: Kysely<MembershipDatabase>, unitId: string, asOf: string, from: string, to: string): Promise<ChildFigures[]> {
  const day = sql`${asOf}::date`;
  const inParty = sql.join(IN_PARTY_STATUSES.map((status) => sql.lit(status)));
  const result = await sql<ChildFigures>`
    WITH children AS (
      SELECT DISTINCT child.id FROM org_unit_replica child
      WHERE child.parent_id = ${unitId}::uuid
        AND (child.valid_from IS NULL OR child.valid_from <= ${day}) AND (child.valid_to IS NULL OR child.valid_to > ${day})
    )
    SELECT children.id AS "unitId", present.*, period.*
    FROM children
    CROSS JOIN LATERAL (
      WITH inside AS (${subtreeIntervalsSql(sql`children.id`)})
      SELECT count(*)::integer AS members,
        count(*) FILTER (WHERE placed.status = 'PROBATIONARY')::integer AS probationary,
        count(*) FILTER (WHERE placed.status = 'OFFICIAL')::integer AS official,
        count(*) FILTER (WHERE placed.status = 'EXEMPT')::integer AS exempt
      FROM (
        SELECT DISTINCT ON (m.id) m.id, ${statusAtSql('m', day)} AS status
        FROM member m
        JOIN member_placement p ON p.member_id = m.id
          AND (p.valid_from IS NULL OR p.valid_from <= ${day}) AND (p.valid_to IS NULL OR p.valid_to > ${day})
        WHERE ${insideOn(sql`p.cell_id`, day)}
        ORDER BY m.id, p.valid_from DESC NULLS LAST
      ) placed
      WHERE placed.status IN (${inParty})
    ) present
    CROSS JOIN LATERAL (${periodCountsSql(sql`children.id`, from, to)}) period`.execute(db);
  return result.rows;
}
