import { graphql } from '../generated/index.ts';
import type { CellTasksQuery } from '../generated/graphql.ts';

/** The cell's tasks as they stand today, with "sót việc". */
export const CELL_TASKS = graphql(`
  query CellTasks($id: ID!) {
    orgUnit(id: $id) { id name }
    tasks(unitId: $id) {
      id
      title
      area
      households
      startsOn
      endsOn
      assignee { id fullName }
      done
      overdue
      unattended
    }
  }
`);

export type CellTask = CellTasksQuery['tasks'][number];
