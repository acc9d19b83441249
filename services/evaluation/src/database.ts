import type { Grade } from '@dangvien/demo-data';
import type { EventTables } from '@dangvien/events';
import type { OrgReplicaTables } from '@dangvien/org-replica';
import type { AuditTables } from '@dangvien/server';
import type { ColumnType, Generated } from 'kysely';

export type { Grade };

/** The evaluation subgraph's own database. No other subgraph reads these tables. */
export interface EvaluationDatabase extends EventTables, AuditTables, OrgReplicaTables {
  review: ReviewTable;
  member_replica: MemberReplicaTable;
  rule_set: RuleSetTable;
  review_cycle: ReviewCycleTable;
  self_review: SelfReviewTable;
  grade_proposal: GradeProposalTable;
  meeting: MeetingTable;
  attendance: AttendanceTable;
  member_placement_change: MemberPlacementChangeTable;
  member_discipline: MemberDisciplineTable;
  residence_link: ResidenceLinkTable;
  residence_comment: ResidenceCommentTable;
  task: TaskTable;
  task_assignment: TaskAssignmentTable;
  task_review: TaskReviewTable;
  organization_review: OrganizationReviewTable;
}

export type ReviewPeriod = 'YEAR' | 'Q1' | 'Q2' | 'Q3' | 'Q4';
export type CycleStatus = 'OPEN' | 'CLOSED';
export type MeetingKind = 'REGULAR' | 'THEMATIC';
export type AttendanceStatus = 'PRESENT' | 'EXCUSED' | 'ABSENT';
/** Whom a cycle grades: the members of a grassroots organization, or the organizations under a unit. */
export type CycleSubject = 'MEMBERS' | 'ORGANIZATIONS';
export type TaskResult = 'EXCEEDED' | 'DONE' | 'IN_PROGRESS' | 'NOT_DONE';

/** One regulation's grading rules, valid from a date until the next rule set's date. */
export interface RuleSetTable {
  id: string;
  code: string;
  name: string;
  valid_from: ColumnType<string, string, string>;
  excellent_min_score: number;
  good_min_score: number;
  completed_min_score: number;
  excellent_requires_all_tasks: boolean;
  excellent_min_exceeded_percent: number;
  /** Excellent grades may not exceed this percentage of the good grades, per grassroots organization. */
  excellent_quota_percent: number;
  /** Working members need the residence comment (Quy định 213) before their grade is final. */
  residence_comment_required: boolean;
}

/** Một đợt kiểm điểm of one grassroots organization; the rule set is fixed when the cycle opens. */
export interface ReviewCycleTable {
  id: string;
  unit_id: string;
  year: number;
  period: ReviewPeriod;
  closes_on: ColumnType<string, string, string>;
  status: Generated<CycleStatus>;
  rule_set_id: string;
  subject: Generated<CycleSubject>;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}

export interface SelfReviewTable {
  cycle_id: string;
  member_id: string;
  content: string;
  submitted_at: Generated<Date>;
}

/** The cell's proposed grade for one member in one cycle. */
export interface GradeProposalTable {
  cycle_id: string;
  member_id: string;
  score: number;
  grade: Grade;
  disciplined: boolean;
  all_tasks_done: boolean;
  exceeded_task_percent: number;
  rule_set_id: string;
  proposed_at: Generated<Date>;
}

export interface MeetingTable {
  id: string;
  cell_id: string;
  held_on: ColumnType<string, string, string>;
  kind: MeetingKind;
  agenda: string;
  resolution: string | null;
  /** Attendance counts, written with the attendance (migration meeting_counts_review_year_idx). */
  present_count: Generated<number>;
  excused_count: Generated<number>;
  absent_count: Generated<number>;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}

export interface AttendanceTable {
  meeting_id: string;
  member_id: string;
  status: AttendanceStatus;
  reason: string | null;
}

/** Where each member is and their status, as membership last told us (MemberPlaced, MembersMoved). */
export interface MemberReplicaTable {
  member_id: string;
  cell_id: string | null;
  status: string;
}

export interface ReviewTable {
  id: string;
  /** A Member owned by the membership subgraph. */
  member_id: string;
  year: number;
  score: number | null;
  grade: Grade | null;
  /** YEAR for annual reviews (all reviews before cycles existed), Q1..Q4 for quarterly ones. */
  period: Generated<ReviewPeriod>;
  /** The cycle that decided it; null for reviews entered before cycles existed. */
  cycle_id: Generated<string | null>;
  /** The rule set the grade was decided under: never rewritten when the rules change. */
  rule_set_id: Generated<string | null>;
  disciplined: Generated<boolean>;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}

/** One placement or status change as membership published it, valid from its date (null: since always). */
export interface MemberPlacementChangeTable {
  seq: Generated<string>;
  member_id: string;
  cell_id: string | null;
  status: string;
  effective_from: ColumnType<string | null, string | null, string | null>;
  /** The date the member's next change takes over (see the migration placement_change_valid_to); null while it holds. */
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A discipline membership recorded (MemberDisciplined): caps the grade of its year. */
export interface MemberDisciplineTable {
  member_id: string;
  form: string;
  effective_date: ColumnType<string, string, string>;
}

/** Regulation 213: a working member's link to the residential cell where they live, from a date (null cell: ended). */
export interface ResidenceLinkTable {
  seq: Generated<string>;
  member_id: string;
  residence_cell_id: string | null;
  valid_from: ColumnType<string, string, string>;
}

/** Regulation 213: the residence's yearly comment on a working member was recorded. */
export interface ResidenceCommentTable {
  member_id: string;
  year: number;
  residence_cell_id: string;
  recorded_on: ColumnType<string, string, string>;
}

/** A task a cell assigns (phân công nhiệm vụ): an area or named households, for a period. */
export interface TaskTable {
  id: string;
  cell_id: string;
  title: string;
  area: string | null;
  households: Generated<string[]>;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string | null, string | null, string | null>;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}

/** Who holds a task from `assigned_on` until `ended_on` (exclusive; null: still). */
export interface TaskAssignmentTable {
  task_id: string;
  member_id: string;
  assigned_on: ColumnType<string, string, string>;
  ended_on: ColumnType<string | null, string | null, string | null>;
}

/** A periodic review of a task and its result. */
export interface TaskReviewTable {
  id: string;
  task_id: string;
  member_id: string;
  reviewed_on: ColumnType<string, string, string>;
  result: TaskResult;
  comment: string | null;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}

/** An organization's grade for a period, decided by the level above under the period's rule set. */
export interface OrganizationReviewTable {
  id: string;
  unit_id: string;
  cycle_id: string;
  year: number;
  period: ReviewPeriod;
  score: number;
  grade: Grade;
  disciplined: boolean;
  rule_set_id: string;
  decided_at: ColumnType<Date, never, never> & Generated<Date>;
}
