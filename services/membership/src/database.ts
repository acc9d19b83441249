import type { MemberStatus as DemoMemberStatus } from '@dangvien/demo-data';
import type { EventTables } from '@dangvien/events';
import type { OrgReplicaTables } from '@dangvien/org-replica';
import type { AuditTables } from '@dangvien/server';
import type { ColumnType, Generated } from 'kysely';

/** The demo data's statuses, and CANDIDATE (quần chúng ưu tú: recorded, not yet admitted). */
export type MemberStatus = DemoMemberStatus | 'CANDIDATE';

/** The membership subgraph's own database. No other subgraph reads these tables. */
export interface MembershipDatabase extends EventTables, AuditTables, OrgReplicaTables {
  member: MemberTable;
  member_placement: MemberPlacementTable;
  member_event: MemberEventTable;
  member_party_card: MemberPartyCardTable;
}

/** One dated lifecycle event (append-only). */
export interface MemberEventTable {
  id: Generated<number>;
  member_id: string;
  kind: string;
  occurred_on: ColumnType<string, string, never>;
  decision_number: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  recorded_at: ColumnType<Date, never, never> & Generated<Date>;
  recorded_by: string;
}

/** Every party card number a member has held (cards were exchanged in 2025), newest last (append-only). */
export interface MemberPartyCardTable {
  id: Generated<number>;
  member_id: string;
  card_number: string;
  recorded_at: ColumnType<Date, never, never> & Generated<Date>;
  recorded_by: string;
}

/** The lý lịch fields a clerk may set (all optional in the database; text in NFC). */
export interface MemberProfileColumns {
  birth_name: string | null;
  sex: 'MALE' | 'FEMALE' | null;
  date_of_birth: string | null;
  ethnicity: string | null;
  religion: string | null;
  hometown: string | null;
  residence: string | null;
  citizen_id: string | null;
  phone: string | null;
  education_level: string | null;
  professional_qualification: string | null;
  political_theory_level: 'SO_CAP' | 'TRUNG_CAP' | 'CAO_CAP' | 'CU_NHAN' | null;
  occupation: string | null;
  workplace: string | null;
  party_card_number: string | null;
  profile_number: string | null;
}

/** Where a member did party activity, when: valid from (inclusive) to (exclusive; null = now). */
export interface MemberPlacementTable {
  id: Generated<number>;
  member_id: string;
  cell_id: string;
  valid_from: string | null;
  valid_to: string | null;
  /** The cross-subgraph operation that made this placement, if any: at most one per member. */
  operation_id: string | null;
}

export interface MemberTable extends Partial<MemberProfileColumns> {
  id: string;
  full_name: string;
  /** Derived by the database from full_name: the last word, which Vietnamese lists sort by. */
  given_name: ColumnType<string, never, never>;
  status: MemberStatus;
  /** The cell where the member does party activity; an OrgUnit owned by the organization subgraph. */
  cell_id: string | null;
  /** Status before the recorded history (members recorded without it); null when the history starts with the member. */
  initial_status?: MemberStatus | null;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
  updated_at?: ColumnType<Date, never, Date | string>;
}
