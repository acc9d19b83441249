import { readableScopes } from '@dangvien/auth';
import { DomainError, requireDate, requireId } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { asOfArgument } from '../input-checks.ts';
import { shownUnitRef } from '../org-unit.ts';
import { todayInVietnam } from '@dangvien/db';
import { cellOfMemberOn, MAX_PAGE_SIZE, placedMembers, placementsOfMember, readableUnitsAmong } from './placement.repository.ts';

export const placementResolvers: Resolvers = {
  OrgUnit: {
    // Membership knows only the id of an OrgUnit; the organization subgraph resolves the rest.
    __resolveReference: (reference) => reference,
    members: async (unit, args, context) => {
      const asOf = asOfArgument(args.asOf);
      if (args.first !== null && args.first !== undefined && (args.first < 1 || args.first > MAX_PAGE_SIZE)) {
        throw new DomainError('BAD_USER_INPUT', `Số đảng viên mỗi trang (first) phải từ 1 đến ${MAX_PAGE_SIZE}.`, { field: 'first' });
      }
      const [status, placementKind] = [args.status ?? null, args.placementKind ?? null];
      if (!args.after) {
        // The first page: the cells' rosters in one batched statement (a cell holds at most 300), cut here.
        const roster = await context.rosters.roster(asOf, status, placementKind).load(unit.id);
        return args.first ? roster.slice(0, args.first) : roster;
      }
      if (!(await readableUnitsAmong(context.db, readableScopes(context.caller), [unit.id], asOf)).has(unit.id)) return [];
      return placedMembers(context.db, [unit.id], { asOf, status, placementKind }, { afterId: args.after ? requireId(args.after, 'after') : null, limit: args.first ?? null });
    },
    memberCount: (unit, args, context) => context.rosters.count(asOfArgument(args.asOf), args.status ?? null, args.includeSubtree ?? false, args.placementKind ?? null).load(unit.id),
    officialMemberCount: (unit, _args, context) => context.rosters.count(todayInVietnam(), 'OFFICIAL', false, null).load(unit.id),
  },
  Member: {
    placements: (member, _args, context) => placementsOfMember(context.db, member.id),
    cellOn: async (member, args, context) => shownUnitRef(context, await cellOfMemberOn(context.db, member.id, requireDate(args.date, 'date'))),
  },
  MemberPlacement: {
    cell: (placement, _args, context) => shownUnitRef(context, placement.cell_id),
    validFrom: (placement) => placement.valid_from,
    validTo: (placement) => placement.valid_to,
    transferId: (placement) => placement.transfer_id,
  },
};
