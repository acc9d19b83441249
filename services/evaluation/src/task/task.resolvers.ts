import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { memberRef, orgUnitRef } from '../references.ts';
import { requireAsOf } from '../scope/scope.ts';
import { taskSummary, tasksOfUnit } from './task.repository.ts';
import { assignTask, reassignTask, reviewTask } from './task.ts';

/** Phân công nhiệm vụ: tasks, their holders and periodic reviews, and "sót việc". */
export const taskResolvers: Resolvers = {
  Query: {
    tasks: (_source, args, context) => tasksOfUnit(context.db, context.caller, requireId(args.unitId, 'unitId'), requireAsOf(args.asOf)),
    // An explicit null period takes the default too.
    taskSummary: (_source, args, context) => taskSummary(context.db, context.caller, requireId(args.unitId, 'unitId'), args.year, args.period ?? 'YEAR'),
  },
  Mutation: {
    assignTask: (_source, args, context) => assignTask(context.db, context.caller, args.input),
    reassignTask: (_source, args, context) => reassignTask(context.db, context.caller, args.input),
    reviewTask: (_source, args, context) => reviewTask(context.db, context.caller, args.input),
  },
  Task: {
    cell: (task) => orgUnitRef(task.cell_id),
    startsOn: (task) => task.starts_on,
    endsOn: (task) => task.ends_on,
    asOf: (task) => task.as_of,
    assignee: (task) => (task.assignee_id ? memberRef(task.assignee_id) : null),
    assignments: (task, _args, context) => context.assignmentsOfTask.load(task.id),
    reviews: (task, _args, context) => context.reviewsOfTask.load(task.id),
  },
  TaskAssignment: {
    member: (row) => memberRef(row.member_id),
    assignedOn: (row) => row.assigned_on,
    endedOn: (row) => row.ended_on,
  },
  TaskReview: {
    member: (row) => memberRef(row.member_id),
    reviewedOn: (row) => row.reviewed_on,
  },
};
