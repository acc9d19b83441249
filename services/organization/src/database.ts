import type { OrgUnitKind } from '@dangvien/demo-data';
import type { EventTables } from '@dangvien/events';
import type { AuditTables } from '@dangvien/server';
import type { ColumnType, Generated } from 'kysely';

export type { OrgUnitKind };

/** The organization subgraph's own database. No other subgraph reads these tables. */
export interface OrganizationDatabase extends EventTables, AuditTables {
  org_unit: OrgUnitTable;
  operation: OperationTable;
  operation_part: OperationPartTable;
}

export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent_id: string | null;
  /** YYYY-MM-DD */
  established_on: string | null;
  /** YYYY-MM-DD: the first day the unit no longer exists. */
  ended_on: string | null;
  successor_id: string | null;
  end_decision: string | null;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
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
