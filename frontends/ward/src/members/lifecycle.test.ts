import { describe, expect, it } from 'vitest';
import { actionsFor, addMonths, addWorkingDays, defaultDecisionDate, fullYearsBetween, latestEffectiveEvent, officialWindow, recorderName, todayInVietnam } from './lifecycle.ts';
import { admitSchema, annulInput, annulSchema, eventInput, eventSchema } from './schemas.ts';
import { searchCriteria, searchSchema } from './search.ts';

describe('the Charter dates', () => {
  it('adds calendar months, clamped at the month end', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-15', -13)).toBe('2024-02-15');
  });

  it('counts working days Monday to Friday', () => {
    // Friday 2025-03-14 + 1 working day is Monday 17th.
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17');
    expect(addWorkingDays('2025-03-14', 5)).toBe('2025-03-21');
  });

  it('opens the official decision at the end of 12 months of probation, for 30 working days', () => {
    expect(officialWindow('2024-03-14')).toEqual({ from: '2025-03-14', to: '2025-04-25' });
  });

  it('counts full years of age', () => {
    expect(fullYearsBetween('2000-06-15', '2018-06-14')).toBe(17);
    expect(fullYearsBetween('2000-06-15', '2018-06-15')).toBe(18);
  });

  it('knows today in Vietnam, not in UTC (at 23:30 UTC it is already tomorrow in Hà Nội)', () => {
    expect(todayInVietnam(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInVietnam(new Date('2025-12-31T10:00:00Z'))).toBe('2025-12-31');
  });
});

describe('who recorded an event', () => {
  it('shows the name without the account id', () => {
    expect(recorderName('Phạm Văn Minh – Đảng ủy viên (38cf7f70-e297-485e-92f8-fdd567a501f5)')).toBe('Phạm Văn Minh – Đảng ủy viên');
    expect(recorderName('nhập từ Excel')).toBe('nhập từ Excel');
  });
});

describe('which decisions fit a status', () => {
  it('offers making official only during probation, reinstatement only after leaving', () => {
    expect(actionsFor('PROBATIONARY')).toEqual(['OFFICIAL', 'EXEMPT', 'DISCIPLINE', 'NAME_REMOVED', 'LEFT', 'DIED']);
    expect(actionsFor('OFFICIAL')).not.toContain('OFFICIAL');
    expect(actionsFor('EXEMPT')).toContain('EXEMPT_ENDED');
    expect(actionsFor('LEFT')).toEqual(['REINSTATED', 'DIED']);
    expect(actionsFor('CANDIDATE')).toEqual(['ADMITTED', 'DIED']);
    expect(actionsFor('DECEASED')).toEqual([]);
  });

  it('starts the official decision at the end of probation once it has come, else today', () => {
    expect(defaultDecisionDate('OFFICIAL', '2024-03-14', '2025-04-01')).toBe('2025-03-14');
    expect(defaultDecisionDate('OFFICIAL', '2025-01-10', '2025-04-01')).toBe('2025-04-01');
    expect(defaultDecisionDate('EXEMPT', '2024-03-14', '2025-04-01')).toBe('2025-04-01');
  });
});

describe('the forms’ schemas', () => {
  const today = '2025-06-01';
  const admit = { mode: 'ADMITTED' as const, fullName: 'Trần Văn An', dateOfBirth: '1990-01-01', sex: '' as const, citizenId: '', cellId: 'c1', date: '2025-05-01', decisionNumber: '12-QĐ/ĐU' };

  it('admits someone 18 to 60 years old, with a decision number, on a day that has come', () => {
    expect(admitSchema(today).safeParse(admit).success).toBe(true);
    const young = admitSchema(today).safeParse({ ...admit, dateOfBirth: '2008-01-01' });
    expect(young.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['date', 'Tuổi khi kết nạp phải từ 18 đến 60; người này 17 tuổi vào ngày 2025-05-01.']]);
    const future = admitSchema(today).safeParse({ ...admit, date: '2025-06-02', decisionNumber: '' });
    expect(future.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['date', 'decisionNumber']);
  });

  it('records a candidate without a decision number or an age check', () => {
    expect(admitSchema(today).safeParse({ ...admit, mode: 'CANDIDATE', dateOfBirth: '2010-01-01', decisionNumber: '' }).success).toBe(true);
  });

  it('refuses a CCCD that is not 12 digits', () => {
    expect(admitSchema(today).safeParse({ ...admit, citizenId: '0360 9000 1234' }).success).toBe(true);
    expect(admitSchema(today).safeParse({ ...admit, citizenId: '12345' }).success).toBe(false);
  });

  it('wants a discipline form for a discipline and a number for every decision but a death', () => {
    const base = { kind: 'DISCIPLINE' as const, occurredOn: today, decisionNumber: '', disciplineLevel: '' as const, reason: '' };
    const refused = eventSchema(today).safeParse(base);
    expect(refused.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['decisionNumber', 'disciplineLevel']);
    expect(eventSchema(today).safeParse({ ...base, kind: 'DIED' }).success).toBe(true);
    expect(eventSchema(today).safeParse({ ...base, kind: 'DIED', occurredOn: '2025-06-02' }).success).toBe(false);
  });

  it('sends the discipline form only with a discipline, and leaves blanks out', () => {
    expect(eventInput('m1', { kind: 'EXEMPT', occurredOn: today, decisionNumber: '3-QĐ', disciplineLevel: 'WARNING', reason: '' })).toEqual({
      memberId: 'm1',
      kind: 'EXEMPT',
      occurredOn: today,
      decisionNumber: '3-QĐ',
    });
    expect(eventInput('m1', { kind: 'DISCIPLINE', occurredOn: today, decisionNumber: '4-QĐ', disciplineLevel: 'EXPULSION', reason: 'Vi phạm' }).details).toEqual({
      disciplineLevel: 'EXPULSION',
      reason: 'Vi phạm',
    });
  });

  it('searches by a name or a card number, never by nothing', () => {
    expect(searchSchema.safeParse({ name: ' ', card: '', status: '', scope: '' }).success).toBe(false);
    expect(searchCriteria({ name: ' hung ', card: '', status: 'OFFICIAL', scope: '' })).toEqual({ name: 'hung', status: 'OFFICIAL' });
    expect(searchCriteria({ name: '', card: '0123', status: 'BOGUS' as never, scope: '' })).toEqual({ partyCardNumber: '0123' });
    expect(searchCriteria({ name: 'hung', card: '', status: '', scope: 'withLeft' })).toEqual({ name: 'hung', includeLeft: true });
  });
});

describe('annulling an event recorded by mistake', () => {
  it('requires a reason, and sends it with the event', () => {
    const blank = annulSchema.safeParse({ reason: '   ' });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'Nhập lý do hủy quyết định.' });
    const given = annulSchema.parse({ reason: ' Ghi nhầm ngày mất ' });
    expect(annulInput('e-1', given)).toEqual({ eventId: 'e-1', reason: 'Ghi nhầm ngày mất' });
  });

  it('refuses a reason longer than 1000 characters', () => {
    expect(annulSchema.safeParse({ reason: 'x'.repeat(1001) }).success).toBe(false);
    expect(annulSchema.safeParse({ reason: 'x'.repeat(1000) }).success).toBe(true);
  });

  it('offers only the latest effective event: by date, then recording order, annulled ones left out', () => {
    const events = [
      { id: 'admitted', occurredOn: '2020-05-01', annulled: false },
      { id: 'official', occurredOn: '2021-05-01', annulled: false },
      { id: 'died-wrong-day', occurredOn: '2025-03-02', annulled: true },
      { id: 'exempt', occurredOn: '2024-01-10', annulled: false },
      { id: 'exempt-same-day', occurredOn: '2024-01-10', annulled: false },
      { id: 'backdated', occurredOn: '2022-01-01', annulled: false },
    ];
    expect(latestEffectiveEvent(events)?.id).toBe('exempt-same-day');
    expect(latestEffectiveEvent(events.slice(0, 3))?.id).toBe('official');
    expect(latestEffectiveEvent([{ id: 'only', occurredOn: '2020-01-01', annulled: true }])).toBeUndefined();
  });
});
