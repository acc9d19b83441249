import type { GraphQLResolverMap } from '@apollo/subgraph';
import { DomainError, requireDate, requireId } from '@dangvien/server';
import type { OrganizationContext } from '../context.ts';
import type { OrgUnitRow } from '../org-unit/org-unit.repository.ts';
import { today } from '../org-unit/org-unit.repository.ts';
import { CELL_COMMITTEE_FROM, CELL_KINDS, cellViolations, officialMemberCounts } from './committee-rule.ts';
import { findCellsUnder } from './committee.repository.ts';
import { appointPosition, endPosition, openCommitteeTerm, type AppointPositionInput, type CommitteeTermRow, type EndPositionInput, type OpenCommitteeTermInput, type PositionRow } from './committee.ts';

interface RuleCheck {
  unitId: string;
  officialMemberCount: number;
  electsCommittee: boolean;
  violations: string[];
}

/** The rule checked today for cells, with one count statement and one positions statement for all. */
async function checkCells(context: OrganizationContext, cellIds: readonly string[]): Promise<RuleCheck[]> {
  const day = today();
  const counts = await officialMemberCounts(context.db, cellIds);
  const positions = await Promise.all(cellIds.map((id) => context.positionsOn.load({ id, day })));
  return cellIds.map((unitId, index) => {
    const officialMemberCount = counts.get(unitId) ?? 0;
    const held = positions[index]!.map((row) => row.position);
    return { unitId, officialMemberCount, electsCommittee: officialMemberCount >= CELL_COMMITTEE_FROM, violations: cellViolations({ unitId, officialMemberCount, positions: held }) };
  });
}

export const committeeResolvers: GraphQLResolverMap<OrganizationContext> = {
  Query: {
    committeeRuleViolations: async (_source, args: { unitId: string }, context) => {
      const unitId = requireId(args.unitId, 'unitId');
      if (!(await context.orgUnitById.load(unitId))) throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.', { field: 'unitId' });
      const checks = await checkCells(context, await findCellsUnder(context.db, unitId, context.scopes));
      return checks.filter((check) => check.violations.length > 0);
    },
  },
  Mutation: {
    openCommitteeTerm: (_source, args: { input: OpenCommitteeTermInput }, context) => openCommitteeTerm(context.db, context.caller, args.input),
    appointPosition: (_source, args: { input: AppointPositionInput }, context) => appointPosition(context.db, context.caller, args.input),
    endPosition: (_source, args: { input: EndPositionInput }, context) => endPosition(context.db, context.caller, args.input),
  },
  OrgUnit: {
    committeeTerms: (unit: OrgUnitRow, _args, context) => context.termsOf.load(unit.id),
    committeeTerm: async (unit: OrgUnitRow, _args, context) =>
      (await context.termsOf.load(unit.id)).find((term) => term.starts_on <= unit.as_of && (term.ends_on === null || term.ends_on > unit.as_of)) ?? null,
    positions: (unit: OrgUnitRow, _args, context) => context.positionsOn.load({ id: unit.id, day: unit.as_of }),
    committeeRule: async (unit: OrgUnitRow, _args, context) => (CELL_KINDS.includes(unit.kind) ? (await checkCells(context, [unit.id]))[0] : null),
  },
  CommitteeTerm: {
    unit: (term: CommitteeTermRow, _args, context) => context.orgUnitById.load(term.unit_id, term.starts_on),
    startsOn: (term: CommitteeTermRow) => term.starts_on,
    endsOn: (term: CommitteeTermRow) => term.ends_on,
    decisionNumber: (term: CommitteeTermRow) => term.decision_number,
    positions: async (term: CommitteeTermRow, args: { asOf?: string | null }, context) => {
      const all = await context.positionsOfTerm.load(term.id);
      if (args.asOf === undefined || args.asOf === null) return all;
      const day = requireDate(args.asOf, 'asOf');
      return all.filter((row) => row.starts_on <= day && (row.ends_on === null || row.ends_on > day));
    },
  },
  CommitteePosition: {
    member: (row: PositionRow) => ({ __typename: 'Member', id: row.member_id }),
    unit: (row: PositionRow, _args, context) => context.orgUnitById.load(row.unit_id, row.starts_on),
    startsOn: (row: PositionRow) => row.starts_on,
    endsOn: (row: PositionRow) => row.ends_on,
    decisionNumber: (row: PositionRow) => row.decision_number,
    endDecisionNumber: (row: PositionRow) => row.end_decision_number,
  },
  Member: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    committeePositions: (member: { id: string }, _args, context) => context.positionsOfMember.load(member.id),
  },
  CommitteeRuleCheck: {
    unit: (check: RuleCheck, _args, context) => context.orgUnitById.load(check.unitId),
  },
};
