import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireId } from '@dangvien/server';
import type { OrganizationContext } from '../context.ts';
import type { OrgUnitRow } from '../org-unit/org-unit.repository.ts';
import {
  createDelegation,
  DELEGATE_GRADES,
  rateDelegate,
  recordWorkItemResult,
  registerWorkItem,
  type CreateDelegationInput,
  type DelegateRow,
  type DelegationRow,
  type RateDelegateInput,
  type RatingRow,
  type RecordWorkItemResultInput,
  type RegisterWorkItemInput,
  type WorkItemRow,
} from './delegation.ts';

const actsOn = (delegation: DelegationRow, day: string) => delegation.starts_on <= day && (delegation.ends_on === null || delegation.ends_on > day);

/** A delegation the caller may read: through its assigning or its directed unit (each load is scoped). */
async function readable(context: OrganizationContext, delegation: DelegationRow | null): Promise<DelegationRow | null> {
  if (!delegation) return null;
  const [assigning, target] = await Promise.all([context.orgUnitById.load(delegation.assigning_unit_id), context.orgUnitById.load(delegation.target_unit_id)]);
  return assigning || target ? delegation : null;
}

export const delegationResolvers: GraphQLResolverMap<OrganizationContext> = {
  Query: {
    delegation: async (_source, args: { id: string }, context) => readable(context, await context.delegationById.load(requireId(args.id))),
  },
  Mutation: {
    createDelegation: (_source, args: { input: CreateDelegationInput }, context) => createDelegation(context.db, context.caller, args.input),
    registerWorkItem: (_source, args: { input: RegisterWorkItemInput }, context) => registerWorkItem(context.db, context.caller, args.input),
    recordWorkItemResult: (_source, args: { input: RecordWorkItemResultInput }, context) => recordWorkItemResult(context.db, context.caller, args.input),
    rateDelegate: (_source, args: { input: RateDelegateInput }, context) => rateDelegate(context.db, context.caller, args.input),
  },
  OrgUnit: {
    directingDelegations: async (unit: OrgUnitRow, _args, context) => (await context.delegationsDirecting.load(unit.id)).filter((row) => actsOn(row, unit.as_of)),
    assignedDelegations: async (unit: OrgUnitRow, _args, context) => (await context.delegationsAssignedBy.load(unit.id)).filter((row) => actsOn(row, unit.as_of)),
  },
  Delegation: {
    assigningUnit: (row: DelegationRow, _args, context) => context.orgUnitById.load(row.assigning_unit_id, row.starts_on),
    targetUnit: (row: DelegationRow, _args, context) => context.orgUnitById.load(row.target_unit_id, row.starts_on),
    startsOn: (row: DelegationRow) => row.starts_on,
    endsOn: (row: DelegationRow) => row.ends_on,
    decisionNumber: (row: DelegationRow) => row.decision_number,
    delegates: (row: DelegationRow, _args, context) => context.delegatesOf.load(row.id),
    ratingSummary: async (row: DelegationRow, args: { year: number }, context) => {
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
    member: (row: DelegateRow) => ({ __typename: 'Member', id: row.member_id }),
    area: (row: DelegateRow, _args, context) => (row.area_unit_id ? context.orgUnitById.load(row.area_unit_id) : null),
    areaName: (row: DelegateRow) => row.area_name,
    workItems: async (row: DelegateRow, args: { year?: number | null }, context) => {
      const items = await context.workItemsOf.load(row.id);
      return args.year === undefined || args.year === null ? items : items.filter((item) => item.year === args.year);
    },
    rating: async (row: DelegateRow, args: { year: number }, context) => (await context.ratingsOf.load(row.id)).find((rating) => rating.year === args.year) ?? null,
  },
  DelegateWorkItem: {
    registeredOn: (row: WorkItemRow) => row.registered_on,
    resultNote: (row: WorkItemRow) => row.result_note,
    resultRecordedOn: (row: WorkItemRow) => row.result_recorded_on,
  },
  DelegateRating: {
    ratedOn: (row: RatingRow) => row.rated_on,
    decisionNumber: (row: RatingRow) => row.decision_number,
  },
};
