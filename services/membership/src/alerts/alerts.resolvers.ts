import { DomainError, requireDate } from '@dangvien/server';
import type { MemberAlertKind } from '../generated/graphql.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { optionalUnitRef } from '../org-unit.ts';
import { withoutJit } from '../statistics/no-jit.ts';
import { requireReadableUnit } from '../statistics/unit-scope.ts';
import { todayInVietnam } from '@dangvien/db';
import { ALERT_SOURCES, alertRuleOn, type AlertRow } from './alerts.repository.ts';

/** An alert a source found, with its kind. */
interface FoundAlert extends AlertRow {
  kind: MemberAlertKind;
}

const MAX_PAGE = 500;

/** Alerts of the same due date are listed in this order of kinds. */
const KIND_ORDER: Record<MemberAlertKind, number> = {
  PROBATION_ENDING: 0,
  OFFICIAL_DECISION_OVERDUE: 1,
  TRANSFER_LETTER_OVERDUE: 2,
  DUES_UNPAID: 3,
  BADGE_DUE: 4,
  MISSING_REQUIRED_FIELDS: 5,
};

function offsetFromCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const offset = Number(Buffer.from(after, 'base64url').toString('utf8').replace(/^alert:/, ''));
  if (!Number.isInteger(offset) || offset < 0) throw new DomainError('BAD_USER_INPUT', 'Con trỏ trang không hợp lệ.', { field: 'after' });
  return offset;
}

const cursorAt = (offset: number) => Buffer.from(`alert:${offset}`, 'utf8').toString('base64url');

/** Due date first (none last), then the sources' order, then the member. */
function byDueDate(a: FoundAlert, b: FoundAlert): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

export const alertResolvers: Resolvers = {
  Query: {
    memberAlerts: async (_source, args, context) => {
      const unitId = await requireReadableUnit(context.db, context.caller, args.unitId);
      const asOf = args.asOf ? requireDate(args.asOf, 'asOf') : todayInVietnam();
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw new DomainError('BAD_USER_INPUT', `Mỗi trang từ 1 đến ${MAX_PAGE} cảnh báo.`, { field: 'first' });
      const offset = offsetFromCursor(args.after);
      const rule = await alertRuleOn(context.db, asOf);
      const sources = ALERT_SOURCES.filter((source) => !args.kinds || args.kinds.includes(source.kind));
      const found = await withoutJit(context.db, async (trx) => {
        const rows: FoundAlert[][] = [];
        for (const source of sources) rows.push((await source.find(trx, [unitId], asOf, rule)).map((row): FoundAlert => ({ ...row, kind: source.kind })));
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
          cell: optionalUnitRef(alert.cellId),
          dueDate: alert.dueDate,
          detail: alert.detail,
        })),
        endCursor: page.length > 0 ? cursorAt(offset + page.length) : null,
        hasNextPage: offset + page.length < alerts.length,
      };
    },
  },
};
