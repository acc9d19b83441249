import type { CellHome, HomeMeeting, HomeTask } from './queries.ts';
import type { vi } from './messages.ts';

/** Every kind of alert the home page shows: the two subgraphs' kinds, and the overdue tasks it finds itself. */
export type AlertKind = keyof typeof vi.kind;

/** The page of the cell where an alert is resolved. */
export type AlertTarget = 'member' | 'dues' | 'residence' | 'tasks' | 'meetings' | 'review';

/**
 * Where each kind is resolved; the order of the keys is the order of the cards on the home page
 * (what is late or a ground for name removal first, data quality last).
 */
export const ALERT_TARGET: Record<AlertKind, AlertTarget> = {
  OFFICIAL_DECISION_OVERDUE: 'member',
  PROBATION_ENDING: 'member',
  UNATTENDED_TASK: 'tasks',
  ABSENT_THREE_MONTHS: 'member',
  DUES_UNPAID: 'dues',
  NO_MEETING_LAST_MONTH: 'meetings',
  OVERDUE_TASK: 'tasks',
  MISSING_RESIDENCE_COMMENT: 'residence',
  TRANSFER_LETTER_OVERDUE: 'member',
  CYCLE_OVERDUE: 'review',
  GRADE_ABOVE_DISCIPLINE: 'review',
  BADGE_DUE: 'member',
  MISSING_REQUIRED_FIELDS: 'member',
};

export interface AlertItem {
  key: string;
  /** The member concerned, when there is one inside the secretary's scope (the link to the member page). */
  member: { id: string; fullName: string } | null;
  /** The server's Vietnamese sentence; null for an overdue task (the page words it). */
  detail: string | null;
  /** Months (1–12) of absence without reason. */
  months?: readonly number[] | null;
  task?: HomeTask;
}

export interface AlertGroup {
  kind: AlertKind;
  target: AlertTarget;
  items: AlertItem[];
}

/** The alerts of the cell grouped by kind, in ALERT_TARGET's order, groups without an alert left out. */
export function groupAlerts(data: Pick<CellHome, 'memberAlerts' | 'evaluationAlerts' | 'tasks'>): AlertGroup[] {
  const items = new Map<AlertKind, AlertItem[]>();
  const add = (kind: AlertKind, item: AlertItem) => {
    const list = items.get(kind) ?? [];
    list.push(item);
    items.set(kind, list);
  };
  data.memberAlerts.alerts.forEach((alert, index) => {
    add(alert.kind, { key: `m${String(index)}`, member: alert.member ?? null, detail: alert.detail });
  });
  data.evaluationAlerts.forEach((alert, index) => {
    add(alert.kind, { key: `e${String(index)}`, member: alert.member ?? null, detail: alert.detail, months: alert.months });
  });
  // Unattended tasks come as UNATTENDED_TASK alerts already; the others past their end date are listed here.
  for (const task of data.tasks) {
    if (task.overdue && !task.done && !task.unattended) add('OVERDUE_TASK', { key: `t${task.id}`, member: task.assignee ?? null, detail: null, task });
  }
  return (Object.keys(ALERT_TARGET) as AlertKind[])
    .filter((kind) => items.has(kind))
    .map((kind) => ({ kind, target: ALERT_TARGET[kind], items: items.get(kind) ?? [] }));
}

export function alertCount(groups: readonly AlertGroup[]): number {
  return groups.reduce((sum, group) => sum + group.items.length, 0);
}

/** This month's meetings: the regular one (the monthly duty) and, failing that, any other one. */
export function monthMeeting(meetings: readonly HomeMeeting[], month: string): { regular: HomeMeeting | null; other: HomeMeeting | null } {
  const held = meetings.filter((meeting) => meeting.heldOn.startsWith(month)).sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  return {
    regular: held.find((meeting) => meeting.kind === 'REGULAR') ?? null,
    other: held.find((meeting) => meeting.kind !== 'REGULAR') ?? null,
  };
}
