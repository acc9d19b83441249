import type { MemberStatus } from '@dangvien/demo-data';
import type { EventTables } from '@dangvien/events';
import type { OrgReplicaTables } from '@dangvien/org-replica';
import type { AuditTables } from '@dangvien/server';
import type { ColumnType, Generated } from 'kysely';

export type { MemberStatus };

/** The membership subgraph's own database. No other subgraph reads these tables. */
export interface MembershipDatabase extends EventTables, AuditTables, OrgReplicaTables {
  member: MemberTable;
  member_placement: MemberPlacementTable;
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

export interface MemberTable {
  id: string;
  full_name: string;
  /** Derived by the database from full_name: the last word, which Vietnamese lists sort by. */
  given_name: ColumnType<string, never, never>;
  status: MemberStatus;
  /** The cell where the member does party activity; an OrgUnit owned by the organization subgraph. */
  cell_id: string | null;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}
