import { randomUUID } from 'node:crypto';
import { MUTATION_ROLES, scopesWithRole, type Caller, type Role } from '@dangvien/auth';
import { includesRootUnit } from '@dangvien/org-replica';
import { DomainError, requireDate, requireId, requireNextDatedRule, requireText, writeAudit } from '@dangvien/server';
import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { AddDuesRuleInput, GrantDuesReliefInput, RecordDuesPaymentInput, SetMemberDuesBasisInput } from '../generated/graphql.ts';
import { vietnameseDate } from '../input-checks.ts';
import { lockMember } from '../member/member.repository.ts';
import type { MemberRow } from '../member/member.tables.ts';
import { recordedBy } from '../placement/scope.ts';
import { todayInVietnam } from '@dangvien/db';
import { duesLedger } from './dues-ledger.ts';
import { findPaymentOfRequest, lockPaymentRequest } from './dues.repository.ts';
import type { DuesPaymentRow, DuesRuleRow } from './dues.tables.ts';
import { monthsInclusive, monthStart, shiftMonth } from './months.ts';

/** Largest amount accepted in đồng (a guard against typing errors, far above any salary base). */
const MAX_AMOUNT = 10_000_000_000;

function requireMonth(value: string, field: string): string {
  const start = monthStart(value);
  if (!start) throw new DomainError('BAD_USER_INPUT', `Tháng không hợp lệ: "${value}". Nhập theo dạng năm-tháng, ví dụ 2026-03.`, { field });
  return start;
}

function requireAmount(value: number, field: string, label: string): number {
  if (!Number.isInteger(value) || value <= 0 || value > MAX_AMOUNT) {
    throw new DomainError('BAD_USER_INPUT', `${label} phải là số đồng nguyên dương (nhận được ${value}).`, { field });
  }
  return value;
}

/** Records from which month a member pays dues under which category and on what income (dated; earlier months keep theirs). */
export async function setMemberDuesBasis(database: Kysely<MembershipDatabase>, caller: Caller, input: SetMemberDuesBasisInput): Promise<MemberRow> {
  const memberId = requireId(input.memberId, 'memberId');
  const validFrom = requireMonth(input.validFrom, 'validFrom');
  const needsIncome = input.category === 'SALARIED' || input.category === 'PENSIONER';
  if (needsIncome && (input.incomeAmount === null || input.incomeAmount === undefined)) {
    throw new DomainError('BAD_USER_INPUT', input.category === 'SALARIED' ? 'Chưa nhập tiền lương làm căn cứ đóng bảo hiểm xã hội.' : 'Chưa nhập mức lương hưu.', { field: 'incomeAmount' });
  }
  if (!needsIncome && input.incomeAmount !== null && input.incomeAmount !== undefined) {
    throw new DomainError('BAD_USER_INPUT', 'Chỉ nhập thu nhập cho đảng viên hưởng lương hoặc lương hưu.', { field: 'incomeAmount' });
  }
  const incomeAmount = needsIncome ? requireAmount(input.incomeAmount!, 'incomeAmount', 'Thu nhập làm căn cứ') : null;
  if (input.category === 'OTHER' && !input.wageRegion) {
    throw new DomainError('BAD_USER_INPUT', 'Chọn vùng lương tối thiểu (I đến IV) nơi đảng viên sinh sống.', { field: 'wageRegion' });
  }
  const wageRegion = input.category === 'OTHER' ? (input.wageRegion ?? null) : null;

  return database.transaction().execute(async (trx) => {
    const member = await lockMember(trx, caller, 'setMemberDuesBasis', memberId, 'ghi căn cứ đóng đảng phí của đảng viên này', 'memberId');
    const basis = await trx
      .insertInto('member_dues_basis')
      .values({ member_id: memberId, category: input.category, income_amount: incomeAmount, wage_region: wageRegion, valid_from: validFrom, recorded_by: recordedBy(caller) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [
      { operation: 'setMemberDuesBasis', entityType: 'Member', entityId: memberId, before: null, after: { basisId: String(basis.id), category: input.category, incomeAmount, wageRegion, validFrom } },
    ]);
    return member;
  });
}

/** An exemption for hardship, or a 30/50/70% reduction for up to 12 months, as the rule in force allows. */
export async function grantDuesRelief(database: Kysely<MembershipDatabase>, caller: Caller, input: GrantDuesReliefInput): Promise<MemberRow> {
  const memberId = requireId(input.memberId, 'memberId');
  const fromMonth = requireMonth(input.fromMonth, 'fromMonth');
  const toMonth = input.toMonth ? requireMonth(input.toMonth, 'toMonth') : null;
  if (toMonth && toMonth < fromMonth) throw new DomainError('BAD_USER_INPUT', 'Tháng kết thúc phải sau tháng bắt đầu.', { field: 'toMonth' });
  const reason = requireText(input.reason, 'reason', 'lý do', 1000);
  const decisionNumber = input.decisionNumber?.trim() ? requireText(input.decisionNumber, 'decisionNumber', 'số quyết định', 100) : null;
  if (input.kind !== 'EXEMPTION' && input.kind !== 'REDUCTION') throw new DomainError('BAD_USER_INPUT', 'Hình thức không hợp lệ.', { field: 'kind' });
  if (input.kind === 'EXEMPTION' && input.percent !== null && input.percent !== undefined) {
    throw new DomainError('BAD_USER_INPUT', 'Miễn đóng đảng phí không có tỷ lệ giảm.', { field: 'percent' });
  }

  return database.transaction().execute(async (trx) => {
    const member = await lockMember(trx, caller, 'grantDuesRelief', memberId, 'quyết định miễn, giảm đảng phí của đảng viên này', 'memberId');
    let percent: number | null = null;
    if (input.kind === 'REDUCTION') {
      const rule = await trx.selectFrom('dues_rule').selectAll().where(sql<boolean>`valid_from < ${fromMonth}::date + interval '1 month'`).orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
      if (!rule) throw new DomainError('BAD_USER_INPUT', `Chưa có quy định đảng phí nào có hiệu lực cho tháng ${input.fromMonth}.`, { field: 'fromMonth' });
      if (input.percent === null || input.percent === undefined || !rule.reduction_percents.includes(input.percent)) {
        throw new DomainError('BAD_USER_INPUT', `Theo ${rule.code}, chỉ giảm ${rule.reduction_percents.join('%, ')}% đảng phí.`, { field: 'percent' });
      }
      if (!toMonth) throw new DomainError('BAD_USER_INPUT', `Giảm đảng phí phải có tháng kết thúc (tối đa ${rule.max_reduction_months} tháng).`, { field: 'toMonth' });
      const months = monthsInclusive(fromMonth, toMonth);
      if (months > rule.max_reduction_months) {
        throw new DomainError('BAD_USER_INPUT', `Theo ${rule.code}, giảm đảng phí tối đa ${rule.max_reduction_months} tháng; đề nghị giảm ${months} tháng.`, { field: 'toMonth' });
      }
      const overlapping = await trx
        .selectFrom('member_dues_relief')
        .select('id')
        .where('member_id', '=', memberId)
        .where('kind', '=', 'REDUCTION')
        .where('from_month', '<=', toMonth)
        .where('to_month', '>=', fromMonth)
        .executeTakeFirst();
      if (overlapping) throw new DomainError('CONFLICT', 'Đảng viên đã được giảm đảng phí trong một số tháng này.', { field: 'fromMonth' });
      percent = input.percent;
    }
    const relief = await trx
      .insertInto('member_dues_relief')
      .values({ member_id: memberId, kind: input.kind, percent, from_month: fromMonth, to_month: toMonth, reason, decision_number: decisionNumber, recorded_by: recordedBy(caller) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [
      { operation: 'grantDuesRelief', entityType: 'Member', entityId: memberId, before: null, after: { reliefId: String(relief.id), kind: input.kind, percent, fromMonth, toMonth, reason, decisionNumber } },
    ]);
    return member;
  });
}

/**
 * A payment the cell collected for one month: no more than what is still due for that month. With a
 * clientRequestId (an offline client's idempotency key), a payment already recorded is answered with
 * its row, counted once and without a second audit record.
 */
export async function recordDuesPayment(database: Kysely<MembershipDatabase>, caller: Caller, input: RecordDuesPaymentInput): Promise<DuesPaymentRow> {
  const memberId = requireId(input.memberId, 'memberId');
  const month = requireMonth(input.month, 'month');
  const amount = requireAmount(input.amount, 'amount', 'Số tiền nộp');
  const paidOn = requireDate(input.paidOn, 'paidOn');
  // A payment is recorded once made: a date after today (Vietnam's day) is a typing error.
  if (paidOn > todayInVietnam()) throw new DomainError('BAD_USER_INPUT', `Ngày nộp ${vietnameseDate(paidOn)} chưa đến.`, { field: 'paidOn' });
  if (input.channel !== 'CASH' && input.channel !== 'PUBLIC_SERVICE_PORTAL') throw new DomainError('BAD_USER_INPUT', 'Hình thức nộp không hợp lệ.', { field: 'channel' });
  const clientRequestId = input.clientRequestId ? requireId(input.clientRequestId, 'clientRequestId') : null;

  return database.transaction().execute(async (trx) => {
    const member = await lockMember(trx, caller, 'recordDuesPayment', memberId, 'thu đảng phí của đảng viên này', 'memberId');
    if (clientRequestId) {
      await lockPaymentRequest(trx, clientRequestId);
      const recorded = await findPaymentOfRequest(trx, clientRequestId);
      if (recorded?.member_id === memberId) return recorded;
      if (recorded) throw new DomainError('CONFLICT', 'Mã yêu cầu của khoản nộp này đã được dùng cho khoản nộp của một đảng viên khác: không ghi. Hãy nhập lại khoản nộp.', { field: 'clientRequestId' });
    }
    const [ledger] = await duesLedger(trx, sql<boolean>`m.id = ${memberId}`, month, month);
    if (!ledger) throw new DomainError('CONFLICT', `Đảng viên không có đảng phí phải nộp cho tháng ${input.month} (chưa có căn cứ đóng hoặc không còn sinh hoạt đảng).`, { field: 'month' });
    const owed = ledger.due - ledger.paid;
    if (amount > owed) {
      throw new DomainError('CONFLICT', `Số tiền ${amount} đồng vượt số đảng phí còn phải nộp tháng ${input.month} (${owed} đồng).`, { field: 'amount' });
    }
    const payment = await trx
      .insertInto('dues_payment')
      .values({ member_id: memberId, cell_id: member.cell_id!, month, amount, paid_on: paidOn, channel: input.channel, recorded_by: recordedBy(caller), client_request_id: clientRequestId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [
      { operation: 'recordDuesPayment', entityType: 'Member', entityId: memberId, before: { paid: ledger.paid, due: ledger.due }, after: { paymentId: String(payment.id), month: input.month, amount, paidOn, channel: input.channel } },
    ]);
    return payment;
  });
}

function requirePercent(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 100 || Math.round(value * 100) !== value * 100) {
    throw new DomainError('BAD_USER_INPUT', `Tỷ lệ phải từ 0 đến 100, tối đa hai chữ số thập phân (nhận được ${value}).`, { field });
  }
  return value;
}

/**
 * A new dues rule (a new Party regulation) from a date. It may only start from next month on, and after
 * the newest rule: months already ended or under way keep the rule they were priced by. Administrators
 * of a whole tree (a root unit) only: the rates are national.
 */
export async function addDuesRule(database: Kysely<MembershipDatabase>, caller: Caller, input: AddDuesRuleInput): Promise<DuesRuleRow> {
  const code = requireText(input.code, 'code', 'số hiệu quy định', 50);
  const name = requireText(input.name, 'name', 'tên quy định', 300);
  const validFrom = requireDate(input.validFrom, 'validFrom');
  const nextMonth = shiftMonth(`${todayInVietnam().slice(0, 7)}-01`, 1);
  if (validFrom < nextMonth) throw new DomainError('BAD_USER_INPUT', `Quy định mới chỉ áp dụng từ tháng sau (từ ngày ${nextMonth}): không tính lại đảng phí các tháng đã qua hoặc đang thu.`, { field: 'validFrom' });
  const values = {
    salary_percent: String(requirePercent(input.salaryPercent, 'salaryPercent')),
    pension_percent: String(requirePercent(input.pensionPercent, 'pensionPercent')),
    minimum_wage_percent: String(requirePercent(input.minimumWagePercent, 'minimumWagePercent')),
    student_amount: input.studentAmount === 0 ? 0 : requireAmount(input.studentAmount, 'studentAmount', 'Mức đóng của học sinh, sinh viên'),
    exempt_after_party_years: requireAmount(input.exemptAfterPartyYears, 'exemptAfterPartyYears', 'Số năm tuổi đảng được miễn'),
    max_reduction_months: requireAmount(input.maxReductionMonths, 'maxReductionMonths', 'Số tháng giảm tối đa'),
    reduction_percents: [...new Set(input.reductionPercents)].sort((a, b) => a - b),
  };
  if (values.reduction_percents.length === 0 || values.reduction_percents.some((percent) => !Number.isInteger(percent) || percent < 1 || percent > 99)) {
    throw new DomainError('BAD_USER_INPUT', 'Các mức giảm phải là số nguyên từ 1 đến 99 (%).', { field: 'reductionPercents' });
  }
  return database.transaction().execute(async (trx) => {
    if (!(await includesRootUnit(trx, scopesWithRole(caller, MUTATION_ROLES.addDuesRule as readonly Role[])))) {
      throw new DomainError('FORBIDDEN', 'Chỉ quản trị viên toàn hệ thống được thêm quy định đảng phí.');
    }
    await requireNextDatedRule(trx, 'dues_rule', code, validFrom);
    const rule = await trx.insertInto('dues_rule').values({ id: randomUUID(), code, name, valid_from: validFrom, ...values }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, caller, [{ operation: 'addDuesRule', entityType: 'DuesRule', entityId: rule.id, before: null, after: rule }]);
    return rule;
  });
}
