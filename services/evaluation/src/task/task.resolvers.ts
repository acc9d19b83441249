import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireId } from '@dangvien/server';
import type { EvaluationContext } from '../context.ts';
import type { ReviewPeriod, TaskAssignmentTable, TaskReviewTable } from '../database.ts';
import type { Selectable } from 'kysely';
import { assignTask, reassignTask, reviewTask, type AssignTaskInput, type ReassignTaskInput, type ReviewTaskInput } from './task.ts';
import { requireAsOf, taskSummary, tasksOfUnit, type TaskRow } from './task.queries.ts';

const member = (id: string) => ({ __typename: 'Member', id });

/** Phân công nhiệm vụ: tasks, their holders and periodic reviews, and "sót việc". */
export const taskResolvers: GraphQLResolverMap<EvaluationContext> = {
  Query: {
    tasks: (_source, args: { unitId: string; asOf?: string | null }, context) => tasksOfUnit(context.db, context.caller, requireId(args.unitId, 'unitId'), requireAsOf(args.asOf)),
    taskSummary: (_source, args: { unitId: string; year: number; period?: ReviewPeriod | null }, context) =>
      taskSummary(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year, args.period ?? 'YEAR'),
  },
  Mutation: {
    assignTask: (_source, args: { input: AssignTaskInput }, context) => assignTask(context.db, context.caller, args.input),
    reassignTask: (_source, args: { input: ReassignTaskInput }, context) => reassignTask(context.db, context.caller, args.input),
    reviewTask: (_source, args: { input: ReviewTaskInput }, context) => reviewTask(context.db, context.caller, args.input),
  },
  Task: {
    cell: (task: TaskRow) => ({ __typename: 'OrgUnit', id: task.cell_id }),
    startsOn: (task: TaskRow) => task.starts_on,
    endsOn: (task: TaskRow) => task.ends_on,
    asOf: (task: TaskRow) => task.as_of,
    assignee: (task: TaskRow) => (task.assignee_id ? member(task.assignee_id) : null),
    assignments: (task: TaskRow, _args, context) => context.assignmentsOfTask.load(task.id),
    reviews: (task: TaskRow, _args, context) => context.reviewsOfTask.load(task.id),
  },
  TaskAssignment: {
    member: (row: Selectable<TaskAssignmentTable>) => member(row.member_id),
    assignedOn: (row: Selectable<TaskAssignmentTable>) => row.assigned_on,
    endedOn: (row: Selectable<TaskAssignmentTable>) => row.ended_on,
  },
  TaskReview: {
    member: (row: Selectable<TaskReviewTable>) => member(row.member_id),
    reviewedOn: (row: Selectable<TaskReviewTable>) => row.reviewed_on,
  },
};
