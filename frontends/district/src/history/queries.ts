import { graphql } from '../generated/index.ts';
import type { RestructuringsQuery } from '../generated/graphql.ts';

/** Restructurings shown at once (the server's page limit is 500). */
export const HISTORY_PAGE = 200;

/** The restructurings of a unit's subtree, newest first, with their decisions and operations. */
export const RESTRUCTURINGS = graphql(`
  query Restructurings($unitId: ID!, $from: String, $to: String, $first: Int!) {
    restructurings(unitId: $unitId, from: $from, to: $to, first: $first) {
      kind
      effectiveDate
      decisionNumber
      operations { id status }
      changes {
        kind
        name
        previousName
        unit { id kind }
        parent { id name }
        previousParent { id name }
        successor { id name }
      }
    }
  }
`);

export type Restructuring = RestructuringsQuery['restructurings'][number];
export type RestructuringChange = Restructuring['changes'][number];
