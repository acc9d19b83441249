// The Charter's dates and which decision fits which status, as the clerk sees them before sending.
// The server replays the whole history and has the last word; these only guide the form.
import type { MemberEventKind, MemberStatus } from '../generated/graphql.ts';

export const PROBATION_MONTHS = 12;
/** Working days after the end of probation within which the cell votes on making a member official. */
export const OFFICIAL_VOTE_WORKING_DAYS = 30;
export const ADMISSION_AGE = { min: 18, max: 60 } as const;

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export { todayInVietnam } from '@dangvien/ui';

/** `date` plus `months` calendar months, clamped to the month's last day (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** `date` plus `days` working days, Monday to Friday (public holidays count as working days, as on the server). */
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

/** When a member admitted on `admittedOn` may be made official: from the end of probation to 30 working days later. */
export function officialWindow(admittedOn: string): { from: string; to: string } {
  const from = addMonths(admittedOn, PROBATION_MONTHS);
  return { from, to: addWorkingDays(from, OFFICIAL_VOTE_WORKING_DAYS) };
}

/** Full years from `from` to `to` (both YYYY-MM-DD). */
export function fullYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** The decisions the ward records on a member's page (a candidate's first record is the admission form). */
export const ACTIONS = ['ADMITTED', 'OFFICIAL', 'EXEMPT', 'EXEMPT_ENDED', 'DISCIPLINE', 'NAME_REMOVED', 'LEFT', 'REINSTATED', 'DIED'] as const satisfies readonly MemberEventKind[];
export type Action = (typeof ACTIONS)[number];

/** The statuses from which the Charter allows each decision (the server's lifecycle replay says the same). */
const ALLOWED_FROM: Record<Action, readonly MemberStatus[]> = {
  ADMITTED: ['CANDIDATE'],
  OFFICIAL: ['PROBATIONARY'],
  EXEMPT: ['PROBATIONARY', 'OFFICIAL'],
  EXEMPT_ENDED: ['EXEMPT'],
  DISCIPLINE: ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'],
  NAME_REMOVED: ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'],
  LEFT: ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'],
  REINSTATED: ['LEFT'],
  DIED: ['CANDIDATE', 'PROBATIONARY', 'OFFICIAL', 'EXEMPT', 'LEFT'],
};

/** The decisions that fit a member's current status, in the order a clerk meets them. */
export function actionsFor(status: MemberStatus): Action[] {
  return ACTIONS.filter((action) => ALLOWED_FROM[action].includes(status));
}

/**
 * The date a decision form starts with: for making official, the end of probation once it has come
 * (official membership takes effect on that day); otherwise today.
 */
export function defaultDecisionDate(action: Action, admittedOn: string | null | undefined, today: string): string {
  if (action === 'OFFICIAL' && admittedOn) {
    const { from } = officialWindow(admittedOn);
    if (from <= today) return from;
  }
  return today;
}

/** Who recorded an event, without the account id the server appends ("Name (subject)"): the clerk reads the name. */
export function recorderName(recordedBy: string): string {
  return recordedBy.replace(/\s*\([^()]*\)$/, '') || recordedBy;
}

/**
 * The one event the server lets the clerk annul: the latest effective one (by date, then recording
 * order; annulled ones left out). `events` come as the server lists them, in recording order.
 */
export function latestEffectiveEvent<E extends { id: string; occurredOn: string; annulled: boolean }>(events: readonly E[]): E | undefined {
  let latest: E | undefined;
  for (const event of events) {
    if (!event.annulled && (!latest || event.occurredOn >= latest.occurredOn)) latest = event;
  }
  return latest;
}
