import { DomainError, requireDate, requireId } from '@dangvien/server';
import type { OrgUnitKind } from '../generated/graphql.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { historyOf } from './history.ts';
import { findOrgUnitsByKind, findRootOrgUnits, searchOrgUnits, today, type SearchCursor } from './org-unit.repository.ts';
import { applyProvinceReform } from '../restructuring-plan/restructuring-plan.ts';
import { createOrgUnit, moveOrgUnit, renameOrgUnit } from './restructure.ts';

const MAX_PAGE = 500;

function asOfArgument(asOf: string | null | undefined): string {
  return asOf === undefined || asOf === null ? today() : requireDate(asOf, 'asOf');
}

function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.folded, cursor.id]), 'utf8').toString('base64url');
}

function decodeCursor(after: string | null | undefined): SearchCursor | null {
  if (after === undefined || after === null) return null;
  try {
    const [folded, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[];
    if (typeof folded === 'string' && typeof id === 'string') return { folded, id: requireId(id, 'after') };
  } catch {
    // falls through to the error below
  }
  throw new DomainError('BAD_USER_INPUT', 'Con trỏ phân trang không hợp lệ.', { field: 'after' });
}

export const orgUnitResolvers: Resolvers = {
  Query: {
    orgUnit: (_source, args, context) => context.orgUnitById.load(requireId(args.id), asOfArgument(args.asOf)),
    rootOrgUnits: (_source, args, context) => findRootOrgUnits(context.db, context.scopes, asOfArgument(args.asOf)),
    orgUnits: (_source, args, context) => findOrgUnitsByKind(context.db, args.kind, context.scopes, asOfArgument(args.asOf)),
    searchOrgUnits: async (_source, args, context) => {
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw new DomainError('BAD_USER_INPUT', `Số kết quả mỗi trang phải từ 1 đến ${MAX_PAGE}.`, { field: 'first' });
      const text = args.text.normalize('NFC').trim();
      if (text.length === 0) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập nội dung tìm kiếm.', { field: 'text' });
      if (text.length > 200) throw new DomainError('BAD_USER_INPUT', 'Nội dung tìm kiếm dài quá 200 ký tự.', { field: 'text' });
      const rows = await searchOrgUnits(
        context.db,
        { text, kind: args.kind ?? null, asOf: asOfArgument(args.asOf), first, after: decodeCursor(args.after) },
        context.scopes,
      );
      const nodes = rows.slice(0, first);
      const last = nodes.at(-1);
      return { nodes, pageInfo: { endCursor: last ? encodeCursor({ folded: last.name_folded, id: last.id }) : null, hasNextPage: rows.length > first } };
    },
  },
  Mutation: {
    createOrgUnit: (_source, { input }, context) => createOrgUnit(context.db, context.caller, input),
    renameOrgUnit: (_source, { input }, context) => renameOrgUnit(context.db, context.caller, input),
    moveOrgUnit: (_source, { input }, context) => moveOrgUnit(context.db, context.caller, input),
    applyProvinceReform: (_source, { input }, context) => applyProvinceReform(context.db, context.caller, input),
  },
  OrgUnit: {
    __resolveReference: (reference, context) => context.orgUnitById.load(reference.id),
    asOf: (unit) => unit.as_of,
    // category and residential area are columns of org_unit; only the area's name differs.
    residentialArea: (unit) => unit.residential_area,
    parent: (unit, _args, context) => (unit.parent_id ? context.orgUnitById.load(unit.parent_id, unit.as_of) : null),
    children: (unit, _args, context) => context.childrenOf.load({ id: unit.id, day: unit.as_of }),
    ancestors: (unit, _args, context) => context.ancestorsOf.load({ id: unit.id, day: unit.as_of }),
    descendants: async (unit, args, context) => {
      const all = await context.descendantsOf.load({ id: unit.id, day: unit.as_of });
      return args.kind ? all.filter((row) => row.kind === args.kind) : all;
    },
    path: async (unit, _args, context) => [...(await context.ancestorsOf.load({ id: unit.id, day: unit.as_of })).map((row) => row.name), unit.name],
    unitCounts: async (unit, _args, context) => {
      const counts = new Map<OrgUnitKind, number>([[unit.kind, 1]]);
      for (const row of await context.descendantsOf.load({ id: unit.id, day: unit.as_of })) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
      return [...counts].map(([kind, count]) => ({ kind, count }));
    },
    history: async (unit, _args, context) => historyOf(unit, await context.versionsOf.load(unit.id)),
    establishedOn: (unit) => unit.established_on,
    endedOn: (unit) => unit.ended_on,
    successor: (unit, _args, context) => (unit.successor_id ? context.orgUnitById.load(unit.successor_id, unit.ended_on ?? unit.as_of) : null),
  },
  OrgUnitChange: {
    // The parent as the tree stood on the change's day (the day before the end, for ENDED).
    parent: (change, _args, context) => {
      if (!change.parentId) return null;
      return context.orgUnitById.load(change.parentId, change.effectiveDate ?? undefined);
    },
    successor: (change, _args, context) => (change.successorId ? context.orgUnitById.load(change.successorId, change.effectiveDate ?? undefined) : null),
  },
};
