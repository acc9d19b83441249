import type { OrgUnitChangeKind } from '../generated/graphql.ts';
import type { OrgUnitRecord, OrgUnitVersionRow } from './org-unit.tables.ts';

/** One change in a unit's history: a version's start, or the unit's end; parent and successor as ids. */
export interface UnitChange {
  kind: OrgUnitChangeKind;
  effectiveDate: string | null;
  decisionNumber: string | null;
  name: string;
  parentId: string | null;
  successorId: string | null;
}

/** A unit's changes, oldest first: one per version (creation, renames, moves), then its end if it ended. */
export function historyOf(unit: OrgUnitRecord, versions: readonly OrgUnitVersionRow[]): UnitChange[] {
  const changes: UnitChange[] = versions.map((version) => ({
    kind: version.change,
    effectiveDate: version.valid_from,
    decisionNumber: version.change === 'CREATED' ? (version.decision_number ?? unit.established_decision) : version.decision_number,
    name: version.name,
    parentId: version.parent_id,
    successorId: null,
  }));
  const last = versions.at(-1);
  if (unit.ended_on && last) {
    changes.push({ kind: 'ENDED', effectiveDate: unit.ended_on, decisionNumber: unit.end_decision, name: last.name, parentId: last.parent_id, successorId: unit.successor_id });
  }
  return changes;
}
