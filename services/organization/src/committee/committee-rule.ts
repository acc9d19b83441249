import type { CommitteeRuleViolation, OrgUnitKind, PositionKind } from '../generated/graphql.ts';

/**
 * Charter art. 24: a cell with fewer than 9 official members has a secretary (and maybe a deputy) and
 * no committee; from 9 it elects a cell committee (chi ủy). A cell needs at least 3 official members.
 */
export const CELL_COMMITTEE_FROM = 9;
export const CELL_MINIMUM = 3;
export const CELL_KINDS: readonly OrgUnitKind[] = ['CELL', 'GRASSROOTS_CELL'];
/** Positions that make a committee beyond the secretary and deputy. */
export const COMMITTEE_ONLY_POSITIONS: readonly PositionKind[] = ['COMMITTEE_MEMBER', 'STANDING_COMMITTEE_MEMBER'];

export interface CellFacts {
  unitId: string;
  officialMemberCount: number;
  /** Positions held on the day checked. */
  positions: PositionKind[];
}

/** The rule checked for one cell: its facts, whether it elects a committee, and what is wrong. */
export interface CellRuleCheck {
  unitId: string;
  officialMemberCount: number;
  electsCommittee: boolean;
  violations: CommitteeRuleViolation[];
}

/** What the rule says about one cell on one day. */
export function cellViolations(facts: CellFacts): CommitteeRuleViolation[] {
  const violations: CommitteeRuleViolation[] = [];
  const hasCommittee = facts.positions.some((position) => COMMITTEE_ONLY_POSITIONS.includes(position));
  if (facts.officialMemberCount < CELL_COMMITTEE_FROM && hasCommittee) violations.push('COMMITTEE_UNDER_NINE');
  if (facts.officialMemberCount >= CELL_COMMITTEE_FROM && !hasCommittee) violations.push('NO_COMMITTEE_FROM_NINE');
  if (!facts.positions.includes('SECRETARY')) violations.push('NO_SECRETARY');
  if (facts.officialMemberCount < CELL_MINIMUM) violations.push('FEWER_THAN_THREE');
  return violations;
}
