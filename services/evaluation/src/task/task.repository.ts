import { todayInVietnam } from '@dangvien/db';
import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin } from '@dangvien/org-replica';
import { sql, type Insertable, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { ReviewPeriod, TaskSummary } from '../generated/graphql.ts';
import type { Task, TaskAssignment, TaskReview } from '../generated/tables.ts';
import { placementsOn, ROSTER_STATUSES } from '../replica/placement-history.ts';
import { periodBounds } from '../rules/rule-set.ts';
import { readableUnit, requireYear } from '../scope/scope.ts';
import type { TaskAssignmentRow, TaskReviewRow, TaskStateRow } from './task.tables.ts';

/**
 * Tasks with their state on `asOf`, derived in one statement: the holder that day, done (the latest
 * review by then says DONE or EXCEEDED), overdue (not done and past its end) and "sót việc" (not done,
 * held by someone no longer on the cell's roster that day, per the dated placements).
 */
export async function findTasks(db: Kysely<EvaluationDatabase>, filter: { ids?: readonly string[]; where?: RawBuilder<boolean>; asOf: string; unattendedOnly?: boolean }): Promise<TaskStateRow[]> {
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.ids) conditions.push(sql<boolean>`task.id = ANY(${[...filter.ids]}::uuid[])`);
  if (filter.where) conditions.push(filter.where);
  const result = await sql<TaskStateRow>`
    SELECT * FROM ${taskStates(conditions, filter.asOf)} AS task
    ${filter.unattendedOnly ? sql`WHERE task.unattended IS NOT NULL` : sql``}
    ORDER BY task.starts_on, task.title, task.id`.execute(db);
  return result.rows;
}

/** SQL derived table: the tasks matching `conditions` (on table `task`) and their state on `asOf`. */
function taskStates(conditions: readonly RawBuilder<boolean>[], asOf: string): RawBuilder<unknown> {
  const day = sql`${asOf}::date`;
  const done = sql`COALESCE(latest.result IN ('DONE', 'EXCEEDED'), false)`;
  return sql`(
    SELECT task.id, task.cell_id, task.title, task.area, task.households, task.starts_on, task.ends_on, ${day}::text AS as_of,
           holder.member_id AS assignee_id,
           ${done} AS done,
           (NOT ${done} AND COALESCE(task.ends_on < ${day}, false)) AS overdue, -- an open-ended task (no end) is never overdue
           CASE
             WHEN holder.member_id IS NULL OR ${done} THEN NULL
             WHEN placement.status = 'EXEMPT' THEN 'EXEMPT'
             WHEN placement.status IS NULL OR placement.status <> ALL(${[...ROSTER_STATUSES]}::text[]) THEN 'LEFT'
             WHEN placement.cell_id IS DISTINCT FROM task.cell_id THEN 'MOVED'
           END AS unattended
    FROM task
    LEFT JOIN task_assignment AS holder
      ON holder.task_id = task.id AND holder.assigned_on <= ${day} AND (holder.ended_on IS NULL OR holder.ended_on > ${day})
    LEFT JOIN LATERAL (
      SELECT result FROM task_review WHERE task_review.task_id = task.id AND task_review.reviewed_on <= ${day}
      ORDER BY reviewed_on DESC, created_at DESC LIMIT 1
    ) AS latest ON true
    LEFT JOIN ${placementsOn(day)} AS placement ON placement.member_id = holder.member_id
    ${conditions.length > 0 ? sql`WHERE ${sql.join([...conditions], sql` AND `)}` : sql``}
  )`;
}

/** Tasks of the cells in a unit's subtree (within the caller's), as they stood on `asOf`. */
export function tasksOfUnit(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, asOf: string, unattendedOnly = false): Promise<TaskStateRow[]> {
  return findTasks(db, { where: sql<boolean>`${inReplicaSubtreeWithin('task.cell_id', unitId, readableScopes(caller))}`, asOf, unattendedOnly });
}

/**
 * Tasks of a unit's subtree whose period overlaps the review period, counted as they stood at its
 * end (or today, before it ends): one SQL statement on the replica tree. Null outside the caller's scope.
 */
export async function taskSummary(db: Kysely<EvaluationDatabase>, caller: Caller, unitId: string, yearArg: number, period: ReviewPeriod): Promise<TaskSummary | null> {
  const year = requireYear(yearArg);
  if (!(await readableUnit(db, caller, unitId))) return null;
  const { start, end } = periodBounds(year, period);
  const today = todayInVietnam();
  const asOf = end < today ? end : today;
  const where = sql<boolean>`task.starts_on <= ${end}::date AND (task.ends_on IS NULL OR task.ends_on >= ${start}::date)
    AND ${inReplicaSubtreeWithin('task.cell_id', unitId, readableScopes(caller))}`;
  const row = await sql<{ total: string; done: string; overdue: string; unattended: string }>`
    SELECT count(*) AS total, count(*) FILTER (WHERE done) AS done, count(*) FILTER (WHERE overdue) AS overdue,
           count(*) FILTER (WHERE unattended IS NOT NULL) AS unattended
    FROM ${taskStates([where], asOf)} AS task`.execute(db).then((result) => result.rows[0]!);
  return { unitId, year, period, total: Number(row.total), done: Number(row.done), overdue: Number(row.overdue), unattended: Number(row.unattended) };
}

/** Assignments of several tasks at once, oldest first. */
export function assignmentsOfTasks(db: Kysely<EvaluationDatabase>, taskIds: readonly string[]): Promise<TaskAssignmentRow[]> {
  return db.selectFrom('task_assignment').selectAll().where('task_id', 'in', [...taskIds]).orderBy('assigned_on').execute();
}

/** Reviews of several tasks at once, oldest first. */
export function reviewsOfTasks(db: Kysely<EvaluationDatabase>, taskIds: readonly string[]): Promise<TaskReviewRow[]> {
  return db.selectFrom('task_review').selectAll().where('task_id', 'in', [...taskIds]).orderBy('reviewed_on').orderBy('created_at').execute();
}

/** The task an idempotency key already created, if any. */
export function findTaskOfRequest(db: Kysely<EvaluationDatabase>, clientRequestId: string): Promise<{ id: string; cell_id: string; starts_on: string } | undefined> {
  return db.selectFrom('task').select(['id', 'cell_id', 'starts_on']).where('client_request_id', '=', clientRequestId).executeTakeFirst();
}

export async function insertTask(db: Kysely<EvaluationDatabase>, task: Insertable<Task>, firstAssignment: Omit<Insertable<TaskAssignment>, 'task_id'>): Promise<void> {
  await db.insertInto('task').values(task).execute();
  await db.insertInto('task_assignment').values({ ...firstAssignment, task_id: task.id }).execute();
}

/** The task, locked for the rest of the transaction. */
export function lockTask(trx: Transaction<EvaluationDatabase>, taskId: string): Promise<{ id: string; cell_id: string; starts_on: string } | undefined> {
  return sql<{ id: string; cell_id: string; starts_on: string }>`SELECT id, cell_id, starts_on FROM task WHERE id = ${taskId} FOR UPDATE`.execute(trx).then((result) => result.rows[0]);
}

/** The assignment still running (every task has one until it is handed on). */
export function currentAssignment(db: Kysely<EvaluationDatabase>, taskId: string): Promise<TaskAssignmentRow> {
  return db.selectFrom('task_assignment').selectAll().where('task_id', '=', taskId).where('ended_on', 'is', null).executeTakeFirstOrThrow();
}

/** Ends the running assignment on `day` and starts the next holder's. */
export async function handOver(db: Kysely<EvaluationDatabase>, current: TaskAssignmentRow, memberId: string, day: string): Promise<void> {
  await db.updateTable('task_assignment').set({ ended_on: day }).where('task_id', '=', current.task_id).where('assigned_on', '=', current.assigned_on).execute();
  await db.insertInto('task_assignment').values({ task_id: current.task_id, member_id: memberId, assigned_on: day, ended_on: null }).execute();
}

/** Who held the task on `day`. */
export function holderOn(db: Kysely<EvaluationDatabase>, taskId: string, day: string): Promise<{ member_id: string }> {
  return db
    .selectFrom('task_assignment')
    .select('member_id')
    .where('task_id', '=', taskId)
    .where('assigned_on', '<=', day)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', day)]))
    .executeTakeFirstOrThrow();
}

export function insertTaskReview(db: Kysely<EvaluationDatabase>, review: Insertable<TaskReview>): Promise<TaskReviewRow> {
  return db.insertInto('task_review').values(review).returningAll().executeTakeFirstOrThrow();
}
