import type { GraphQLResolverMap } from '@apollo/subgraph';
import { readableScopes } from '@dangvien/auth';
import { subtreeUnitIds } from '@dangvien/org-replica';
import { DomainError, requireId } from '@dangvien/server';
import DataLoader from 'dataloader';
import type { MembershipContext } from '../context.ts';
import type { MemberStatus } from '../database.ts';
import { todayInVietnam } from '../member/member-record.ts';
import { asOfArgument, countPlacedToday, MAX_PAGE_SIZE, placedMembers, readableUnitsAmong, type PlacedMember } from './roster.ts';
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

/** Which of `unitIds` the caller may read on a date (one statement per batch). */
function readableAmong(context: MembershipContext, unitIds: readonly string[], asOf: string): Promise<Set<string>> {
  return readableUnitsAmong(context.db, readableScopes(context.caller), unitIds, asOf);
}

/** Members by the cell they are placed in: one pass, so many units cost members + units, not their product. */
function groupByCell(members: readonly PlacedMember[]): Map<string, PlacedMember[]> {
  const byCell = new Map<string, PlacedMember[]>();
  for (const member of members) {
    const list = byCell.get(member.placed_cell_id);
    if (list) list.push(member);
    else byCell.set(member.placed_cell_id, [member]);
  }
  return byCell;
}

/** Counts for many units in one pass: members placed in the unit (or its subtree as it stood) on `asOf` with the status. */
function countLoader(context: MembershipContext, asOf: string, status: MemberStatus | null, includeSubtree: boolean, placementKind: PlacementKind | null = null): DataLoader<string, number> {
  return perRequest(context, `count:${asOf}:${status ?? ''}:${includeSubtree}:${placementKind ?? ''}`, () =>
    new DataLoader<string, number>(async (unitIds) => {
      const readable = await readableAmong(context, unitIds, asOf);
      const cellsOf = new Map<string, string[]>();
      for (const unitId of unitIds) {
        if (!readable.has(unitId)) cellsOf.set(unitId, []);
        else cellsOf.set(unitId, includeSubtree ? await subtreeUnitIds(context.db, [unitId], asOf) : [unitId]);
      }
      if (includeSubtree) {
        // One scope check for every unit below the asked ones, not one per asked unit.
        const readableBelow = await readableAmong(context, [...new Set([...cellsOf.values()].flat())], asOf);
        for (const [unitId, cells] of cellsOf) cellsOf.set(unitId, cells.filter((id) => readableBelow.has(id)));
      }
      const allCells = [...new Set([...cellsOf.values()].flat())];
      if (!includeSubtree && asOf >= todayInVietnam()) {
        const counted = await countPlacedToday(context.db, allCells, { status, placementKind });
        return unitIds.map((unitId) => counted.get(unitId) ?? 0);
      }
      const byCell = groupByCell(await placedMembers(context.db, allCells, { asOf, status, placementKind }));
      // A member counts once per unit even if placed twice in its subtree (an official and a temporary placement).
      return unitIds.map((unitId) => new Set((cellsOf.get(unitId) ?? []).flatMap((cellId) => (byCell.get(cellId) ?? []).map((member) => member.id))).size);
    }),
  );
}

/** Whole rosters (no page asked for) of many units in one statement: one per request, date and filter. */
function rosterLoader(context: MembershipContext, asOf: string, status: MemberStatus | null, placementKind: PlacementKind | null): DataLoader<string, PlacedMember[]> {
  return perRequest(context, `roster:${asOf}:${status ?? ''}:${placementKind ?? ''}`, () =>
    new DataLoader<string, PlacedMember[]>(async (unitIds) => {
      const readable = await readableAmong(context, unitIds, asOf);
      const members = await placedMembers(context.db, unitIds.filter((id) => readable.has(id)), { asOf, status, placementKind });
      const byCell = groupByCell(members);
      return unitIds.map((unitId) => byCell.get(unitId) ?? []);
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
      if (!(await readableAmong(context, [unit.id], asOf)).has(unit.id)) return [];
      return placedMembers(context.db, [unit.id], { asOf, status, placementKind }, { afterId: args.after ? requireId(args.after, 'after') : null, limit: args.first ?? null });
    },
    memberCount: (unit: { id: string }, args: RosterArguments & { includeSubtree?: boolean | null }, context: MembershipContext) =>
      countLoader(context, asOfArgument(args.asOf), args.status ?? null, args.includeSubtree ?? false, args.placementKind ?? null).load(unit.id),
    officialMemberCount: (unit: { id: string }, _args: unknown, context: MembershipContext) => countLoader(context, todayInVietnam(), 'OFFICIAL', false).load(unit.id),
  },
};
