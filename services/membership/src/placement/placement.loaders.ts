import { readableScopes, type Caller } from '@dangvien/auth';
import { subtreeUnitIds } from '@dangvien/org-replica';
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberStatus, PlacementKind } from '../generated/graphql.ts';
import { todayInVietnam } from '@dangvien/db';
import { countPlacedToday, placedMembers, readableUnitsAmong } from './placement.repository.ts';
import type { PlacedMember } from './placement.tables.ts';

/** Rosters and counts of many units in one pass each, one loader per date and filter (the context holds them for one request). */
export interface RosterLoaders {
  /** Members placed in each unit (or its subtree as it stood) on `asOf` with the status. */
  count(asOf: string, status: MemberStatus | null, includeSubtree: boolean, placementKind: PlacementKind | null): DataLoader<string, number>;
  /** Whole rosters (no page asked for) of units the caller may read on `asOf`. */
  roster(asOf: string, status: MemberStatus | null, placementKind: PlacementKind | null): DataLoader<string, PlacedMember[]>;
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

export function rosterLoaders(db: Kysely<MembershipDatabase>, caller: Caller): RosterLoaders {
  const scopes = readableScopes(caller);
  const counts = new Map<string, DataLoader<string, number>>();
  const rosters = new Map<string, DataLoader<string, PlacedMember[]>>();
  const readableAmong = (unitIds: readonly string[], asOf: string) => readableUnitsAmong(db, scopes, unitIds, asOf);

  const countOf = (asOf: string, status: MemberStatus | null, includeSubtree: boolean, placementKind: PlacementKind | null) =>
    new DataLoader<string, number>(async (unitIds) => {
      const readable = await readableAmong(unitIds, asOf);
      const cellsOf = new Map<string, string[]>();
      for (const unitId of unitIds) {
        if (!readable.has(unitId)) cellsOf.set(unitId, []);
        else cellsOf.set(unitId, includeSubtree ? await subtreeUnitIds(db, [unitId], asOf) : [unitId]);
      }
      if (includeSubtree) {
        // One scope check for every unit below the asked ones, not one per asked unit.
        const readableBelow = await readableAmong([...new Set([...cellsOf.values()].flat())], asOf);
        for (const [unitId, cells] of cellsOf) cellsOf.set(unitId, cells.filter((id) => readableBelow.has(id)));
      }
      const allCells = [...new Set([...cellsOf.values()].flat())];
      if (!includeSubtree && asOf >= todayInVietnam()) {
        const counted = await countPlacedToday(db, allCells, { status, placementKind });
        return unitIds.map((unitId) => counted.get(unitId) ?? 0);
      }
      const byCell = groupByCell(await placedMembers(db, allCells, { asOf, status, placementKind }));
      // A member counts once per unit even if placed twice in its subtree (an official and a temporary placement).
      return unitIds.map((unitId) => new Set((cellsOf.get(unitId) ?? []).flatMap((cellId) => (byCell.get(cellId) ?? []).map((member) => member.id))).size);
    });

  const rosterOf = (asOf: string, status: MemberStatus | null, placementKind: PlacementKind | null) =>
    new DataLoader<string, PlacedMember[]>(async (unitIds) => {
      const readable = await readableAmong(unitIds, asOf);
      const byCell = groupByCell(await placedMembers(db, unitIds.filter((id) => readable.has(id)), { asOf, status, placementKind }));
      return unitIds.map((unitId) => byCell.get(unitId) ?? []);
    });

  const cached = <T>(loaders: Map<string, T>, key: string, make: () => T): T => {
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = make()));
    return loader;
  };
  return {
    count: (asOf, status, includeSubtree, placementKind) =>
      cached(counts, `${asOf}:${status ?? ''}:${includeSubtree}:${placementKind ?? ''}`, () => countOf(asOf, status, includeSubtree, placementKind)),
    roster: (asOf, status, placementKind) => cached(rosters, `${asOf}:${status ?? ''}:${placementKind ?? ''}`, () => rosterOf(asOf, status, placementKind)),
  };
}
