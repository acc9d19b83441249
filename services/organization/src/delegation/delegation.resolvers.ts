import { requireId } from '@dangvien/server';
import type { OrganizationContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { memberReference } from '../member.ts';
import { createDelegation, DELEGATE_GRADES, endDelegation, rateDelegate, recordWorkItemResult, registerWorkItem } from './delegation.ts';
import type { DelegationRow } from './delegation.tables.ts';

const actsOn = (delegation: DelegationRow, day: string) => delegation.starts_on <= day && (delegation.ends_on === null || delegation.ends_on > day);

/** A delegation the caller may read: through its assigning or its directed unit (each load is scoped). */
async function readable(context: OrganizationContext, delegation: DelegationRow | null): Promise<DelegationRow | null> {
  if (!delegation) return null;
  const [assigning, target] = await Promise.all([context.orgUnitById.load(delegation.assigning_unit_id), context.orgUnitById.load(delegation.target_unit_id)]);
  return assigning || target ? delegation : null;
}

export const delegationResolvers: Resolvers = {
  Query: {
    delegation: async (_source, args, context) => readable(context, await context.delegationById.load(requireId(args.id))),
  },
  Mutation: {
    createDelegation: (_source, { input }, context) => createDelegation(context.db, context.caller, input),
    registerWorkItem: (_source, { input }, context) => registerWorkItem(context.db, context.caller, input),
    recordWorkItemResult: (_source, { input }, context) => recordWorkItemResult(context.db, context.caller, input),
    rateDelegate: (_source, { input }, context) => rateDelegate(context.db, context.caller, input),
    endDelegation: (_source, { input }, context) => endDelegation(context.db, context.caller, input),
  },
  OrgUnit: {
    directingDelegations: async (unit, _args, context) => (await context.delegationsDirecting.load(unit.id)).filter((row) => actsOn(row, unit.as_of)),
    assignedDelegations: async (unit, _args, context) => (await context.delegationsAssignedBy.load(unit.id)).filter((row) => actsOn(row, unit.as_of)),
  },
  Delegation: {
    assigningUnit: (row, _args, context) => context.orgUnitById.load(row.assigning_unit_id, row.starts_on),
    targetUnit: (row, _args, context) => context.orgUnitById.load(row.target_unit_id, row.starts_on),
    startsOn: (row) => row.starts_on,
    endsOn: (row) => row.ends_on,
    decisionNumber: (row) => row.decision_number,
    delegates: (row, _args, context) => context.delegatesOf.load(row.id),
    ratingSummary: async (row, args, context) => {
      const delegates = await context.delegatesOf.load(row.id);
      const ratings = (await Promise.all(delegates.map((delegate) => context.ratingsOf.load(delegate.id)))).flat().filter((rating) => rating.year === args.year);
      return {
        year: args.year,
        delegates: delegates.length,
        rated: ratings.length,
        byGrade: DELEGATE_GRADES.map((grade) => ({ grade, count: ratings.filter((rating) => rating.grade === grade).length })),
      };
    },
  },
  Delegate: {
    member: (row) => memberReference(row.member_id),
    area: (row, _args, context) => (row.area_unit_id ? context.orgUnitById.load(row.area_unit_id) : null),
    areaName: (row) => row.area_name,
    workItems: async (row, args, context) => {
      const items = await context.workItemsOf.load(row.id);
      return args.year === undefined || args.year === null ? items : items.filter((item) => item.year === args.year);
    },
    rating: async (row, args, context) => (await context.ratingsOf.load(row.id)).find((rating) => rating.year === args.year) ?? null,
  },
  DelegateWorkItem: {
    registeredOn: (row) => row.registered_on,
    resultNote: (row) => row.result_note,
    resultRecordedOn: (row) => row.result_recorded_on,
  },
  DelegateRating: {
    ratedOn: (row) => row.rated_on,
    decisionNumber: (row) => row.decision_number,
  },
};
