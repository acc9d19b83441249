import { graphql } from '../generated/index.ts';
import type { CellTasksQuery } from '../generated/graphql.ts';

/** The cell's tasks as they stand today (with "sót việc"), and the roster to assign them to. */
export const CELL_TASKS = graphql(`
  query CellTasks($id: ID!) {
    orgUnit(id: $id) {
      id
      members(first: 500) { id fullName status }
    }
    tasks(unitId: $id) {
      id
      title
      area
      households
      startsOn
      endsOn
      assignee { id fullName }
      assignments { member { id fullName } assignedOn endedOn }
      reviews { id reviewedOn result comment }
      done
      overdue
      unattended
    }
  }
`);

export type CellTask = CellTasksQuery['tasks'][number];
export type TaskRosterMember = NonNullable<NonNullable<CellTasksQuery['orgUnit']>['members']>[number];

export const ASSIGN_TASK = graphql(`
  mutation AssignTask($input: AssignTaskInput!) {
    assignTask(input: $input) { id title assignee { id fullName } }
  }
`);

export const REVIEW_TASK = graphql(`
  mutation ReviewTask($input: ReviewTaskInput!) {
    reviewTask(input: $input) { id reviewedOn result comment }
  }
`);

export const REASSIGN_TASK = graphql(`
  mutation ReassignTask($input: ReassignTaskInput!) {
    reassignTask(input: $input) { id assignee { id fullName } }
  }
`);
