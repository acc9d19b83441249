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
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}
