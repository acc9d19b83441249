import { graphql } from '../generated/index.ts';
import type { RestructuringsQuery } from '../generated/graphql.ts';

/** The restructurings of a unit's subtree, newest first, with their decisions and operations. */
export const RESTRUCTURINGS = graphql(`
  query Restructurings($unitId: ID!, $from: String, $to: String) {
    restructurings(unitId: $unitId, from: $from, to: $to, first: 200) {
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
