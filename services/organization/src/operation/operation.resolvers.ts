import { DomainError, requireDate, requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import type { OperationRow } from './operation.tables.ts';
import { groupRestructurings } from './restructuring.ts';
import { findOperationsOfUnits, findSubtreeChanges } from './restructuring.repository.ts';

const MAX_RESTRUCTURINGS = 500;

const optionalDate = (value: string | null | undefined, field: string) => (value === undefined || value === null ? null : requireDate(value, field));

/** The day before a YYYY-MM-DD date. */
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export const operationResolvers: Resolvers = {
  Query: {
    // Only the one who asked for an operation may follow it (administrators see all in their scope later).
    operation: async (_source, args, context) => {
      const operation = await context.operationById.load(requireId(args.id));
      return operation && operation.requested_by === context.caller.subject ? operation : null;
    },
    restructurings: async (_source, args, context) => {
      const unitId = requireId(args.unitId, 'unitId');
      const from = optionalDate(args.from, 'from');
      const to = optionalDate(args.to, 'to');
      if (from && to && from > to) throw new DomainError('BAD_USER_INPUT', 'Ngày bắt đầu phải trước ngày kết thúc.', { field: 'from' });
      const first = args.first ?? 100;
      if (!Number.isInteger(first) || first < 1 || first > MAX_RESTRUCTURINGS) {
        throw new DomainError('BAD_USER_INPUT', `Số lần sắp xếp mỗi trang phải từ 1 đến ${MAX_RESTRUCTURINGS}.`, { field: 'first' });
      }
      // A unit outside the caller's scope answers like a missing one: no history.
      if (!(await context.orgUnitById.load(unitId))) return [];
      const changes = await findSubtreeChanges(context.db, { unitId, from, to, scopeIds: context.scopes });
      const operations = await findOperationsOfUnits(context.db, [...new Set(changes.map((change) => change.unit_id))]);
      return groupRestructurings(changes, operations).slice(0, first);
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
  Restructuring: {
    operations: async (restructuring, _args, context) =>
      (await Promise.all(restructuring.operationIds.map((id) => context.operationById.load(id)))).filter((row): row is OperationRow => Boolean(row)),
  },
  RestructuringChange: {
    unit: (change, _args, context) => context.orgUnitById.load(change.unit_id, change.kind === 'ENDED' ? dayBefore(change.day) : change.day),
    previousName: (change) => (change.kind === 'RENAMED' ? change.previous_name : null),
    parent: (change, _args, context) => (change.parent_id ? context.orgUnitById.load(change.parent_id, change.kind === 'ENDED' ? dayBefore(change.day) : change.day) : null),
    previousParent: (change, _args, context) =>
      change.kind === 'MOVED' && change.previous_parent_id ? context.orgUnitById.load(change.previous_parent_id, dayBefore(change.day)) : null,
    successor: (change, _args, context) => (change.successor_id ? context.orgUnitById.load(change.successor_id, change.day) : null),
  },
};
