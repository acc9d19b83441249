/** Events membership publishes about where members are; evaluation and organization consume them. */
export interface MemberPlaced {
  memberId: string;
  cellId: string | null;
  status: string;
}

export interface MembersMoved {
  operationId: string;
  fromUnitId: string;
  toUnitId: string;
  effectiveDate: string;
  memberIds: string[];
}

export const MEMBER_EVENTS = { placed: 'MemberPlaced', moved: 'MembersMoved' } as const;
