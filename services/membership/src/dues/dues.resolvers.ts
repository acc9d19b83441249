import type { GraphQLResolverMap } from '@apollo/subgraph';
import { subtreeUnitIds } from '@dangvien/org-replica';
import { DomainError, requireDate } from '@dangvien/server';
import { sql, type Selectable } from 'kysely';
import type { MembershipContext } from '../context.ts';
import { todayInVietnam } from '../member/member-record.ts';
import type { MemberRow } from '../member/member.repository.ts';
import { requireReadableUnit } from '../statistics/unit-scope.ts';
import { duesLedger, type DuesMonthRow } from './dues-ledger.ts';
import { addDuesRule, grantDuesRelief, recordDuesPayment, setMemberDuesBasis, type AddDuesRuleInput, type DuesPaymentRow, type GrantDuesReliefInput, type RecordDuesPaymentInput, type SetDuesBasisInput } from './dues-record.ts';
import { monthsInclusive, monthStart, shiftMonth, withDuesTables, type DuesTables } from './dues.tables.ts';

const MAX_MONTHS = 120;
const toMonth = (start: string) => start.slice(0, 7);

function requireMonth(value: string, field: string): string {
  const start = monthStart(value);
  if (!start) throw new DomainError('BAD_USER_INPUT', `Tháng không hợp lệ: "${value}". Nhập theo dạng năm-tháng, ví dụ 2026-03.`, { field });
  return start;
}

function requireRange(from: string, to: string): void {
  if (to < from) throw new DomainError('BAD_USER_INPUT', 'Tháng kết thúc phải sau tháng bắt đầu.', { field: 'toMonth' });
  if (monthsInclusive(from, to) > MAX_MONTHS) throw new DomainError('BAD_USER_INPUT', `Chỉ xem tối đa ${MAX_MONTHS} tháng một lần.`, { field: 'fromMonth' });
}

const duesMonth = (row: DuesMonthRow) => ({
  month: toMonth(row.month),
  category: row.category,
  rule: row.rule_code,
  baseAmount: row.base,
  exemption: row.exemption,
  reductionPercent: row.reduction_percent,
  due: row.due,
  paid: row.paid,
  owed: Math.max(row.due - row.paid, 0),
});

const duesRule = (rule: Selectable<DuesTables['dues_rule']>) => ({
  code: rule.code,
  name: rule.name,
  validFrom: rule.valid_from,
  salaryPercent: Number(rule.salary_percent),
  pensionPercent: Number(rule.pension_percent),
  studentAmount: rule.student_amount,
  minimumWagePercent: Number(rule.minimum_wage_percent),
  exemptAfterPartyYears: rule.exempt_after_party_years,
  reductionPercents: rule.reduction_percents,
  maxReductionMonths: rule.max_reduction_months,
});

export const duesResolvers: GraphQLResolverMap<MembershipContext> = {
  Query: {
    duesRules: async (_source, _args, context) => {
      const rules = await withDuesTables(context.db).selectFrom('dues_rule').selectAll().orderBy('valid_from').execute();
      return rules.map(duesRule);
    },
    duesArrears: async (_source, args: { unitId: string; asOf?: string | null; fromMonth?: string | null; toMonth?: string | null }, context) => {
      const unitId = await requireReadableUnit(context.db, context.caller, args.unitId);
      const asOf = args.asOf ? requireDate(args.asOf, 'asOf') : todayInVietnam();
      const to = args.toMonth ? requireMonth(args.toMonth, 'toMonth') : shiftMonth(`${asOf.slice(0, 7)}-01`, -1);
      const from = args.fromMonth ? requireMonth(args.fromMonth, 'fromMonth') : `${to.slice(0, 4)}-01-01`;
      requireRange(from, to);
      const cellIds = await subtreeUnitIds(context.db, [unitId]);
      const rows = await duesLedger(context.db, sql<boolean>`m.cell_id = ANY(${cellIds}::uuid[])`, from, to);
      const members = new Map<string, { member_id: string; cell_id: string | null; unpaidMonths: string[]; owed: number }>();
      const cells = new Map<string, { cellId: string; due: number; paid: number; owed: number; members: Set<string> }>();
      for (const row of rows) {
        const owed = Math.max(row.due - row.paid, 0);
        const cellKey = row.cell_id ?? '';
        const cell = cells.get(cellKey) ?? { cellId: cellKey, due: 0, paid: 0, owed: 0, members: new Set<string>() };
        cell.due += row.due;
        cell.paid += row.paid;
        cell.owed += owed;
        cells.set(cellKey, cell);
        if (owed === 0) continue;
        cell.members.add(row.member_id);
        const member = members.get(row.member_id) ?? { member_id: row.member_id, cell_id: row.cell_id, unpaidMonths: [], owed: 0 };
        member.unpaidMonths.push(toMonth(row.month));
        member.owed += owed;
        members.set(row.member_id, member);
      }
      const owing = [...members.values()];
      const memberRows = owing.length === 0 ? [] : await context.db.selectFrom('member').selectAll().where('id', 'in', owing.map((member) => member.member_id)).orderBy('cell_id').orderBy(sql`given_name COLLATE "vi-x-icu"`).orderBy(sql`full_name COLLATE "vi-x-icu"`).execute();
      const cellList = [...cells.values()].filter((cell) => cell.cellId !== '' && cell.owed > 0);
      return {
        fromMonth: toMonth(from),
        toMonth: toMonth(to),
        due: rows.reduce((sum, row) => sum + row.due, 0),
        paid: rows.reduce((sum, row) => sum + row.paid, 0),
        owed: [...cells.values()].reduce((sum, cell) => sum + cell.owed, 0),
        cells: cellList.map((cell) => ({ cell: { __typename: 'OrgUnit', id: cell.cellId }, due: cell.due, paid: cell.paid, owed: cell.owed, membersInArrears: cell.members.size })),
        members: memberRows.map((row) => {
          const member = members.get(row.id)!;
          return { member: row, cell: row.cell_id ? { __typename: 'OrgUnit', id: row.cell_id } : null, unpaidMonths: member.unpaidMonths, owed: member.owed };
        }),
      };
    },
  },
  Mutation: {
    setMemberDuesBasis: (_source, args: { input: SetDuesBasisInput }, context) => setMemberDuesBasis(context.db, context.caller, args.input),
    grantDuesRelief: (_source, args: { input: GrantDuesReliefInput }, context) => grantDuesRelief(context.db, context.caller, args.input),
    recordDuesPayment: (_source, args: { input: RecordDuesPaymentInput }, context) => recordDuesPayment(context.db, context.caller, args.input),
    addDuesRule: async (_source, args: { input: AddDuesRuleInput }, context) => duesRule(await addDuesRule(context.db, context.caller, args.input)),
  },
  Member: {
    duesBasisHistory: async (member: MemberRow, _args, context: MembershipContext) => {
      const rows = await withDuesTables(context.db).selectFrom('member_dues_basis').selectAll().where('member_id', '=', member.id).orderBy('valid_from').orderBy('id').execute();
      return rows.map((row) => ({ category: row.category, incomeAmount: row.income_amount === null ? null : Number(row.income_amount), wageRegion: row.wage_region, validFrom: toMonth(row.valid_from), recordedBy: row.recorded_by }));
    },
    dues: async (member: MemberRow, args: { fromMonth: string; toMonth: string }, context: MembershipContext) => {
      const from = requireMonth(args.fromMonth, 'fromMonth');
      const to = requireMonth(args.toMonth, 'toMonth');
      requireRange(from, to);
      return (await duesLedger(context.db, sql<boolean>`m.id = ${member.id}`, from, to)).map(duesMonth);
    },
    duesPayments: (member: MemberRow, _args, context: MembershipContext) =>
      withDuesTables(context.db).selectFrom('dues_payment').selectAll().where('member_id', '=', member.id).orderBy('month').orderBy('id').execute(),
  },
  DuesPayment: {
    id: (payment: DuesPaymentRow) => String(payment.id),
    member: (payment: DuesPaymentRow, _args, context: MembershipContext) => context.memberById.load(payment.member_id),
    month: (payment: DuesPaymentRow) => toMonth(payment.month),
    amount: (payment: DuesPaymentRow) => Number(payment.amount),
    paidOn: (payment: DuesPaymentRow) => payment.paid_on,
    recordedBy: (payment: DuesPaymentRow) => payment.recorded_by,
  },
};

