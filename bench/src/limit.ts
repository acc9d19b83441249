import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '@dangvien/db';
import type { OperationName } from './operations.ts';

const run = promisify(execFile);
const ACTIVE = `('PROBATIONARY','OFFICIAL','EXEMPT')`;

/**
 * The physical limit: the three subgraphs' tables copied into three schemas (organization,
 * membership, evaluation) of one database, so one hand-written statement can join them all. Each
 * subgraph database is dumped and restored into `public`, which is then renamed after the subgraph.
 */
export async function buildCombinedDatabase(serverUrl: string, name: string, sources: Record<string, string>): Promise<string> {
  const url = withDatabase(serverUrl, name);
  await dropDatabaseIfExists(url, name);
  await createDatabaseIfMissing(url, name);
  for (const [schema, source] of Object.entries(sources)) {
    // The dump creates `public` itself, and the extensions its indexes need (pg_trgm for member search).
    await run('psql', ['-q', url, '-c', 'DROP SCHEMA IF EXISTS public CASCADE']);
    const { stdout } = await run('psql', ['-At', source, '-c', `SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`]);
    const extensions = stdout.split('\n').filter(Boolean).map((name) => `--extension=${name}`).join(' ');
    await run('bash', ['-o', 'pipefail', '-c', `pg_dump --no-owner --no-privileges --schema=public ${extensions} "$SOURCE" | psql -q -v ON_ERROR_STOP=1 "$TARGET" >/dev/null`], {
      env: { ...process.env, SOURCE: source, TARGET: url },
      maxBuffer: 64 * 2 ** 20,
    });
    await run('psql', ['-q', url, '-c', `ALTER SCHEMA public RENAME TO ${schema}`]);
  }
  await run('psql', ['-q', url, '-c', 'CREATE SCHEMA public; ANALYZE']);
  return url;
}

/** The current tree below (and including) a root, by the organization's own versions. */
const SUBTREE = `scope AS (
  SELECT unit_id FROM organization.org_unit_version WHERE unit_id = $ROOT AND valid_to IS NULL
  UNION ALL
  SELECT v.unit_id FROM organization.org_unit_version v JOIN scope ON v.parent_id = scope.unit_id AND v.valid_to IS NULL)`;

/** The units from one up to the top, for scope checks of one unit (and a page's path). */
const ANCESTORS = `up AS (
  SELECT unit_id, parent_id, name, 0 AS depth FROM organization.org_unit_version WHERE unit_id = $UNIT AND valid_to IS NULL
  UNION ALL
  SELECT v.unit_id, v.parent_id, v.name, up.depth + 1 FROM organization.org_unit_version v JOIN up ON v.unit_id = up.parent_id AND v.valid_to IS NULL)`;

const ROSTER_SQL = `WITH RECURSIVE ${ANCESTORS.replace('$UNIT', '$1')}
SELECT u.id, v.name,
  (SELECT json_agg(json_build_object('id', m.id, 'fullName', m.full_name, 'status', m.status,
     'latestReview', (SELECT json_build_object('year', r.year, 'grade', r.grade) FROM evaluation.review r
                      WHERE r.member_id = m.id AND r.period = 'YEAR' ORDER BY r.year DESC LIMIT 1))
     ORDER BY m.given_name COLLATE "vi-x-icu", m.full_name COLLATE "vi-x-icu")
   FROM membership.member m WHERE m.cell_id = u.id AND m.status IN ${ACTIVE}) AS members,
  (SELECT json_agg(json_build_object('heldOn', mt.held_on, 'kind', mt.kind,
     'attendance', (SELECT json_agg(json_build_object('member', a.member_id, 'status', a.status)) FROM evaluation.attendance a WHERE a.meeting_id = mt.id))
     ORDER BY mt.held_on)
   FROM evaluation.meeting mt WHERE mt.cell_id = u.id AND mt.held_on >= make_date($2, 1, 1) AND mt.held_on < make_date($2 + 1, 1, 1)) AS meetings
FROM organization.org_unit u JOIN organization.org_unit_version v ON v.unit_id = u.id AND v.valid_to IS NULL
WHERE u.id = $1 AND EXISTS (SELECT 1 FROM up WHERE up.unit_id = $3)`;

const SEARCH_SQL = `WITH RECURSIVE ${SUBTREE.replace('$ROOT', '$2')}
SELECT m.id, m.full_name, m.status, m.cell_id, v.name AS cell_name
FROM membership.member m JOIN scope ON scope.unit_id = m.cell_id
LEFT JOIN organization.org_unit_version v ON v.unit_id = m.cell_id AND v.valid_to IS NULL
WHERE m.full_name_folded LIKE '%' || $1 || '%'
ORDER BY m.given_name COLLATE "vi-x-icu", m.full_name COLLATE "vi-x-icu", m.id LIMIT 21`;

const MEMBER_SQL = `WITH RECURSIVE ${ANCESTORS.replace('$UNIT', '(SELECT cell_id FROM membership.member WHERE id = $1)')}
SELECT m.id, m.full_name, m.status, m.sex, m.date_of_birth, m.hometown, m.residence, m.party_card_number,
  (SELECT json_agg(up.name ORDER BY up.depth DESC) FROM up) AS path,
  (SELECT json_agg(json_build_object('kind', e.kind, 'occurredOn', e.occurred_on, 'decisionNumber', e.decision_number) ORDER BY e.occurred_on)
     FROM membership.member_event e WHERE e.member_id = m.id) AS events,
  (SELECT json_agg(json_build_object('year', r.year, 'grade', r.grade) ORDER BY r.year) FROM evaluation.review r WHERE r.member_id = m.id) AS reviews
FROM membership.member m WHERE m.id = $1 AND EXISTS (SELECT 1 FROM up WHERE up.unit_id = $2)`;

const RECORD_SQL = `WITH meeting AS (
  INSERT INTO evaluation.meeting (id, cell_id, held_on, kind, agenda) VALUES (gen_random_uuid(), $1, $2, $6, $3) RETURNING id)
INSERT INTO evaluation.attendance (meeting_id, member_id, status)
SELECT meeting.id, present.member_id, present.status FROM meeting, unnest($4::uuid[], $5::text[]) AS present (member_id, status)`;

const ANALYTICS_SQL = `WITH RECURSIVE ${SUBTREE.replace('$ROOT', '$1')},
cells AS (SELECT scope.unit_id, v.name FROM scope JOIN organization.org_unit u ON u.id = scope.unit_id AND u.kind = 'CELL'
          JOIN organization.org_unit_version v ON v.unit_id = u.id AND v.valid_to IS NULL)
SELECT
  (SELECT json_agg(json_build_object('id', cells.unit_id, 'name', cells.name, 'memberCount', coalesce(counts.n, 0)))
   FROM cells LEFT JOIN (SELECT cell_id, count(*) AS n FROM membership.member WHERE status IN ${ACTIVE} GROUP BY cell_id) counts ON counts.cell_id = cells.unit_id) AS cells,
  (SELECT json_build_object('excellent', count(*) FILTER (WHERE r.grade = 'EXCELLENT'), 'good', count(*) FILTER (WHERE r.grade = 'GOOD'),
     'completed', count(*) FILTER (WHERE r.grade = 'COMPLETED'), 'notCompleted', count(*) FILTER (WHERE r.grade = 'NOT_COMPLETED'), 'total', count(r.grade))
   FROM evaluation.review r
   JOIN membership.member_placement p ON p.member_id = r.member_id
     AND (p.valid_from IS NULL OR p.valid_from <= make_date($2, 12, 31)) AND (p.valid_to IS NULL OR p.valid_to > make_date($2, 12, 31))
   JOIN scope ON scope.unit_id = p.cell_id
   WHERE r.year = $2 AND r.period = 'YEAR') AS grades,
  -- The meetings' own attendance counts, as evaluation reads them (the tables are the same).
  (SELECT json_build_object('meetings', count(*), 'records', coalesce(sum(mt.present_count + mt.excused_count + mt.absent_count), 0),
     'present', coalesce(sum(mt.present_count), 0), 'excused', coalesce(sum(mt.excused_count), 0), 'absent', coalesce(sum(mt.absent_count), 0))
   FROM evaluation.meeting mt JOIN scope ON scope.unit_id = mt.cell_id
   WHERE mt.held_on >= make_date($3, 1, 1) AND mt.held_on < make_date($3 + 1, 1, 1)) AS attendance`;

/** The aggregates' question in one statement: members by status, grades, attendance for the year and by month. */
const AGGREGATES_SQL = `WITH RECURSIVE ${SUBTREE.replace('$ROOT', '$1')},
meetings AS (SELECT mt.held_on, mt.present_count, mt.excused_count, mt.absent_count FROM evaluation.meeting mt JOIN scope ON scope.unit_id = mt.cell_id
             WHERE mt.held_on >= make_date($3, 1, 1) AND mt.held_on < make_date($3 + 1, 1, 1))
SELECT
  (SELECT json_agg(json_build_object('value', counted.status, 'count', counted.n))
   FROM (SELECT m.status, count(*) AS n FROM membership.member m JOIN scope ON scope.unit_id = m.cell_id WHERE m.status IN ${ACTIVE} GROUP BY m.status) counted) AS members,
  (SELECT json_build_object('excellent', count(*) FILTER (WHERE r.grade = 'EXCELLENT'), 'good', count(*) FILTER (WHERE r.grade = 'GOOD'),
     'completed', count(*) FILTER (WHERE r.grade = 'COMPLETED'), 'notCompleted', count(*) FILTER (WHERE r.grade = 'NOT_COMPLETED'), 'total', count(r.grade))
   FROM evaluation.review r
   JOIN membership.member_placement p ON p.member_id = r.member_id
     AND (p.valid_from IS NULL OR p.valid_from <= make_date($2, 12, 31)) AND (p.valid_to IS NULL OR p.valid_to > make_date($2, 12, 31))
   JOIN scope ON scope.unit_id = p.cell_id
   WHERE r.year = $2 AND r.period = 'YEAR') AS grades,
  (SELECT json_build_object('meetings', count(*), 'records', coalesce(sum(present_count + excused_count + absent_count), 0),
     'present', coalesce(sum(present_count), 0), 'excused', coalesce(sum(excused_count), 0), 'absent', coalesce(sum(absent_count), 0)) FROM meetings) AS attendance,
  (SELECT json_agg(json_build_object('month', month, 'meetings', n, 'present', present) ORDER BY month)
   FROM (SELECT date_part('month', held_on) AS month, count(*) AS n, sum(present_count) AS present FROM meetings GROUP BY 1) by_month) AS by_month`;
/**
 * The dashboard's figures in one statement on the denormalized columns (a member's current status
 * and cell, as of the data's last day, which is the period's end): members by status and per unit
 * directly below, the period's events, grades and attendance (total and per unit below), and the
 * dues paid for the period's months. Not in it: transfers (they need the placement history) and the
 * dues ledger's pricing (rules, bases, reliefs): the limit is what the simplest physical read costs.
 */
const DASHBOARD_SQL = `WITH RECURSIVE scope AS (
  SELECT unit_id, NULL::uuid AS child_id FROM organization.org_unit_version WHERE unit_id = $1 AND valid_to IS NULL
  UNION ALL
  SELECT v.unit_id, coalesce(scope.child_id, v.unit_id) FROM organization.org_unit_version v JOIN scope ON v.parent_id = scope.unit_id AND v.valid_to IS NULL),
placed AS (SELECT m.id, m.status, scope.child_id FROM membership.member m JOIN scope ON scope.unit_id = m.cell_id WHERE m.status IN ${ACTIVE}),
happened AS (SELECT e.kind, e.details->>'disciplineLevel' AS level FROM membership.member_event e JOIN membership.member m ON m.id = e.member_id
  JOIN scope ON scope.unit_id = m.cell_id WHERE e.occurred_on BETWEEN $2::date AND $3::date),
graded AS (SELECT r.grade, scope.child_id FROM evaluation.review r
  JOIN membership.member_placement p ON p.member_id = r.member_id
    AND (p.valid_from IS NULL OR p.valid_from <= make_date($4, 12, 31)) AND (p.valid_to IS NULL OR p.valid_to > make_date($4, 12, 31))
  JOIN scope ON scope.unit_id = p.cell_id WHERE r.year = $4 AND r.period = 'YEAR'),
met AS (SELECT mt.present_count, mt.excused_count, mt.absent_count, scope.child_id FROM evaluation.meeting mt JOIN scope ON scope.unit_id = mt.cell_id
  WHERE mt.held_on BETWEEN $2::date AND $3::date)
SELECT
  (SELECT count(*) FROM placed) AS members,
  (SELECT json_object_agg(status, n) FROM (SELECT status, count(*) AS n FROM placed GROUP BY status) s) AS by_status,
  (SELECT json_object_agg(child_id, n) FROM (SELECT child_id, count(*) AS n FROM placed WHERE child_id IS NOT NULL GROUP BY child_id) c) AS by_child,
  (SELECT json_build_object('admitted', count(*) FILTER (WHERE kind = 'ADMITTED'), 'madeOfficial', count(*) FILTER (WHERE kind = 'OFFICIAL'),
     'expelled', count(*) FILTER (WHERE kind = 'DISCIPLINE' AND level = 'EXPULSION'), 'namesRemoved', count(*) FILTER (WHERE kind = 'NAME_REMOVED')) FROM happened) AS period,
  (SELECT json_build_object('total', count(grade), 'excellent', count(*) FILTER (WHERE grade = 'EXCELLENT')) FROM graded) AS grades,
  (SELECT json_object_agg(child_id, n) FROM (SELECT child_id, count(grade) AS n FROM graded WHERE child_id IS NOT NULL GROUP BY child_id) g) AS grades_by_child,
  (SELECT json_build_object('meetings', count(*), 'present', coalesce(sum(present_count), 0)) FROM met) AS attendance,
  (SELECT json_object_agg(child_id, n) FROM (SELECT child_id, count(*) AS n FROM met WHERE child_id IS NOT NULL GROUP BY child_id) a) AS meetings_by_child,
  (SELECT coalesce(sum(dp.amount), 0) FROM membership.dues_payment dp JOIN membership.member m ON m.id = dp.member_id JOIN scope ON scope.unit_id = m.cell_id
   WHERE dp.month BETWEEN $5::date AND $6::date) AS dues_paid`;

/** The hand-written statement and its parameters for one operation call (null: no SQL twin). */
export function limitStatement(name: OperationName, variables: Record<string, unknown>, rootId: string): { text: string; values: unknown[] } | null {
  switch (name) {
    case 'roster':
      return { text: ROSTER_SQL, values: [variables.id, variables.year, rootId] };
    case 'search':
      return { text: SEARCH_SQL, values: [String(variables.name).replace(/[\\%_]/g, '\\$&'), rootId] };
    case 'memberPage':
      return { text: MEMBER_SQL, values: [variables.id, rootId] };
    case 'recordAttendance': {
      const input = variables.input as { cellId: string; heldOn: string; kind: string; agenda: string; attendance: { memberId: string; status: string }[] };
      return { text: RECORD_SQL, values: [input.cellId, input.heldOn, input.agenda, input.attendance.map((row) => row.memberId), input.attendance.map((row) => row.status), input.kind] };
    }
    case 'analytics':
      return { text: ANALYTICS_SQL, values: [rootId, variables.gradeYear, variables.attendanceYear] };
    case 'aggregates':
      return { text: AGGREGATES_SQL, values: [rootId, variables.gradeYear, variables.attendanceYear] };
    case 'dashboard':
      return { text: DASHBOARD_SQL, values: [variables.unitId, variables.from, variables.to, variables.year, `${String(variables.fromMonth)}-01`, `${String(variables.toMonth)}-01`] };
  }
}

export function limitPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 8 });
}
