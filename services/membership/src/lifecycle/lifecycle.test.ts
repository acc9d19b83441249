import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, admittedOn, fullYearsBetween, LifecycleViolation, officialWindow, replay, statusOn, type LifecycleEvent, type LifecycleFacts } from './lifecycle.ts';

const born1990: LifecycleFacts = { initialStatus: null, dateOfBirth: '1990-05-10' };
let sequence = 0;
const event = (kind: LifecycleEvent['kind'], occurredOn: string, disciplineLevel?: LifecycleEvent['disciplineLevel']): LifecycleEvent => ({ kind, occurredOn, sequence: ++sequence, disciplineLevel });

const life = [
  event('CANDIDATE', '2019-03-01'),
  event('ADMITTED', '2020-02-03'),
  event('OFFICIAL', '2021-02-03'),
  event('EXEMPT', '2024-06-01'),
  event('DIED', '2025-01-15'),
];

function violation(fn: () => unknown): LifecycleViolation {
  try {
    fn();
  } catch (error) {
    if (error instanceof LifecycleViolation) return error;
    throw error;
  }
  throw new Error('no violation');
}

describe('status derived from dated events', () => {
  it.each([
    ['2019-02-28', null],
    ['2019-03-01', 'CANDIDATE'],
    ['2020-02-02', 'CANDIDATE'],
    ['2020-02-03', 'PROBATIONARY'],
    ['2021-02-02', 'PROBATIONARY'],
    ['2021-02-03', 'OFFICIAL'],
    ['2024-06-01', 'EXEMPT'],
    ['2025-01-15', 'DECEASED'],
    ['2030-01-01', 'DECEASED'],
  ])('on %s is %s', (date, expected) => {
    expect(statusOn(life, born1990, date)).toBe(expected);
    expect(statusOn([...life].reverse(), born1990, date)).toBe(expected); // the order of recording does not matter
  });

  it('replays the whole history to the current status', () => {
    expect(replay(life, born1990)).toBe('DECEASED');
    expect(replay([], born1990)).toBeNull();
    expect(replay([], { initialStatus: 'OFFICIAL', dateOfBirth: null })).toBe('OFFICIAL');
  });

  it('returns from an exemption to the status before it, and reinstates to the status before leaving', () => {
    const history = [event('ADMITTED', '2020-02-03'), event('EXEMPT', '2020-06-01'), event('EXEMPT_ENDED', '2020-09-01')];
    expect(replay(history, born1990)).toBe('PROBATIONARY');
    expect(replay([...history, event('OFFICIAL', '2021-02-04'), event('NAME_REMOVED', '2022-01-01'), event('REINSTATED', '2023-01-01')], born1990)).toBe('OFFICIAL');
  });

  it('expulsion means leaving the Party; a reprimand changes no status', () => {
    const admitted = [event('ADMITTED', '2020-02-03'), event('OFFICIAL', '2021-02-03')];
    expect(replay([...admitted, event('DISCIPLINE', '2022-01-01', 'REPRIMAND')], born1990)).toBe('OFFICIAL');
    expect(replay([...admitted, event('DISCIPLINE', '2022-01-01', 'EXPULSION')], born1990)).toBe('LEFT');
    expect(violation(() => replay([...admitted, event('DISCIPLINE', '2022-01-01')], born1990)).code).toBe('BAD_USER_INPUT');
  });

  it('refuses any event after death', () => {
    const error = violation(() => replay([...life, event('REINSTATED', '2025-02-01')], born1990));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/từ trần/);
  });

  it('refuses official status before 12 months of probation, and more than 30 working days after', () => {
    const admitted = event('ADMITTED', '2020-02-03');
    expect(violation(() => replay([admitted, event('OFFICIAL', '2021-02-02')], born1990)).code).toBe('BAD_USER_INPUT');
    expect(violation(() => replay([admitted, event('OFFICIAL', '2021-03-18')], born1990)).code).toBe('BAD_USER_INPUT');
    expect(replay([admitted, event('OFFICIAL', '2021-03-17')], born1990)).toBe('OFFICIAL');
    expect(violation(() => replay([event('OFFICIAL', '2021-02-03')], born1990)).code).toBe('BAD_USER_INPUT'); // never admitted
    expect(violation(() => replay([admitted, event('OFFICIAL', '2019-12-01')], born1990)).code).toBe('BAD_USER_INPUT'); // before admission
    expect(replay([event('OFFICIAL', '2021-02-03')], { initialStatus: 'PROBATIONARY', dateOfBirth: null })).toBe('OFFICIAL'); // recorded without history
    expect(violation(() => replay([admitted, event('OFFICIAL', '2021-02-04'), event('OFFICIAL', '2021-02-05')], born1990)).code).toBe('CONFLICT');
  });

  it('admits only between 18 and 60 years of age, and needs the date of birth', () => {
    expect(violation(() => replay([event('ADMITTED', '2008-05-09')], born1990)).code).toBe('BAD_USER_INPUT'); // 17 the day before the birthday
    expect(replay([event('ADMITTED', '2008-05-10')], born1990)).toBe('PROBATIONARY');
    expect(replay([event('ADMITTED', '2051-05-09')], born1990)).toBe('PROBATIONARY'); // still 60
    expect(violation(() => replay([event('ADMITTED', '2051-05-10')], born1990)).code).toBe('BAD_USER_INPUT'); // 61
    expect(violation(() => replay([event('ADMITTED', '2020-01-01')], { initialStatus: null, dateOfBirth: null })).field).toBe('dateOfBirth');
  });

  it('refuses transitions that make no sense', () => {
    expect(violation(() => replay([event('ADMITTED', '2020-02-03'), event('ADMITTED', '2020-03-03')], born1990)).code).toBe('CONFLICT');
    expect(violation(() => replay([event('EXEMPT_ENDED', '2020-02-03')], { initialStatus: 'OFFICIAL', dateOfBirth: null })).code).toBe('CONFLICT');
    expect(violation(() => replay([event('REINSTATED', '2020-02-03')], { initialStatus: 'OFFICIAL', dateOfBirth: null })).code).toBe('CONFLICT');
  });
});

describe('dates', () => {
  it('adds calendar months, clamping to the end of the month', () => {
    expect(addMonths('2020-02-03', 12)).toBe('2021-02-03');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
  });

  it('counts working days Monday to Friday', () => {
    expect(addWorkingDays('2021-02-05', 1)).toBe('2021-02-08'); // Friday → Monday
    expect(addWorkingDays('2021-02-03', 30)).toBe('2021-03-17'); // 6 weeks
    expect(officialWindow('2020-02-03')).toEqual({ from: '2021-02-03', to: '2021-03-17' });
  });

  it('counts full years and finds the admission date', () => {
    expect(fullYearsBetween('1990-05-10', '2020-05-09')).toBe(29);
    expect(fullYearsBetween('1990-05-10', '2020-05-10')).toBe(30);
    expect(admittedOn(life)).toBe('2020-02-03');
    expect(admittedOn([])).toBeNull();
  });
});
