import { DomainError, requireDate, requireId } from '@dangvien/server';
import type { OrganizationContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { memberReference } from '../member.ts';
import { today } from '../org-unit/org-unit.repository.ts';
import { CELL_COMMITTEE_FROM, CELL_KINDS, cellViolations, type CellRuleCheck } from './committee-rule.ts';
import { findCellsUnder, officialMemberCounts } from './committee.repository.ts';
import { appointPosition, endPosition, openCommitteeTerm } from './committee.ts';

/** The rule checked today for cells, with one count statement and one positions statement for all. */
async function checkCells(context: OrganizationContext, cellIds: readonly string[]): Promise<CellRuleCheck[]> {
  const day = today();
  const counts = await officialMemberCounts(context.db, cellIds);
  const positions = await Promise.all(cellIds.map((id) => context.positionsOn.load({ id, day })));
  return cellIds.map((unitId, index) => {
    const officialMemberCount = counts.get(unitId) ?? 0;
    const held = positions[index]!.map((row) => row.position);
    return { unitId, officialMemberCount, electsCommittee: officialMemberCount >= CELL_COMMITTEE_FROM, violations: cellViolations({ unitId, officialMemberCount, positions: held }) };
  });
}

export const committeeResolvers: Resolvers = {
  Query: {
    committeeRuleViolations: async (_source, args, context) => {
      const unitId = requireId(args.unitId, 'unitId');
      if (!(await context.orgUnitById.load(unitId))) throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.', { field: 'unitId' });
      const checks = await checkCells(context, await findCellsUnder(context.db, unitId, context.scopes));
      return checks.filter((check) => check.violations.length > 0);
    },
  },
  Mutation: {
    openCommitteeTerm: (_source, { input }, context) => openCommitteeTerm(context.db, context.caller, input),
    appointPosition: (_source, { input }, context) => appointPosition(context.db, context.caller, input),
    endPosition: (_source, { input }, context) => endPosition(context.db, context.caller, input),
  },
  OrgUnit: {
    committeeTerms: (unit, _args, context) => context.termsOf.load(unit.id),
    committeeTerm: async (unit, _args, context) =>
      (await context.termsOf.load(unit.id)).find((term) => term.starts_on <= unit.as_of && (term.ends_on === null || term.ends_on > unit.as_of)) ?? null,
    positions: (unit, _args, context) => context.positionsOn.load({ id: unit.id, day: unit.as_of }),
    committeeRule: async (unit, _args, context) => (CELL_KINDS.includes(unit.kind) ? ((await checkCells(context, [unit.id]))[0] ?? null) : null),
  },
  CommitteeTerm: {
    unit: (term, _args, context) => context.orgUnitById.load(term.unit_id, term.starts_on),
    startsOn: (term) => term.starts_on,
    endsOn: (term) => term.ends_on,
    decisionNumber: (term) => term.decision_number,
    positions: async (term, args, context) => {
      const all = await context.positionsOfTerm.load(term.id);
      if (args.asOf === undefined || args.asOf === null) return all;
      const day = requireDate(args.asOf, 'asOf');
      return all.filter((row) => row.starts_on <= day && (row.ends_on === null || row.ends_on > day));
    },
  },
  CommitteePosition: {
    member: (row) => memberReference(row.member_id),
    unit: (row, _args, context) => context.orgUnitById.load(row.unit_id, row.starts_on),
    startsOn: (row) => row.starts_on,
    endsOn: (row) => row.ends_on,
    decisionNumber: (row) => row.decision_number,
    endDecisionNumber: (row) => row.end_decision_number,
  },
  Member: {
    __resolveReference: (reference) => ({ id: reference.id }),
    committeePositions: (member, _args, context) => context.positionsOfMember.load(member.id),
  },
  CommitteeRuleCheck: {
    unit: (check, _args, context) => context.orgUnitById.load(check.unitId),
  },
};
