import type { OrgUnitKind } from '@dangvien/demo-data';
import type { OrgUnitCategory, ResidentialArea } from './category/category.ts';
import type { EventTables } from '@dangvien/events';
import type { AuditTables } from '@dangvien/server';
import type { ColumnType, Generated } from 'kysely';

export type { OrgUnitKind };

/** The organization subgraph's own database. No other subgraph reads these tables. */
export interface OrganizationDatabase extends EventTables, AuditTables {
  org_unit: OrgUnitTable;
  org_unit_version: OrgUnitVersionTable;
  operation: OperationTable;
  operation_part: OperationPartTable;
  member_placement_replica: MemberPlacementReplicaTable;
  committee_term: CommitteeTermTable;
  committee_position: CommitteePositionTable;
  delegation: DelegationTable;
  delegate: DelegateTable;
  delegate_work_item: DelegateWorkItemTable;
  delegate_rating: DelegateRatingTable;
}

/** Identity, kind, code and lifetime of a unit; its names and parents over time are in org_unit_version. */
export interface OrgUnitTable {
  id: string;
  code: string;
  kind: OrgUnitKind;
  /** YYYY-MM-DD */
  established_on: string | null;
  /** Số quyết định thành lập, when the unit was created through the API. */
  established_decision: string | null;
  /** YYYY-MM-DD: the first day the unit no longer exists. */
  ended_on: string | null;
  successor_id: string | null;
  end_decision: string | null;
  /** Loại hình (category/category.ts); null when not recorded. */
  category: ColumnType<OrgUnitCategory | null, OrgUnitCategory | null | undefined, OrgUnitCategory | null>;
  residential_area: ColumnType<ResidentialArea | null, ResidentialArea | null | undefined, ResidentialArea | null>;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}

export type OrgUnitVersionChange = 'CREATED' | 'RENAMED' | 'MOVED';

/** One version of a unit's place and name: valid from `valid_from` (inclusive, null = always) to `valid_to` (exclusive, null = open). */
export interface OrgUnitVersionTable {
  version_id: Generated<number>;
  unit_id: string;
  parent_id: string | null;
  name: string;
  /** `name` folded for search (lowercase, no diacritics): see foldText. */
  name_folded: string;
  valid_from: string | null;
  valid_to: string | null;
  /** What started this version. */
  change: OrgUnitVersionChange;
  decision_number: string | null;
}

export type OperationStatus = 'PENDING' | 'COMPLETED';

export interface OperationTable {
  id: string;
  kind: string;
  subject_id: string;
  status: OperationStatus;
  requested_by: string;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
  completed_at: Date | null;
}

export interface OperationPartTable {
  operation_id: string;
  /** The subgraph whose share of the work this is. */
  part: string;
  /** The unit this part concerns (a merge has one per merged unit). */
  unit_id: string;
  status: OperationStatus;
  detail: unknown;
  applied_at: Date | null;
}

/** Where each member does party activity today, as membership's events said (read-only copy). */
export interface MemberPlacementReplicaTable {
  member_id: string;
  cell_id: string | null;
  status: string;
}

/** A committee's term (nhiệm kỳ) in a unit: from starts_on (inclusive) to ends_on (exclusive; null = current). */
export interface CommitteeTermTable {
  id: string;
  unit_id: string;
  name: string;
  starts_on: string;
  ends_on: string | null;
  decision_number: string;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}

export type PositionKind = 'SECRETARY' | 'DEPUTY_SECRETARY' | 'STANDING_COMMITTEE_MEMBER' | 'COMMITTEE_MEMBER';

/** A position a member holds in a unit's committee, in one term: from starts_on to ends_on (exclusive; null = still). */
export interface CommitteePositionTable {
  id: string;
  term_id: string;
  unit_id: string;
  member_id: string;
  position: PositionKind;
  starts_on: string;
  ends_on: string | null;
  decision_number: string;
  end_decision_number: string | null;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}

/** Đoàn cán bộ: members an upper committee assigns to direct a unit below it, from starts_on to ends_on (exclusive; null = still). */
export interface DelegationTable {
  id: string;
  assigning_unit_id: string;
  target_unit_id: string;
  name: string;
  starts_on: string;
  ends_on: string | null;
  decision_number: string;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}

export type DelegateRole = 'LEADER' | 'DEPUTY_LEADER' | 'MEMBER';

/** One delegate and the area (khu vực) he or she is responsible for. */
export interface DelegateTable {
  id: string;
  delegation_id: string;
  member_id: string;
  role: DelegateRole;
  area_unit_id: string | null;
  area_name: string;
}

export type WorkItemResult = 'EXCEEDED' | 'DONE' | 'IN_PROGRESS' | 'NOT_DONE';

/** Phần việc đăng ký: a work item a delegate registers for a year, and its result. */
export interface DelegateWorkItemTable {
  id: string;
  delegate_id: string;
  year: number;
  title: string;
  registered_on: string;
  result: WorkItemResult | null;
  result_note: string | null;
  result_recorded_on: string | null;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}

export type DelegateGrade = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED';

/** A delegate's year-end rating by the committee that assigned the delegation. */
export interface DelegateRatingTable {
  delegate_id: string;
  year: number;
  grade: DelegateGrade;
  comment: string | null;
  rated_on: string;
  decision_number: string;
}
