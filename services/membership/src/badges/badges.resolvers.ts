import { DomainError, requireDate } from '@dangvien/server';
import type { Resolvers } from '../generated/resolvers.ts';
import { optionalUnitRef } from '../org-unit.ts';
import { requireReadableUnit } from '../statistics/unit-scope.ts';
import { todayInVietnam } from '@dangvien/db';
import { awardDatesBetween, awardWindow, badgeRules, membersDueForBadge, ruleOn } from './badges.repository.ts';

const MAX_DATES = 40;

function requireCount(value: number | null | undefined, field: string): number {
  const count = value ?? 4;
  if (!Number.isInteger(count) || count < 0 || count > MAX_DATES) throw new DomainError('BAD_USER_INPUT', `Số ngày trao từ 0 đến ${MAX_DATES}.`, { field });
  return count;
}

export const badgeResolvers: Resolvers = {
  Query: {
    partyBadgesDue: async (_source, args, context) => {
      const unitId = await requireReadableUnit(context.db, context.caller, args.unitId);
      const rules = await badgeRules(context.db);
      const asked = args.awardDate ? requireDate(args.awardDate, 'awardDate') : todayInVietnam();
      const window = awardWindow(rules, asked);
      if (args.awardDate && window.awardDate !== asked) {
        throw new DomainError('BAD_USER_INPUT', `Ngày ${asked} không phải ngày trao Huy hiệu Đảng (gần nhất sau đó: ${window.awardDate}).`, { field: 'awardDate' });
      }
      return { unitId, ...window, rule: ruleOn(rules, window.awardDate)! };
    },
    partyBadgeAwardDates: async (_source, args, context) => {
      const around = args.around ? requireDate(args.around, 'around') : todayInVietnam();
      const before = requireCount(args.before, 'before');
      const after = requireCount(args.after, 'after');
      const year = Number(around.slice(0, 4));
      const dates = awardDatesBetween(await badgeRules(context.db), year - Math.ceil(before / 2) - 1, year + Math.ceil(after / 2) + 1);
      const past = dates.filter((date) => date <= around);
      return [...past.slice(Math.max(0, past.length - before)), ...dates.filter((date) => date > around).slice(0, after)];
    },
  },
  PartyBadgeList: {
    ruleName: (scope) => scope.rule.name,
    partyYears: (scope) => scope.rule.partyYears,
    members: async (scope, _args, context) => {
      const rows = await membersDueForBadge(context.db, scope);
      const members = await Promise.all(rows.map((row) => context.memberById.load(row.member_id)));
      return rows.flatMap((row, index) => {
        const member = members[index];
        return member ? [{ member, cell: optionalUnitRef(row.cell_id), years: row.years, admittedOn: row.admitted_on, reachesOn: row.reaches_on }] : [];
      });
    },
  },
};
