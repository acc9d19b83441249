import type { GraphQLResolverMap } from '@apollo/subgraph';
import { requireId } from '@dangvien/server';
import type { OrganizationContext } from '../context.ts';
import { dissolveOrgUnit, mergeOrgUnits, type DissolveOrgUnitInput, type MergeOrgUnitsInput } from '../dissolution/dissolve-org-unit.ts';
import type { OperationPartRow, OperationRow } from './operation.repository.ts';

export const operationResolvers: GraphQLResolverMap<OrganizationContext> = {
  Query: {
    // Only the one who asked for an operation may follow it (administrators see all in their scope later).
    operation: async (_source, args: { id: string }, context) => {
      const operation = await context.operationById.load(requireId(args.id));
      return operation && operation.requested_by === context.caller.subject ? operation : null;
    },
  },
  Mutation: {
    dissolveOrgUnit: (_source, args: { input: DissolveOrgUnitInput }, context) => dissolveOrgUnit(context.db, context.caller, args.input),
    mergeOrgUnits: (_source, args: { input: MergeOrgUnitsInput }, context) => mergeOrgUnits(context.db, context.caller, args.input),
  },
  Operation: {
    subject: (operation: OperationRow, _args, context) => context.orgUnitById.load(operation.subject_id),
    parts: (operation: OperationRow, _args, context) => context.partsOf.load(operation.id),
    createdAt: (operation: OperationRow) => operation.created_at.toISOString(),
    completedAt: (operation: OperationRow) => operation.completed_at?.toISOString() ?? null,
  },
  OperationPart: {
    subgraph: (part: OperationPartRow) => part.part,
    unit: (part: OperationPartRow, _args, context) => context.orgUnitById.load(part.unit_id),
    detail: (part: OperationPartRow) => (part.detail === null ? null : JSON.stringify(part.detail)),
  },
};
