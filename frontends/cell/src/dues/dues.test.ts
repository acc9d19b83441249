import { describe, expect, it } from 'vitest';
import { currentMonth, formatMoney, formatMonth, todayInVietnam } from './calendar.ts';
import { duesState, monthTotals, moneyInput, parseMoney, sortForCollection } from './dues.ts';
import type { DuesMember, DuesMonthRow } from './queries.ts';
import { basisSchema, paymentSchema } from './schemas.ts';

const month = (change: Partial<DuesMonthRow> = {}): DuesMonthRow => ({
  month: '2026-11',
  category: 'PENSIONER',
  due: 30_000,
  paid: 0,
  owed: 30_000,
  exemption: null,
  reductionPercent: null,
  ...change,
});
const member = (fullName: string, dues: DuesMonthRow[], basis = dues.length > 0): DuesMember => ({
  id: fullName,
  fullName,
  status: 'OFFICIAL',
  duesBasisHistory: basis ? [{ category: 'PENSIONER', validFrom: '2026-01' }] : [],
  dues,
});
const problems = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('the month of dues', () => {
  it('tells who owes, who paid, who is exempt, who has no basis yet', () => {
    expect(duesState(member('a', [month()]))).toBe('owes');
    expect(duesState(member('a', [month({ paid: 30_000, owed: 0 })]))).toBe('paid');
    expect(duesState(member('a', [month({ due: 0, owed: 0, exemption: 'PARTY_AGE' })]))).toBe('exempt');
    expect(duesState(member('a', []))).toBe('noBasis');
    expect(duesState(member('a', [], true))).toBe('nothingDue');
  });

  it('lists those who owe first, by given name, and adds up the month', () => {
    const members = [member('Trần Văn Bình', [month({ paid: 30_000, owed: 0 })]), member('Lê Thị An', []), member('Phạm Thị Cúc', [month({ paid: 10_000, owed: 20_000 })])];
    expect(sortForCollection(members).map((m) => m.fullName)).toEqual(['Phạm Thị Cúc', 'Lê Thị An', 'Trần Văn Bình']);
    expect(monthTotals(members)).toEqual({ due: 60_000, paid: 40_000, owed: 20_000, paidInFull: 1, owing: 1 });
  });

  it('reads amounts typed the Vietnamese way', () => {
    expect(parseMoney('120.000')).toBe(120_000);
    expect(parseMoney(' 120 000 đ ')).toBe(120_000);
    expect(parseMoney('5000')).toBe(5000);
    expect(parseMoney('12,5')).toBeNull();
    expect(parseMoney('1.20.000')).toBeNull();
    expect(parseMoney('')).toBeNull();
    expect(moneyInput(120_000)).toBe('120.000');
    expect(formatMoney(1_250_000)).toBe('1.250.000 đ');
  });

  it('writes months and days as the secretary reads them', () => {
    const evening = new Date('2026-12-04T16:30:00Z'); // 23:30 in Hà Nội
    expect(todayInVietnam(evening)).toBe('2026-12-04');
    expect(todayInVietnam(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05'); // 6:30 next morning there, still the 4th in UTC
    expect(currentMonth(evening)).toBe('2026-12');
    expect(formatMonth('2026-03')).toBe('03/2026');
  });
});

describe('the forms refuse what the server refuses', () => {
  it('a payment: whole đồng, not more than owed, not paid in the future', () => {
    const schema = paymentSchema(30_000, '2026-12-04');
    expect(schema.safeParse({ amount: '30.000', paidOn: '2026-12-04', channel: 'CASH' }).success).toBe(true);
    expect(problems(schema.safeParse({ amount: '35.000', paidOn: '2026-12-05', channel: null }))).toEqual({
      amount: 'Số tiền vượt số đảng phí còn phải nộp tháng này (30.000 đ).',
      paidOn: 'Ngày nộp 05/12/2026 chưa đến.',
      channel: 'Chọn hình thức nộp.',
    });
    expect(problems(schema.safeParse({ amount: '0', paidOn: '2026-12-01', channel: 'CASH' })).amount).toBe('Nhập số tiền bằng số đồng, ví dụ 25.000.');
  });

  it('a basis: income for salaried members and pensioners, the wage region for others', () => {
    expect(basisSchema.safeParse({ category: 'PENSIONER', incomeAmount: '6.000.000', wageRegion: '', validFrom: '2026-12' }).success).toBe(true);
    expect(basisSchema.safeParse({ category: 'STUDENT', incomeAmount: '', wageRegion: '', validFrom: '2026-12' }).success).toBe(true);
    expect(problems(basisSchema.safeParse({ category: 'SALARIED', incomeAmount: '', wageRegion: '', validFrom: '2026-12' })).incomeAmount).toBe(
      'Nhập tiền lương làm căn cứ đóng bảo hiểm xã hội (số đồng).',
    );
    expect(problems(basisSchema.safeParse({ category: 'OTHER', incomeAmount: '', wageRegion: '', validFrom: '' }))).toEqual({
      wageRegion: 'Chọn vùng lương tối thiểu (I đến IV) nơi đảng viên sinh sống.',
      validFrom: 'Chọn tháng bắt đầu áp dụng.',
    });
  });
});
