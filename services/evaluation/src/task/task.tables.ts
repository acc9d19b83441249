import type { Selectable } from 'kysely';
import type { UnattendedReason } from '../generated/graphql.ts';
import type { Task, TaskAssignment, TaskReview } from '../generated/tables.ts';

export type TaskAssignmentRow = Selectable<TaskAssignment>;
export type TaskReviewRow = Selectable<TaskReview>;

/**
 * A task as it stood on `as_of` (the row `findTasks` derives): its columns, who held it that day, and
 * its state then.
 */
export type TaskStateRow = Omit<Selectable<Task>, 'created_at'> & {
  as_of: string;
  assignee_id: string | null;
  done: boolean;
  overdue: boolean;
  unattended: UnattendedReason | null;
};
