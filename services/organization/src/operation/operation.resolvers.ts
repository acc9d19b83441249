import { requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';

export const operationResolvers: Resolvers = {
  Query: {
    // Only the one who asked for an operation may follow it (administrators see all in their scope later).
    operation: async (_source, args, context) => {
      const operation = await context.operationById.load(requireId(args.id));
      return operation && operation.requested_by === context.caller.subject ? operation : null;
    },
  },
  Operation: {
    subject: (operation, _args, context) => context.orgUnitById.load(operation.subject_id),
    parts: (operation, _args, context) => context.partsOf.load(operation.id),
    createdAt: (operation) => operation.created_at.toISOString(),
    completedAt: (operation) => operation.completed_at?.toISOString() ?? null,
  },
  OperationPart: {
    subgraph: (part) => part.part,
    unit: (part, _args, context) => context.orgUnitById.load(part.unit_id),
    detail: (part) => (part.detail === null ? null : JSON.stringify(part.detail)),
  },
};
