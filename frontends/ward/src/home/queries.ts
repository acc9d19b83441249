import { graphql } from '../generated/index.ts';
import type { WardHomeQuery } from '../generated/graphql.ts';

/** Alerts asked for at once (the gateway's page limit is 500). */
export const ALERT_PAGE = 500;

/** The home page in one request: the committee's size and today's open alerts of both subgraphs. */
export const WARD_HOME = graphql(`
  query WardHome($id: ID!, $first: Int!) {
    orgUnit(id: $id) {
      id
      children { id }
      memberCount(includeSubtree: true)
    }
    memberAlerts(unitId: $id, first: $first) {
      totalCount
      alerts {
        kind
        dueDate
        detail
        member { id fullName }
        cell { id name }
      }
    }
    evaluationAlerts(unitId: $id) {
      kind
      detail
      months
      unit { id name }
      member { id fullName }
      task { id title }
    }
  }
`);

export type WardHome = WardHomeQuery;
