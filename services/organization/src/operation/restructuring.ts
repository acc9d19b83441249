import type { OrgUnitChangeKind, RestructuringKind } from '../generated/graphql.ts';
import type { SubtreeChangeRow, UnitOperationRow } from './restructuring.repository.ts';

/** One decision's changes on one day, with the operations that carried them out. */
export interface RestructuringRecord {
  kind: RestructuringKind;
  effectiveDate: string;
  decisionNumber: string | null;
  operationIds: string[];
  changes: SubtreeChangeRow[];
}

const OPERATION_KINDS: Record<string, RestructuringKind> = {
  MERGE_ORG_UNITS: 'MERGE',
  SPLIT_ORG_UNIT: 'SPLIT',
  DISSOLVE_ORG_UNIT: 'DISSOLVE',
  PROVINCE_REFORM: 'PROVINCE_REFORM',
};

const CHANGE_KINDS: Record<OrgUnitChangeKind, RestructuringKind> = { CREATED: 'CREATE', RENAMED: 'RENAME', MOVED: 'MOVE', ENDED: 'DISSOLVE' };
const CHANGE_ORDER: Record<OrgUnitChangeKind, number> = { ENDED: 0, CREATED: 1, MOVED: 2, RENAMED: 3 };
const collator = new Intl.Collator('vi', { numeric: true });

/**
 * Groups changes into restructurings: one per day and decision (changes without a decision: one per
 * day and kind). Its kind is its operations' (a merger, a split …) when they agree, else its changes' when
 * they agree, else OTHER. Newest first.
 */
export function groupRestructurings(changes: readonly SubtreeChangeRow[], operations: readonly UnitOperationRow[]): RestructuringRecord[] {
  const groups = new Map<string, RestructuringRecord>();
  for (const change of changes) {
    // Changes recorded without a decision (units loaded with their founding date only) group by day and kind.
    const key = change.decision_number === null ? `${change.day}|-${change.kind}` : `${change.day}|${change.decision_number}`;
    const group = groups.get(key) ?? { kind: 'OTHER', effectiveDate: change.day, decisionNumber: change.decision_number, operationIds: [], changes: [] };
    group.changes.push(change);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    // An operation belongs to the group when it ended or created one of its units on that day.
    const linked = operations.filter((operation) =>
      group.changes.some((change) => change.unit_id === operation.unit_id && (change.kind === 'ENDED' || (change.kind === 'CREATED' && operation.kind === 'SPLIT_ORG_UNIT'))),
    );
    group.operationIds = [...new Set(linked.map((operation) => operation.operation_id))];
    const operationKinds = new Set(linked.map((operation) => OPERATION_KINDS[operation.kind] ?? 'OTHER'));
    const changeKinds = new Set(group.changes.map((change) => CHANGE_KINDS[change.kind]));
    group.kind = operationKinds.size === 1 ? [...operationKinds][0]! : operationKinds.size === 0 && changeKinds.size === 1 ? [...changeKinds][0]! : 'OTHER';
    group.changes.sort((a, b) => CHANGE_ORDER[a.kind] - CHANGE_ORDER[b.kind] || collator.compare(a.name, b.name));
  }
  return [...groups.values()].sort(
    (a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || collator.compare(a.decisionNumber ?? '', b.decisionNumber ?? ''),
  );
}
