import { scopesWithRole, SENSITIVE_READER_ROLES } from '@dangvien/auth';
import { DomainError } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import type { MemberRow } from '../member/member.tables.ts';
import { unitRef } from '../org-unit.ts';
import { requireReadableUnit } from '../statistics/unit-scope.ts';
import { membersWithoutCell, sameCitizenId, sameNameAndBirth } from './data-quality.repository.ts';

const MAX_ITEMS = 1000;

function requireFirst(first: number | null | undefined): number {
  const value = first ?? 200;
  if (!Number.isInteger(value) || value < 1 || value > MAX_ITEMS) throw new DomainError('BAD_USER_INPUT', `Mỗi danh sách từ 1 đến ${MAX_ITEMS} mục.`, { field: 'first' });
  return value;
}

/** Members the SQL found inside the caller's subtrees (the loader checks again; a member gone meanwhile is left out). */
async function loadMembers(load: (id: string) => Promise<MemberRow | null>, ids: readonly string[]): Promise<MemberRow[]> {
  return (await Promise.all(ids.map(load))).filter((member): member is MemberRow => member !== null);
}

export const dataQualityResolvers: Resolvers = {
  Query: {
    memberDataQuality: async (_source, args, context) => ({ unitId: await requireReadableUnit(context.db, context.caller, args.unitId) }),
  },
  MemberDataQuality: {
    sameCitizenId: async ({ unitId }, args, context) => {
      const rows = await sameCitizenId(context.db, unitId, scopesWithRole(context.caller, SENSITIVE_READER_ROLES), requireFirst(args.first));
      const groups = await Promise.all(rows.map(async (row) => ({ members: await loadMembers((id) => context.memberById.load(id), row.member_ids) })));
      return groups.filter((group) => group.members.length > 1);
    },
    sameNameAndBirth: async ({ unitId }, args, context) => {
      const rows = await sameNameAndBirth(context.db, unitId, requireFirst(args.first));
      const groups = await Promise.all(
        rows.map(async (row) => ({ fullName: row.full_name, dateOfBirth: row.date_of_birth, members: await loadMembers((id) => context.memberById.load(id), row.member_ids) })),
      );
      return groups.filter((group) => group.members.length > 1);
    },
    membersWithoutCell: async ({ unitId }, args, context) => {
      const rows = await membersWithoutCell(context.db, unitId, requireFirst(args.first));
      const found = await Promise.all(
        rows.map(async (row) => {
          const member = await context.memberById.load(row.member_id);
          if (!member) return null;
          return { member, placedAt: unitRef(row.placed_at), since: row.since };
        }),
      );
      return found.filter((item) => item !== null);
    },
  },
};
