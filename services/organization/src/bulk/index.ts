import { migrations } from '../migrations/index.ts';
import { copyOrgUnits, type BulkOrgUnit } from './org-units.ts';
import { auditBulkLoad, type BulkWriter } from '@dangvien/server';

export type { BulkOrgUnit, BulkOrgUnitVersion } from './org-units.ts';
// The demo data set is seeded through the same insert as createOrgUnit (versions and OrgUnitCreated events).
export { insertOrgUnits, type NewOrgUnit } from '../org-unit/org-unit.repository.ts';
export type { OrganizationDatabase } from '../database.ts';

/** Where a member is and their status today. */
export interface BulkMemberPlacement {
  id: string;
  cellId: string;
  status: string;
}
export type { BulkWriter, CopyValue } from '@dangvien/server';

/**
 * The organization subgraph's bulk path: the tree and its history straight into org_unit and
 * org_unit_version with COPY. No outbox events: consumers get bulk-loaded units from their own bulk
 * path (their replicas are loaded directly), so every consumer position stays valid (docs/data.md).
 */
export const organizationBulk = {
  subgraph: 'organization' as const,
  migrations,
  async loadChunk(writer: BulkWriter, chunk: { units: readonly BulkOrgUnit[]; members: readonly BulkMemberPlacement[] }): Promise<void> {
    await copyOrgUnits(writer, chunk.units);
    // Our copy of where members are, as membership's MemberPlaced would have left it.
    await writer.copy('member_placement_replica', ['member_id', 'cell_id', 'status'], chunk.members.map((member) => [member.id, member.cellId, member.status]));
  },
  finish: auditBulkLoad,
  /** Rows of the loaded data set, content only (no serial ids or timestamps), for digests. */
  digestQueries: (idPattern: string): string[] => [
    `SELECT id, code, kind, established_on, ended_on, successor_id, end_decision FROM org_unit WHERE id::text LIKE '${idPattern}' ORDER BY id`,
    `SELECT unit_id, parent_id, name, name_folded, valid_from, valid_to, change, decision_number FROM org_unit_version WHERE unit_id::text LIKE '${idPattern}' ORDER BY unit_id, valid_from NULLS FIRST`,
    `SELECT member_id, cell_id, status FROM member_placement_replica WHERE cell_id::text LIKE '${idPattern}' ORDER BY member_id`,
  ],
};
