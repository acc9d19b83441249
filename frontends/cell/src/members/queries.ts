import { graphql } from '../generated/index.ts';
import type { CellMembersQuery } from '../generated/graphql.ts';

export const CELL_MEMBERS = graphql(`
  query CellMembers($id: ID!) {
    orgUnit(id: $id) {
      id
      name
      members {
        id
        fullName
        status
        latestReview { id year score grade }
      }
    }
  }
`);

export type CellMember = NonNullable<NonNullable<CellMembersQuery['orgUnit']>['members']>[number];
