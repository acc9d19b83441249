import type { BulkWriter } from '@dangvien/server';

/** A unit's versions as the organization subgraph holds them. */
export interface BulkReplicaUnit {
  id: string;
  code: string;
  kind: string;
  versions: readonly { parentId: string | null; name: string; validFrom: string | null; validTo: string | null }[];
}

/**
 * The replica rows the org events would have written: OrgUnitCreated opens a version from the
 * establishment day, each move or rename closes it and opens the next, the end closes the last.
 */
export async function copyOrgReplica(writer: BulkWriter, units: readonly BulkReplicaUnit[]): Promise<void> {
  await writer.copy(
    'org_unit_replica',
    ['id', 'code', 'name', 'kind', 'parent_id', 'valid_from', 'valid_to'],
    units.flatMap((unit) => unit.versions.map((version) => [unit.id, unit.code, version.name, unit.kind, version.parentId, version.validFrom, version.validTo])),
  );
}

export const ORG_REPLICA_DIGEST = (idPattern: string): string =>
  `SELECT id, code, name, kind, parent_id, valid_from, valid_to FROM org_unit_replica WHERE id::text LIKE '${idPattern}' ORDER BY id, valid_from NULLS FIRST`;
