import type { ColumnType, Generated } from 'kysely';
import type { MemberStatus } from '@dangvien/demo-data';

export type { MemberStatus };

/** The membership subgraph's own database. No other subgraph reads these tables. */
export interface MembershipDatabase {
  member: MemberTable;
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
