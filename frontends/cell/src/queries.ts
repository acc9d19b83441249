import type { Grade, MemberStatus } from '@dangvien/ui';

export const CELL_MEMBERS = /* GraphQL */ `
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
`;

export interface CellMember {
  id: string;
  fullName: string;
  status: MemberStatus;
  latestReview: { id: string; year: number; score: number | null; grade: Grade | null } | null;
}

export interface CellMembersData {
  orgUnit: { id: string; name: string; members: CellMember[] | null } | null;
}
