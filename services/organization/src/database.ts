import type { ColumnType, Generated } from 'kysely';
import type { OrgUnitKind } from '@dangvien/demo-data';

export type { OrgUnitKind };

/** The organization subgraph's own database. No other subgraph reads these tables. */
export interface OrganizationDatabase {
  org_unit: OrgUnitTable;
}

export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent_id: string | null;
  created_at: ColumnType<Date, never, never> & Generated<Date>;
}
