import type { GraphQLResolverMap } from '@apollo/subgraph';
import { readableScopes } from '@dangvien/auth';
import { subtreeUnitIds } from '@dangvien/org-replica';
import { DomainError, requireId } from '@dangvien/server';
import DataLoader from 'dataloader';
import type { MembershipContext } from '../context.ts';
import type { MemberStatus } from '../database.ts';
import { todayInVietnam } from '../member/member-record.ts';
import { asOfArgument, MAX_PAGE_SIZE, placedMembers, readableUnitsOn, type PlacedMember } from './roster.ts';
import type { PlacementKind } from './tables.ts';

interface RosterArguments {
  asOf?: string | null;
  status?: MemberStatus | null;
  placementKind?: PlacementKind | null;
}

/** Per-request values kept beside the context (which other features own). */
const requestCache = new WeakMap<MembershipContext, Map<string, unknown>>();

function perRequest<T>(context: MembershipContext, key: string, make: () => T): T {
  let cache = requestCache.get(context);
  if (!cache) requestCache.set(context, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** The units the caller may read on a date, computed once per request and date. */
function readableOn(context: MembershipContext, asOf: string): Promise<Set<string>> {
  return perRequest(context, `readable:${asOf}`, () => readableUnitsOn(context.db, readableScopes(context.caller), asOf));
}

/** Counts for many units in one pass: members placed in the unit (or its subtree as it stood) on `asOf` with the status. */
function countLoader(context: MembershipContext, asOf: string, status: MemberStatus | null, includeSubtree: boolean, placementKind: PlacementKind | null = null): DataLoader<string, number> {
  return perRequest(context, `count:${asOf}:${status ?? ''}:${includeSubtree}:${placementKind ?? ''}`, () =>
    new DataLoader<string, number>(async (unitIds) => {
      const readable = await readableOn(context, asOf);
      const cellsOf = new Map<string, string[]>();
      for (const unitId of unitIds) {
        if (!readable.has(unitId)) cellsOf.set(unitId, []);
        else if (!includeSubtree) cellsOf.set(unitId, [unitId]);
        else cellsOf.set(unitId, (await subtreeUnitIds(context.db, [unitId], asOf)).filter((id) => readable.has(id)));
      }
      const allCells = [...new Set([...cellsOf.values()].flat())];
      const members = await placedMembers(context.db, allCells, { asOf, status, placementKind });
      return unitIds.map((unitId) => {
        const cells = new Set(cellsOf.get(unitId));
        return new Set(members.filter((member) => cells.has(member.placed_cell_id)).map((member) => member.id)).size;
      });
    }),
  );
}

/** Whole rosters (no page asked for) of many units in one statement: one per request, date and filter. */
function rosterLoader(context: MembershipContext, asOf: string, status: MemberStatus | null, placementKind: PlacementKind | null): DataLoader<string, PlacedMember[]> {
  return perRequest(context, `roster:${asOf}:${status ?? ''}:${placementKind ?? ''}`, () =>
    new DataLoader<string, PlacedMember[]>(async (unitIds) => {
      const readable = await readableOn(context, asOf);
      const members = await placedMembers(context.db, unitIds.filter((id) => readable.has(id)), { asOf, status, placementKind });
      return unitIds.map((unitId) => members.filter((member) => member.placed_cell_id === unitId));
    }),
  );
}

export const orgUnitResolvers: GraphQLResolverMap<MembershipContext> = {
  OrgUnit: {
    // Membership knows only the id of an OrgUnit; the organization subgraph resolves the rest.
    __resolveReference: (reference: { id: string }) => reference,
    members: async (unit: { id: string }, args: RosterArguments & { first?: number | null; after?: string | null }, context: MembershipContext) => {
      const asOf = asOfArgument(args.asOf);
      if (args.first !== null && args.first !== undefined && (args.first < 1 || args.first > MAX_PAGE_SIZE)) {
        throw new DomainError('BAD_USER_INPUT', `Số đảng viên mỗi trang (first) phải từ 1 đến ${MAX_PAGE_SIZE}.`, { field: 'first' });
      }
      const [status, placementKind] = [args.status ?? null, args.placementKind ?? null];
      if (!args.first && !args.after) return rosterLoader(context, asOf, status, placementKind).load(unit.id);
      if (!(await readableOn(context, asOf)).has(unit.id)) return [];
      return placedMembers(context.db, [unit.id], { asOf, status, placementKind }, { afterId: args.after ? requireId(args.after, 'after') : null, limit: args.first ?? null });
    },
    memberCount: (unit: { id: string }, args: RosterArguments & { includeSubtree?: boolean | null }, context: MembershipContext) =>
      countLoader(context, asOfArgument(args.asOf), args.status ?? null, args.includeSubtree ?? false, args.placementKind ?? null).load(unit.id),
    officialMemberCount: (unit: { id: string }, _args: unknown, context: MembershipContext) => countLoader(context, todayInVietnam(), 'OFFICIAL', false).load(unit.id),
  },
};
