import type { GraphQLResolverMap } from '@apollo/subgraph';
import { DomainError, requireDate } from '@dangvien/server';
import type { MembershipContext } from '../context.ts';
import { todayInVietnam } from '../member/member-record.ts';
import { withoutJit } from '../statistics/no-jit.ts';
import { requireReadableUnit } from '../statistics/unit-scope.ts';
import { alertRuleOn } from './alert-rule.ts';
import { ALERT_SOURCES, MEMBER_ALERT_KINDS, type AlertRow, type MemberAlertKind } from './alert-sources.ts';

interface MemberAlert extends AlertRow {
  kind: MemberAlertKind;
}

const MAX_PAGE = 500;

function offsetFromCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const offset = Number(Buffer.from(after, 'base64url').toString('utf8').replace(/^alert:/, ''));
  if (!Number.isInteger(offset) || offset < 0) throw new DomainError('BAD_USER_INPUT', 'Con trỏ trang không hợp lệ.', { field: 'after' });
  return offset;
}

const cursorAt = (offset: number) => Buffer.from(`alert:${offset}`, 'utf8').toString('base64url');

/** Due date first (none last), then the sources' order, then the member. */
function byDueDate(a: MemberAlert, b: MemberAlert): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  if (a.kind !== b.kind) return MEMBER_ALERT_KINDS.indexOf(a.kind) - MEMBER_ALERT_KINDS.indexOf(b.kind);
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

export const alertResolvers: GraphQLResolverMap<MembershipContext> = {
  Query: {
    memberAlerts: async (_source, args: { unitId: string; asOf?: string | null; kinds?: MemberAlertKind[] | null; first?: number | null; after?: string | null }, context) => {
      const unitId = await requireReadableUnit(context.db, context.caller, args.unitId);
      const asOf = args.asOf ? requireDate(args.asOf, 'asOf') : todayInVietnam();
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw new DomainError('BAD_USER_INPUT', `Mỗi trang từ 1 đến ${MAX_PAGE} cảnh báo.`, { field: 'first' });
      const offset = offsetFromCursor(args.after);
      const rule = await alertRuleOn(context.db, asOf);
      const sources = ALERT_SOURCES.filter((source) => !args.kinds || args.kinds.includes(source.kind));
      const found = await withoutJit(context.db, async (trx) => {
        const rows: MemberAlert[][] = [];
        for (const source of sources) rows.push((await source.find(trx, [unitId], asOf, rule)).map((row): MemberAlert => ({ ...row, kind: source.kind })));
        return rows;
      });
      const alerts = found.flat().sort(byDueDate);
      const page = alerts.slice(offset, offset + first);
      const members = await Promise.all(page.map((alert) => context.memberById.load(alert.memberId)));
      return {
        totalCount: alerts.length,
        alerts: page.map((alert, index) => ({
          kind: alert.kind,
          member: members[index],
          cell: alert.cellId ? { __typename: 'OrgUnit', id: alert.cellId } : null,
          dueDate: alert.dueDate,
          detail: alert.detail,
        })),
        endCursor: page.length > 0 ? cursorAt(offset + page.length) : null,
        hasNextPage: offset + page.length < alerts.length,
      };
    },
  },
};
