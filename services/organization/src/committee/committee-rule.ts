import { sql, type Kysely, type Transaction } from 'kysely';
import type { OrganizationDatabase, OrgUnitKind, PositionKind } from '../database.ts';
import { GONE_STATUSES } from '../member-replica/member-replica.ts';

/**
 * Charter art. 24: a cell with fewer than 9 official members has a secretary (and maybe a deputy) and
 * no committee; from 9 it elects a cell committee (chi ủy). A cell needs at least 3 official members.
 */
export const CELL_COMMITTEE_FROM = 9;
export const CELL_MINIMUM = 3;
export const CELL_KINDS: readonly OrgUnitKind[] = ['CELL', 'GRASSROOTS_CELL'];
/** Positions that make a committee beyond the secretary and deputy. */
export const COMMITTEE_ONLY_POSITIONS: readonly PositionKind[] = ['COMMITTEE_MEMBER', 'STANDING_COMMITTEE_MEMBER'];

export type CommitteeRuleViolationKind = 'COMMITTEE_UNDER_NINE' | 'NO_COMMITTEE_FROM_NINE' | 'NO_SECRETARY' | 'FEWER_THAN_THREE';

export interface CellFacts {
  unitId: string;
  officialMemberCount: number;
  /** Positions held on the day checked. */
  positions: PositionKind[];
}

/** What the rule says about one cell on one day. */
export function cellViolations(facts: CellFacts): CommitteeRuleViolationKind[] {
  const violations: CommitteeRuleViolationKind[] = [];
  const hasCommittee = facts.positions.some((position) => COMMITTEE_ONLY_POSITIONS.includes(position));
  if (facts.officialMemberCount < CELL_COMMITTEE_FROM && hasCommittee) violations.push('COMMITTEE_UNDER_NINE');
  if (facts.officialMemberCount >= CELL_COMMITTEE_FROM && !hasCommittee) violations.push('NO_COMMITTEE_FROM_NINE');
  if (!facts.positions.includes('SECRETARY')) violations.push('NO_SECRETARY');
  if (facts.officialMemberCount < CELL_MINIMUM) violations.push('FEWER_THAN_THREE');
  return violations;
}

/** Official members placed directly in each unit today, from organization's copy of membership's placements. */
export async function officialMemberCounts(db: Kysely<OrganizationDatabase> | Transaction<OrganizationDatabase>, unitIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(unitIds.map((id) => [id, 0]));
  if (unitIds.length === 0) return counts;
  const rows = await db
    .selectFrom('member_placement_replica')
    .select(['cell_id', sql<number>`count(*)::int`.as('n')])
    .where('cell_id', 'in', [...unitIds])
    .where('status', '=', 'OFFICIAL')
    .groupBy('cell_id')
    .execute();
  for (const row of rows) counts.set(row.cell_id!, row.n);
  return counts;
}

/** Whether a member is placed (and active) inside the subtree of `unitId` as the tree stands today. */
export async function memberPlacedUnder(trx: Transaction<OrganizationDatabase>, memberId: string, unitId: string): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`
    WITH RECURSIVE tree AS (
      SELECT ${unitId}::uuid AS id
      UNION
      SELECT v.unit_id FROM org_unit_version v JOIN tree ON v.parent_id = tree.id
      WHERE (v.valid_from IS NULL OR v.valid_from <= current_date) AND (v.valid_to IS NULL OR v.valid_to > current_date)
    )
    SELECT EXISTS (
      SELECT 1 FROM member_placement_replica m
      WHERE m.member_id = ${memberId}::uuid AND m.status <> ALL(${[...GONE_STATUSES]}::text[]) AND m.cell_id IN (SELECT id FROM tree)
    ) AS ok`.execute(trx);
  return row.rows[0]?.ok ?? false;
}

/** A unit that ends takes its committee with it: its open term and the positions still held end that day. */
export async function endCommitteesOf(trx: Transaction<OrganizationDatabase>, unitIds: readonly string[], day: string, decisionNumber: string): Promise<number> {
  if (unitIds.length === 0) return 0;
  await trx
    .updateTable('committee_term')
    .set({ ends_on: day })
    .where('unit_id', 'in', [...unitIds])
    .where('ends_on', 'is', null)
    .where('starts_on', '<', day)
    .execute();
  const ended = await trx
    .updateTable('committee_position')
    .set({ ends_on: day, end_decision_number: decisionNumber })
    .where('unit_id', 'in', [...unitIds])
    .where('ends_on', 'is', null)
    .where('starts_on', '<', day)
    .returning('id')
    .execute();
  return ended.length;
}
