import type { EvaluationAlertKind, MemberAlertKind } from '../generated/graphql.ts';
import type { WardHome } from './queries.ts';

export type AlertKind = MemberAlertKind | EvaluationAlertKind;

/** The ward's page where a kind of alert is dealt with. */
export type WardPage = 'cells' | 'members' | 'transfers' | 'residence' | 'grading' | 'dues';
/** The cell's page where an alert about a cell (not a member) is dealt with. */
export type CellPage = 'meetings' | 'tasks' | 'review' | 'residence' | 'dues';

/**
 * Where each kind is resolved: the ward's page for the card and, for alerts about a cell, the cell's
 * page. The order of the keys is the order of the cards (late and grounds for removal first, data
 * quality last).
 */
export const ALERT_WHERE: Record<AlertKind, { ward: WardPage; cell: CellPage | null }> = {
  OFFICIAL_DECISION_OVERDUE: { ward: 'members', cell: null },
  PROBATION_ENDING: { ward: 'members', cell: null },
  TRANSFER_LETTER_OVERDUE: { ward: 'transfers', cell: null },
  ABSENT_THREE_MONTHS: { ward: 'members', cell: 'meetings' },
  DUES_UNPAID: { ward: 'dues', cell: 'dues' },
  NO_MEETING_LAST_MONTH: { ward: 'cells', cell: 'meetings' },
  UNATTENDED_TASK: { ward: 'cells', cell: 'tasks' },
  CYCLE_OVERDUE: { ward: 'grading', cell: 'review' },
  GRADE_ABOVE_DISCIPLINE: { ward: 'grading', cell: 'review' },
  MISSING_RESIDENCE_COMMENT: { ward: 'residence', cell: 'residence' },
  BADGE_DUE: { ward: 'members', cell: null },
  MISSING_REQUIRED_FIELDS: { ward: 'members', cell: null },
};

export interface WardAlertItem {
  key: string;
  /** The member concerned (a link to the member's page in the cell module). */
  member: { id: string; fullName: string } | null;
  /** The cell concerned; null when the alert is about the committee itself or a member outside its cells. */
  cell: { id: string; name: string } | null;
  detail: string;
  months?: readonly number[] | null;
  dueDate?: string | null;
}

export interface WardAlertGroup {
  kind: AlertKind;
  ward: WardPage;
  cell: CellPage | null;
  items: WardAlertItem[];
}

/** Today's alerts of the committee's subtree grouped by kind, in ALERT_WHERE's order, empty kinds left out. */
export function groupWardAlerts(data: Pick<WardHome, 'memberAlerts' | 'evaluationAlerts'>, committeeId: string): WardAlertGroup[] {
  const items = new Map<AlertKind, WardAlertItem[]>();
  const add = (kind: AlertKind, item: WardAlertItem) => items.set(kind, [...(items.get(kind) ?? []), item]);
  data.memberAlerts.alerts.forEach((alert, index) => {
    add(alert.kind, { key: `m${String(index)}`, member: alert.member ?? null, cell: alert.cell ?? null, detail: alert.detail, dueDate: alert.dueDate });
  });
  data.evaluationAlerts.forEach((alert, index) => {
    const cell = alert.unit.id === committeeId ? null : alert.unit;
    add(alert.kind, { key: `e${String(index)}`, member: alert.member ?? null, cell, detail: alert.detail, months: alert.months });
  });
  return (Object.keys(ALERT_WHERE) as AlertKind[])
    .filter((kind) => items.has(kind))
    .map((kind) => ({ kind, ...ALERT_WHERE[kind], items: items.get(kind) ?? [] }));
}

export function alertCount(groups: readonly WardAlertGroup[]): number {
  return groups.reduce((sum, group) => sum + group.items.length, 0);
}

/** Where one alert is resolved: the member's page in its cell, else the cell's page for that kind, else none (the card's ward page). */
export function itemTarget(group: WardAlertGroup, item: WardAlertItem): { cellId: string; segments: string[] } | null {
  if (item.member && item.cell) return { cellId: item.cell.id, segments: ['members', item.member.id] };
  if (item.cell && group.cell) return { cellId: item.cell.id, segments: [group.cell] };
  return null;
}
