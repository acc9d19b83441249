/**
 * What the generator produces, one chunk at a time. The shapes are those the subgraphs' bulk modules
 * accept (services/<name>/src/bulk): camelCase, dates as YYYY-MM-DD, nothing database-generated.
 */
import type { AttendanceInput, Grade, MeetingKind, MemberEventKind, MemberStatus, OrgUnitCategory, OrgUnitKind, PoliticalTheoryLevel, ResidentialArea, Sex, TaskResult } from '@dangvien/contracts';

export type { Grade, MemberStatus, OrgUnitKind };

export interface GenUnitVersion {
  parentId: string | null;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  change: 'CREATED' | 'RENAMED' | 'MOVED';
  decisionNumber: string | null;
}

export interface GenUnit {
  id: string;
  code: string;
  kind: OrgUnitKind;
  establishedOn: string | null;
  endedOn: string | null;
  successorId: string | null;
  endDecision: string | null;
  /** Organization's OrgUnitCategory and ResidentialArea (loại hình), when the kind has one. */
  category?: OrgUnitCategory | null;
  residentialArea?: ResidentialArea | null;
  /** Oldest first; at most the last one is open (validTo null). */
  versions: GenUnitVersion[];
}

export interface GenMemberEvent {
  kind: MemberEventKind;
  occurredOn: string;
  decisionNumber: string | null;
  details: Record<string, unknown>;
}

export interface GenPlacement {
  cellId: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface GenMember {
  id: string;
  fullName: string;
  sex: Sex;
  dateOfBirth: string;
  ethnicity: string;
  religion: string;
  hometown: string;
  residence: string;
  citizenId: string;
  phone: string;
  educationLevel: string;
  professionalQualification: string | null;
  politicalTheoryLevel: PoliticalTheoryLevel | null;
  occupation: string;
  workplace: string | null;
  partyCardNumber: string;
  profileNumber: string;
  /** Derived from `events` (the lifecycle replayed), as membership derives it. */
  status: MemberStatus;
  /** The cell of the last placement. */
  cellId: string;
  placements: GenPlacement[];
  /** Sorted by date; same-day events in recording order. */
  events: GenMemberEvent[];
  /** Every card number held, oldest first (cards were exchanged in 2025). */
  cards: string[];
  /** Where and in what status the member was from each date on (what MemberPlaced events with dates would say), oldest first. */
  changes: GenPlacementChange[];
  /** Regulation 213: a working member's link to the residential cell where they live, with the yearly comments. */
  residenceLink: GenResidenceLink | null;
}

export interface GenPlacementChange {
  cellId: string;
  status: MemberStatus;
  effectiveFrom: string;
}

export interface GenResidenceLink {
  id: string;
  /** The grassroots committee of the residence (the ward or commune). */
  wardId: string;
  residenceCellId: string;
  validFrom: string;
  comments: { id: string; year: number; comment: string; frontCommitteeOpinion: string; recordedOn: string; deliveredOn: string }[];
}

export interface GenReviewCycle {
  id: string;
  unitId: string;
  year: number;
  closesOn: string;
  ruleSetId: string;
}

export interface GenReview {
  id: string;
  memberId: string;
  year: number;
  score: number;
  grade: Grade;
  cycleId: string;
  ruleSetId: string;
  disciplined: boolean;
}

/** As recordMeeting takes it, with the reason always present (null when none). */
export type GenAttendance = Required<AttendanceInput> & { reason: string | null };

export interface GenMeeting {
  id: string;
  cellId: string;
  heldOn: string;
  kind: MeetingKind;
  agenda: string;
  resolution: string | null;
  attendance: GenAttendance[];
}

/** Phân công nhiệm vụ: a task of a cell, who held it when, and the cell's periodic reviews. */
export interface GenTask {
  id: string;
  cellId: string;
  title: string;
  area: string | null;
  households: string[];
  startsOn: string;
  endsOn: string | null;
  assignments: { memberId: string; assignedOn: string; endedOn: string | null }[];
  reviews: { id: string; memberId: string; reviewedOn: string; result: TaskResult; comment: string | null }[];
}

/** One loadable part of the data set: the upper tree (chunk 0) or a few grassroots organizations with everything below them. */
export interface Chunk {
  index: number;
  units: GenUnit[];
  members: GenMember[];
  cycles: GenReviewCycle[];
  reviews: GenReview[];
  meetings: GenMeeting[];
  tasks: GenTask[];
}
