/**
 * A member's lifecycle as dated events; the status at any date is a pure function of the events up to
 * that date. No database, no clock: the repository loads the events, this module replays them.
 */

import type { DisciplineLevel, MemberEventKind, MemberStatus } from '../generated/graphql.ts';

export type { DisciplineLevel, MemberEventKind } from '../generated/graphql.ts';

/** A status the replay arrives at: the GraphQL MemberStatus. */
export type LifecycleStatus = MemberStatus;

export interface LifecycleEvent {
  kind: MemberEventKind;
  /** YYYY-MM-DD */
  occurredOn: string;
  /** Recording order among events of the same day (the row id). */
  sequence: number;
  disciplineLevel?: DisciplineLevel | null;
}

export interface LifecycleFacts {
  /** Status before the recorded history (members imported without their history); null for members recorded from the start. */
  initialStatus: LifecycleStatus | null;
  /** YYYY-MM-DD, when known: needed to check the admission age. */
  dateOfBirth: string | null;
}

/** Why an event cannot be part of a member's history: a stable code and a sentence for the clerk. */
export class LifecycleViolation extends Error {
  constructor(
    readonly code: 'BAD_USER_INPUT' | 'CONFLICT',
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export const ADMISSION_AGE = { min: 18, max: 60 } as const;
/** Working days (Monday to Friday; public holidays are NOT counted out) after the end of probation within which the cell may vote. */
export const OFFICIAL_VOTE_WORKING_DAYS = 30;
export const PROBATION_MONTHS = 12;

const LABEL: Record<LifecycleStatus, string> = {
  CANDIDATE: 'quần chúng ưu tú',
  PROBATIONARY: 'đảng viên dự bị',
  OFFICIAL: 'đảng viên chính thức',
  EXEMPT: 'đang miễn công tác và sinh hoạt đảng',
  LEFT: 'đã ra khỏi Đảng',
  DECEASED: 'đã từ trần',
};

export function byDate(a: LifecycleEvent, b: LifecycleEvent): number {
  return a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.sequence - b.sequence;
}

interface State {
  status: LifecycleStatus | null;
  /** Status to return to when an exemption ends or a member is reinstated. */
  before: LifecycleStatus | null;
  admittedOn: string | null;
}

function step(state: State, event: LifecycleEvent, facts: LifecycleFacts): State {
  const { status } = state;
  const refuse = (message: string): never => {
    throw new LifecycleViolation('CONFLICT', message, 'kind');
  };
  if (status === 'DECEASED') refuse(`Đảng viên đã từ trần: không thể ghi thêm sự kiện sau ngày mất.`);
  const isNot = (allowed: (LifecycleStatus | null)[], what: string): void => {
    if (!allowed.includes(status)) refuse(`Không thể ghi ${what} khi ${status ? `người này ${LABEL[status]}` : 'chưa có lý lịch đảng viên'} (ngày ${event.occurredOn}).`);
  };
  switch (event.kind) {
    case 'CANDIDATE':
      isNot([null], 'quần chúng ưu tú');
      return { ...state, status: 'CANDIDATE' };
    case 'ADMITTED': {
      isNot([null, 'CANDIDATE'], 'kết nạp');
      if (!facts.dateOfBirth) throw new LifecycleViolation('BAD_USER_INPUT', 'Chưa có ngày sinh: không kiểm tra được tuổi kết nạp (18 đến 60).', 'dateOfBirth');
      const age = fullYearsBetween(facts.dateOfBirth, event.occurredOn);
      if (age < ADMISSION_AGE.min || age > ADMISSION_AGE.max) {
        throw new LifecycleViolation('BAD_USER_INPUT', `Tuổi khi kết nạp phải từ ${ADMISSION_AGE.min} đến ${ADMISSION_AGE.max}; người này ${age} tuổi vào ngày ${event.occurredOn}.`, 'occurredOn');
      }
      return { ...state, status: 'PROBATIONARY', admittedOn: event.occurredOn };
    }
    case 'OFFICIAL': {
      if (status === null || status === 'CANDIDATE') {
        throw new LifecycleViolation('BAD_USER_INPUT', `Ngày công nhận chính thức (${event.occurredOn}) phải sau ngày kết nạp: chưa có quyết định kết nạp trước ngày này.`, 'occurredOn');
      }
      isNot(['PROBATIONARY'], 'công nhận chính thức');
      // Members recorded without their history (no admission event) cannot be checked against the 12 months.
      if (state.admittedOn === null) return { ...state, status: 'OFFICIAL' };
      const window = officialWindow(state.admittedOn);
      if (event.occurredOn < window.from) {
        throw new LifecycleViolation('BAD_USER_INPUT', `Chỉ công nhận chính thức sau đủ ${PROBATION_MONTHS} tháng dự bị: sớm nhất ngày ${window.from} (kết nạp ngày ${state.admittedOn}).`, 'occurredOn');
      }
      if (event.occurredOn > window.to) {
        throw new LifecycleViolation('BAD_USER_INPUT', `Quá ${OFFICIAL_VOTE_WORKING_DAYS} ngày làm việc sau khi hết dự bị (hạn chót ${window.to}).`, 'occurredOn');
      }
      return { ...state, status: 'OFFICIAL' };
    }
    case 'EXEMPT':
      isNot(['PROBATIONARY', 'OFFICIAL'], 'miễn công tác và sinh hoạt đảng');
      return { ...state, status: 'EXEMPT', before: status };
    case 'EXEMPT_ENDED':
      isNot(['EXEMPT'], 'thôi miễn công tác và sinh hoạt đảng');
      return { ...state, status: state.before ?? 'OFFICIAL', before: null };
    case 'DISCIPLINE':
      isNot(['PROBATIONARY', 'OFFICIAL', 'EXEMPT'], 'kỷ luật');
      if (!event.disciplineLevel) throw new LifecycleViolation('BAD_USER_INPUT', 'Chưa chọn hình thức kỷ luật.', 'details.disciplineLevel');
      return event.disciplineLevel === 'EXPULSION' ? { ...state, status: 'LEFT', before: status === 'EXEMPT' ? state.before : status } : state;
    case 'NAME_REMOVED':
    case 'LEFT':
      isNot(['PROBATIONARY', 'OFFICIAL', 'EXEMPT'], event.kind === 'LEFT' ? 'ra khỏi Đảng' : 'xóa tên');
      return { ...state, status: 'LEFT', before: status === 'EXEMPT' ? state.before : status };
    case 'DIED':
      if (status === null) refuse('Không thể ghi từ trần khi chưa có lý lịch đảng viên.');
      return { ...state, status: 'DECEASED' };
    case 'REINSTATED':
      isNot(['LEFT'], 'phục hồi đảng tịch');
      return { ...state, status: state.before ?? 'OFFICIAL', before: null };
  }
}

/** Replays the whole history, or throws the first violation. Returns the status after the last event. */
export function replay(events: readonly LifecycleEvent[], facts: LifecycleFacts): LifecycleStatus | null {
  return statesUpTo(events, facts, null);
}

/** Status at the end of `date` (events on that day count): the history is assumed valid. */
export function statusOn(events: readonly LifecycleEvent[], facts: LifecycleFacts, date: string): LifecycleStatus | null {
  return statesUpTo(events, facts, date);
}

function statesUpTo(events: readonly LifecycleEvent[], facts: LifecycleFacts, date: string | null): LifecycleStatus | null {
  let state: State = { status: facts.initialStatus, before: null, admittedOn: null };
  for (const event of [...events].sort(byDate)) {
    if (date !== null && event.occurredOn > date) break;
    state = step(state, event, facts);
  }
  return state.status;
}

/** The first admission date, from which party age counts. */
export function admittedOn(events: readonly LifecycleEvent[]): string | null {
  return [...events].sort(byDate).find((event) => event.kind === 'ADMITTED')?.occurredOn ?? null;
}

/** Full years from `from` to `to` (both YYYY-MM-DD). */
export function fullYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** `date` plus `months` calendar months, clamped to the month's last day (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** `date` plus `days` working days, Monday to Friday (public holidays are not known here and count as working days). */
export function addWorkingDays(date: string, days: number): string {
  const current = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    current.setUTCDate(current.getUTCDate() + 1);
    const weekday = current.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return current.toISOString().slice(0, 10);
}

/** When a member admitted on `admittedOn` may be made official: from the end of probation, at most 30 working days later. */
export function officialWindow(admitted: string): { from: string; to: string } {
  const from = addMonths(admitted, PROBATION_MONTHS);
  return { from, to: addWorkingDays(from, OFFICIAL_VOTE_WORKING_DAYS) };
}
