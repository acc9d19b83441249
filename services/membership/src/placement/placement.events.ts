import type { DisciplineLevel } from '../generated/graphql.ts';

/** Events membership publishes about where members are; evaluation and organization consume them. */
export interface MemberPlaced {
  memberId: string;
  cellId: string | null;
  status: string;
  /** YYYY-MM-DD the placement or status holds from; absent on events published before it existed. */
  effectiveDate?: string;
}

export interface MembersMoved {
  operationId: string;
  fromUnitId: string;
  toUnitId: string;
  effectiveDate: string;
  memberIds: string[];
  /** The unit of the operation part this move completes when it is not `fromUnitId` (a split names the new unit). */
  partUnitId?: string;
  /**
   * Members of the same move sent elsewhere than `toUnitId` (a dissolution with a destination per
   * member); `memberIds` holds only those who went to `toUnitId`. Absent when there are none.
   */
  destinations?: { toUnitId: string; memberIds: string[] }[];
}

export const MEMBER_EVENTS = { placed: 'MemberPlaced', moved: 'MembersMoved' } as const;

/**
 * Published when a discipline event is recorded (evaluation caps that year's grade). Dates are
 * YYYY-MM-DD; `form` is the DisciplineLevel of the schema.
 */
export interface MemberDisciplined {
  memberId: string;
  form: DisciplineLevel;
  effectiveDate: string;
}

/**
 * Published when a discipline event is annulled (hủy vì ghi nhầm): the discipline of `MemberDisciplined`
 * with the same member, form and date no longer holds, and stops capping the grade.
 */
export interface MemberDisciplineAnnulled {
  memberId: string;
  form: DisciplineLevel;
  effectiveDate: string;
}

/**
 * Regulation 213: a working member's link to the residential cell of where they live (null when the
 * link ends). Evaluation needs it to know whose review requires a residence comment.
 */
export interface ResidenceLinked {
  memberId: string;
  residenceCellId: string | null;
  validFrom: string;
}

/** Regulation 213: the residence's yearly comment on a working member was recorded. */
export interface ResidenceCommentRecorded {
  memberId: string;
  year: number;
  residenceCellId: string;
  recordedOn: string;
}

export const MEMBER_EVENT_CONTRACTS = {
  disciplined: 'MemberDisciplined',
  disciplineAnnulled: 'MemberDisciplineAnnulled',
  residenceLinked: 'ResidenceLinked',
  residenceCommentRecorded: 'ResidenceCommentRecorded',
} as const;
