import { graphql } from '../generated/index.ts';
import type { CellHomeQuery } from '../generated/graphql.ts';

/** Alerts asked for at once: a cell has at most a few hundred members (the gateway's page limit is 500). */
export const ALERT_PAGE = 500;

/**
 * Everything the home page shows in one request: the member alerts (membership), the evaluation
 * alerts (evaluation), the cell's tasks (for the overdue ones) and this year's meetings.
 */
export const CELL_HOME = graphql(`
  query CellHome($id: ID!, $year: Int!, $first: Int!) {
    memberAlerts(unitId: $id, first: $first) {
      totalCount
      alerts {
        kind
        dueDate
        detail
        member { id fullName }
      }
    }
    evaluationAlerts(unitId: $id) {
      kind
      detail
      months
      member { id fullName }
      task { id title }
    }
    tasks(unitId: $id) {
      id
      title
      endsOn
      done
      overdue
      unattended
      assignee { id fullName }
    }
    orgUnit(id: $id) {
      id
      meetings(year: $year) { id heldOn kind agenda }
    }
  }
`);

export type CellHome = CellHomeQuery;
export type HomeMemberAlert = CellHomeQuery['memberAlerts']['alerts'][number];
export type HomeEvaluationAlert = CellHomeQuery['evaluationAlerts'][number];
export type HomeTask = CellHomeQuery['tasks'][number];
export type HomeMeeting = NonNullable<CellHomeQuery['orgUnit']>['meetings'][number];
