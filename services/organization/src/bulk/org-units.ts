import { foldText } from '@dangvien/server';
import type { BulkWriter } from '@dangvien/server';

export interface BulkOrgUnitVersion {
  parentId: string | null;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  change: 'CREATED' | 'RENAMED' | 'MOVED';
  decisionNumber: string | null;
}

/** A unit with its whole dated history, as the API would have left it (created, moved, renamed, ended). */
export interface BulkOrgUnit {
  id: string;
  code: string;
  kind: string;
  establishedOn: string | null;
  endedOn: string | null;
  successorId: string | null;
  endDecision: string | null;
  category?: string | null;
  residentialArea?: string | null;
  versions: readonly BulkOrgUnitVersion[];
}

/** Units first, then their versions (which reference units, parents included: parents come in the same or an earlier chunk). */
export async function copyOrgUnits(writer: BulkWriter, units: readonly BulkOrgUnit[]): Promise<void> {
  await writer.copy(
    'org_unit',
    ['id', 'code', 'kind', 'established_on', 'established_decision', 'ended_on', 'successor_id', 'end_decision', 'category', 'residential_area'],
    units.map((unit) => [unit.id, unit.code, unit.kind, unit.establishedOn, null, unit.endedOn, unit.successorId, unit.endDecision, unit.category ?? null, unit.residentialArea ?? null]),
  );
  await writer.copy(
    'org_unit_version',
    ['unit_id', 'parent_id', 'name', 'name_folded', 'valid_from', 'valid_to', 'change', 'decision_number'],
    units.flatMap((unit) => unit.versions.map((version) => [unit.id, version.parentId, version.name, foldText(version.name), version.validFrom, version.validTo, version.change, version.decisionNumber])),
  );
}
