import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';

/**
 * Tables and columns added by the transfers, inspections, Regulation 213 and search migration
 * (2026_11_23_10_00_00). Kept beside the features that use them; `withPlacementTables` gives a
 * database handle that knows them.
 */
// A type (not an interface) so that Kysely's withTables accepts it.
export type PlacementTables = {
  member: { full_name_folded: ColumnType<string, never, never> };
  member_placement: { kind: ColumnType<PlacementKind, PlacementKind | undefined, PlacementKind>; transfer_id: ColumnType<string | null, string | null | undefined, string | null> };
  member_inspection: MemberInspectionTable;
  member_transfer: MemberTransferTable;
  residence_link: ResidenceLinkTable;
  residence_exemption: ResidenceExemptionTable;
  residence_meeting: ResidenceMeetingTable;
  residence_meeting_attendance: { meeting_id: string; member_id: string; present: boolean };
  residence_comment: ResidenceCommentTable;
  residence_notice: ResidenceNoticeTable;
};

export type PlacementKind = 'OFFICIAL' | 'TEMPORARY';
export type TransferDirection = 'WITHIN' | 'OUT' | 'IN';
export type TransferReason = 'JOB_CHANGE' | 'RETIREMENT' | 'PERMANENT_MOVE' | 'WORK' | 'RESIDENCE' | 'STUDY';

type RecordedAt = ColumnType<Date, never, never> & Generated<Date>;

export interface MemberInspectionTable {
  id: string;
  member_id: string;
  started_on: string;
  decision_number: string;
  inspecting_body: string;
  reason: string | null;
  ended_on: string | null;
  end_decision_number: string | null;
  conclusion: string | null;
  recorded_by: string;
  recorded_at: RecordedAt;
}

export interface MemberTransferTable {
  id: string;
  member_id: string;
  kind: PlacementKind;
  direction: TransferDirection;
  reason: TransferReason;
  from_cell_id: string | null;
  to_cell_id: string | null;
  external_organization: string | null;
  letter_number: string;
  letter_issued_on: string;
  report_due_on: string;
  presented_on: string | null;
  temporary_until: string | null;
  returned_on: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: RecordedAt;
}

export interface ResidenceLinkTable {
  id: string;
  member_id: string;
  ward_id: string;
  residence_cell_id: string;
  valid_from: string;
  valid_to: string | null;
  introduction_number: string | null;
  end_reason: string | null;
  recorded_by: string;
  recorded_at: RecordedAt;
}

export type ResidenceExemptionGround = 'TROOPS_IN_BARRACKS' | 'WORKING_FAR_AWAY' | 'MOBILE_WORK' | 'ROTATED_CADRE' | 'FULL_TIME_STUDENT';

export interface ResidenceExemptionTable {
  id: string;
  member_id: string;
  ground: ResidenceExemptionGround;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: RecordedAt;
}

export interface ResidenceMeetingTable {
  id: string;
  ward_id: string;
  held_on: string;
  half_year: string;
  note: string | null;
  recorded_by: string;
  recorded_at: RecordedAt;
}

export interface ResidenceCommentTable {
  id: string;
  member_id: string;
  year: number;
  residence_cell_id: string;
  comment: string;
  front_committee_opinion: string;
  recorded_on: string;
  delivered_on: string | null;
  recorded_by: string;
  recorded_at: RecordedAt;
}

export type ResidenceNoticeKind = 'MOVED_HOUSE' | 'CHANGED_POST' | 'TRANSFERRED' | 'EXPELLED' | 'NAME_REMOVED';

export interface ResidenceNoticeTable {
  id: string;
  member_id: string;
  direction: 'TO_RESIDENCE' | 'TO_WORKPLACE';
  kind: ResidenceNoticeKind;
  occurred_on: string;
  residence_cell_id: string;
  workplace_cell_id: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: RecordedAt;
}

export type PlacementDatabase = MembershipDatabase & PlacementTables;

export function withPlacementTables(db: Kysely<MembershipDatabase>): Kysely<PlacementDatabase> {
  return db.withTables<PlacementTables>();
}

export function trxWithPlacementTables(trx: Transaction<MembershipDatabase>): Transaction<PlacementDatabase> {
  return trx.withTables<PlacementTables>();
}

/** Units members do party activity in: subordinate cells, and grassroots cells (chi bộ cơ sở) that have no cells below them. */
export const MEMBER_CELL_KINDS: readonly string[] = ['CELL', 'GRASSROOTS_CELL'];
