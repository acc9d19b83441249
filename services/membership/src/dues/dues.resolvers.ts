import { subtreeUnitIds } from '@dangvien/org-replica';
import { DomainError, requireDate } from '@dangvien/server';
import { sql } from 'kysely';
import type { Resolvers } from '../generated/resolvers.ts';
import { optionalUnitRef, unitRef } from '../org-unit.ts';
import { requireReadableUnit } from '../statistics/unit-scope.ts';
import { todayInVietnam } from '@dangvien/db';
import { duesLedger, type DuesMonthRow } from './dues-ledger.ts';
import { duesSummary } from './dues-summary.ts';
import { addDuesRule, grantDuesRelief, recordDuesPayment, setMemberDuesBasis } from './dues-record.ts';
import { duesBasesOfMember, duesRules, membersByCellAndName, paymentsOfMember } from './dues.repository.ts';
import { monthsInclusive, monthStart, shiftMonth } from './months.ts';

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

/** Sums of a subtree's ledger: per cell, and the members who still owe (with the months). */
function arrearsOf(rows: readonly DuesMonthRow[]) {
  const members = new Map<string, { unpaidMonths: string[]; owed: number }>();
  const cells = new Map<string, { cellId: string; due: number; paid: number; owed: number; members: Set<string> }>();
  const months = new Map<string, { month: string; due: number; paid: number; owed: number; membersInArrears: number }>();
  for (const row of rows) {
    const owed = Math.max(row.due - row.paid, 0);
    const cellKey = row.cell_id ?? '';
    const cell = cells.get(cellKey) ?? { cellId: cellKey, due: 0, paid: 0, owed: 0, members: new Set<string>() };
    cell.due += row.due;
    cell.paid += row.paid;
    cell.owed += owed;
    cells.set(cellKey, cell);
    const monthKey = toMonth(row.month);
    const month = months.get(monthKey) ?? { month: monthKey, due: 0, paid: 0, owed: 0, membersInArrears: 0 };
    month.due += row.due;
    month.paid += row.paid;
    month.owed += owed;
    if (owed > 0) month.membersInArrears += 1;
    months.set(monthKey, month);
    if (owed === 0) continue;
    cell.members.add(row.member_id);
    const member = members.get(row.member_id) ?? { unpaidMonths: [], owed: 0 };
    member.unpaidMonths.push(toMonth(row.month));
    member.owed += owed;
    members.set(row.member_id, member);
  }
  return { members, cells: [...cells.values()], months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)) };
}

/** YYYY-MM of every month from one first day (YYYY-MM-01) to another, inclusive. */
function everyMonth(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = shiftMonth(month, 1)) months.push(toMonth(month));
  return months;
}

export const duesResolvers: Resolvers = {
  Query: {
    duesRules: (_source, _args, context) => duesRules(context.db),
    duesArrears: async (_source, args, context) => {
      const unitId = await requireReadableUnit(context.db, context.caller, args.unitId);
      const asOf = args.asOf ? requireDate(args.asOf, 'asOf') : todayInVietnam();
      const to = args.toMonth ? requireMonth(args.toMonth, 'toMonth') : shiftMonth(`${asOf.slice(0, 7)}-01`, -1);
      const from = args.fromMonth ? requireMonth(args.fromMonth, 'fromMonth') : `${to.slice(0, 4)}-01-01`;
      requireRange(from, to);
      const cellIds = await subtreeUnitIds(context.db, [unitId]);
      const rows = await duesLedger(context.db, sql<boolean>`m.cell_id = ANY(${cellIds}::uuid[])`, from, to);
      const { members, cells, months } = arrearsOf(rows);
      const cellRow = (cell: (typeof cells)[number]) => ({ cell: unitRef(cell.cellId), due: cell.due, paid: cell.paid, owed: cell.owed, membersInArrears: cell.members.size });
      const memberRows = await membersByCellAndName(context.db, [...members.keys()]);
      return {
        fromMonth: toMonth(from),
        toMonth: toMonth(to),
        due: rows.reduce((sum, row) => sum + row.due, 0),
        paid: rows.reduce((sum, row) => sum + row.paid, 0),
        owed: cells.reduce((sum, cell) => sum + cell.owed, 0),
        cells: cells.filter((cell) => cell.cellId !== '' && cell.owed > 0).map(cellRow),
        byCell: cells.filter((cell) => cell.cellId !== '').map(cellRow),
        byMonth: everyMonth(from, to).map((month) => months.find((row) => row.month === month) ?? { month, due: 0, paid: 0, owed: 0, membersInArrears: 0 }),
        members: memberRows.map((row) => {
          const member = members.get(row.id)!;
          return { member: row, cell: optionalUnitRef(row.cell_id), unpaidMonths: member.unpaidMonths, owed: member.owed };
        }),
      };
    },
    duesSummary: async (_source, args, context) => {
      const unitId = await requireReadableUnit(context.db, context.caller, args.unitId);
      const from = requireMonth(args.fromMonth, 'fromMonth');
      const to = requireMonth(args.toMonth, 'toMonth');
      requireRange(from, to);
      const { total, byChild } = await duesSummary(context.db, unitId, from, to);
      return { unit: unitRef(unitId), fromMonth: toMonth(from), toMonth: toMonth(to), ...total, byChildUnit: byChild.map(({ unitId: id, ...figures }) => ({ unit: unitRef(id), ...figures })) };
    },
  },
  Mutation: {
    setMemberDuesBasis: (_source, args, context) => setMemberDuesBasis(context.db, context.caller, args.input),
    grantDuesRelief: (_source, args, context) => grantDuesRelief(context.db, context.caller, args.input),
    recordDuesPayment: (_source, args, context) => recordDuesPayment(context.db, context.caller, args.input),
    addDuesRule: (_source, args, context) => addDuesRule(context.db, context.caller, args.input),
  },
  Member: {
    duesBasisHistory: (member, _args, context) => duesBasesOfMember(context.db, member.id),
    dues: async (member, args, context) => {
      const from = requireMonth(args.fromMonth, 'fromMonth');
      const to = requireMonth(args.toMonth, 'toMonth');
      requireRange(from, to);
      return (await duesLedger(context.db, sql<boolean>`m.id = ${member.id}`, from, to)).map(duesMonth);
    },
    duesPayments: (member, _args, context) => paymentsOfMember(context.db, member.id),
  },
  DuesRule: {
    validFrom: (rule) => rule.valid_from,
    salaryPercent: (rule) => Number(rule.salary_percent),
    pensionPercent: (rule) => Number(rule.pension_percent),
    studentAmount: (rule) => rule.student_amount,
    minimumWagePercent: (rule) => Number(rule.minimum_wage_percent),
    exemptAfterPartyYears: (rule) => rule.exempt_after_party_years,
    reductionPercents: (rule) => rule.reduction_percents,
    maxReductionMonths: (rule) => rule.max_reduction_months,
  },
  DuesBasis: {
    incomeAmount: (basis) => (basis.income_amount === null ? null : Number(basis.income_amount)),
    wageRegion: (basis) => basis.wage_region,
    validFrom: (basis) => toMonth(basis.valid_from),
    recordedBy: (basis) => basis.recorded_by,
  },
  DuesPayment: {
    id: (payment) => String(payment.id),
    member: (payment, _args, context) => context.memberById.load(payment.member_id),
    month: (payment) => toMonth(payment.month),
    amount: (payment) => Number(payment.amount),
    paidOn: (payment) => payment.paid_on,
    recordedBy: (payment) => payment.recorded_by,
  },
};
