import { readableScopes, scopesWithRole, SENSITIVE_READER_ROLES } from '@dangvien/auth';
import { unitsWithinScopes } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId } from '@dangvien/server';
import type { Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { unitRef } from '../org-unit.ts';
import { todayInVietnam } from '@dangvien/db';
import { withoutJit } from './no-jit.ts';
import { childStatistics, membersOnDate, periodCounts, type Dimension, type DimensionCount } from './statistics.repository.ts';

/** Whether `unitId` lies in the subtrees of `scopes` today or on one of `dates` (a unit ended since is still reportable by who held it). */
async function withinOnAnyDate(db: Kysely<MembershipDatabase>, scopes: readonly string[], unitId: string, dates: readonly string[]): Promise<boolean> {
  if (scopes.length === 0) return false;
  for (const date of [undefined, ...dates]) if ((await unitsWithinScopes(db, [unitId], scopes, date)).has(unitId)) return true;
  return false;
}

const byValue = (a: { value: string | null }, b: { value: string | null }) => (a.value ?? '\uffff').localeCompare(b.value ?? '\uffff', 'vi');

export const statisticsResolvers: Resolvers = {
  Query: {
    memberStatistics: async (_source, args, context) => {
      const unitId = requireId(args.unitId, 'unitId');
      const asOf = args.asOf ? requireDate(args.asOf, 'asOf') : args.to ? requireDate(args.to, 'to') : todayInVietnam();
      const to = args.to ? requireDate(args.to, 'to') : asOf;
      const from = args.from ? requireDate(args.from, 'from') : `${to.slice(0, 4)}-01-01`;
      if (from > to) throw new DomainError('BAD_USER_INPUT', `Ngày bắt đầu (${from}) phải trước ngày kết thúc (${to}).`, { field: 'from' });
      const dates = [asOf, from, to];
      if (!(await withinOnAnyDate(context.db, readableScopes(context.caller), unitId, dates))) throw new DomainError('NOT_FOUND', 'Không tìm thấy đơn vị.', { field: 'unitId' });
      const withEthnicity = await withinOnAnyDate(context.db, scopesWithRole(context.caller, SENSITIVE_READER_ROLES), unitId, dates);
      const [counts, period] = await withoutJit(context.db, async (trx) => [await membersOnDate(trx, unitId, asOf, withEthnicity), await periodCounts(trx, unitId, from, to)] as const);
      const of = (dimension: Dimension) => counts.filter((row) => row.dimension === dimension).map(({ value, count }: DimensionCount) => ({ value, count })).sort(byValue);
      return {
        unit: unitRef(unitId),
        asOf,
        from,
        to,
        members: of('status').reduce((sum, row) => sum + row.count, 0),
        byStatus: of('status'),
        bySex: of('sex'),
        byAgeBand: of('ageBand'),
        byEthnicity: withEthnicity ? of('ethnicity') : null,
        byEducationLevel: of('educationLevel'),
        byPoliticalTheoryLevel: of('politicalTheoryLevel'),
        unitsByKind: of('unitKind'),
        ...period,
      };
    },
  },
  MemberStatistics: {
    // The parent resolver checked the caller may read the unit; its children lie inside it.
    byChildUnit: async (statistics, _args, context) => {
      const rows = await withoutJit(context.db, (trx) => childStatistics(trx, statistics.unit.id, statistics.asOf, statistics.from, statistics.to));
      return rows.map(({ unitId, ...figures }) => ({ unit: unitRef(unitId), ...figures }));
    },
  },
};
