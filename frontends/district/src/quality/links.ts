/** A unit as the quality lists read it: its kind and parent say which module fixes what lies in it. */
export interface UnitRef {
  id: string;
  kind: string;
  parent?: { id: string } | null;
}

export interface ModulePaths {
  wardPath: (committeeId: string, ...segments: string[]) => string | undefined;
  cellPath: (cellId: string, ...segments: string[]) => string | undefined;
}

const CELL_KINDS = ['CELL', 'GRASSROOTS_CELL'];

/** The grassroots committee (ward module) a unit belongs to: a cell's parent, or the committee itself. */
export function committeeOf(unit: UnitRef): string | undefined {
  return unit.kind === 'CELL' || unit.kind === 'PARTY_GROUP' ? unit.parent?.id : unit.id;
}

/**
 * Where a member's record is fixed: the member's page in the cell module (the profile, CCCD included,
 * is edited there) when the member is in a cell; the ward module's member page (transfer to a cell)
 * when the member is recorded at a committee.
 */
export function memberFixPath(paths: ModulePaths, memberId: string, unit: UnitRef | null | undefined): string | undefined {
  if (!unit) return undefined;
  if (CELL_KINDS.includes(unit.kind)) return paths.cellPath(unit.id, 'members', memberId);
  const committee = committeeOf(unit);
  return committee ? paths.wardPath(committee, 'members', memberId) : undefined;
}

/** Where an evaluation alert is dealt with: the cell's tasks or meetings, the committee's grading. */
export function staleAlertFixPath(paths: ModulePaths, kind: string, unit: UnitRef): string | undefined {
  if (kind === 'UNATTENDED_TASK') return paths.cellPath(unit.id, 'tasks');
  if (kind === 'NO_MEETING_LAST_MONTH') return paths.cellPath(unit.id, 'meetings');
  const committee = committeeOf(unit);
  return committee ? paths.wardPath(committee, 'grading') : undefined;
}
