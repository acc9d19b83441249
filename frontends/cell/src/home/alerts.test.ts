import { describe, expect, it } from 'vitest';
import { alertCount, groupAlerts, monthMeeting } from './alerts.ts';
import type { CellHome, HomeMeeting, HomeTask } from './queries.ts';

const an = { id: 'm1', fullName: 'Nguyễn Văn An' };
const task = (id: string, state: Partial<HomeTask>): HomeTask => ({
  id,
  title: `Việc ${id}`,
  endsOn: '2026-10-31',
  done: false,
  overdue: false,
  unattended: null,
  assignee: an,
  ...state,
});

const data: Pick<CellHome, 'memberAlerts' | 'evaluationAlerts' | 'tasks'> = {
  memberAlerts: {
    totalCount: 3,
    alerts: [
      { kind: 'MISSING_REQUIRED_FIELDS', dueDate: null, detail: 'Lý lịch còn thiếu: số CCCD.', member: an },
      { kind: 'PROBATION_ENDING', dueDate: '2026-12-20', detail: 'Hết 12 tháng dự bị…', member: an },
      { kind: 'MISSING_REQUIRED_FIELDS', dueDate: null, detail: 'Lý lịch còn thiếu: dân tộc.', member: { id: 'm2', fullName: 'Lê Thị Hoa' } },
    ],
  },
  evaluationAlerts: [
    { kind: 'NO_MEETING_LAST_MONTH', detail: 'Chi bộ không sinh hoạt tháng 11/2026.', months: null, member: null, task: null },
    { kind: 'UNATTENDED_TASK', detail: 'Sót việc…', months: null, member: null, task: { id: 't9', title: 'Việc t9' } },
  ],
  tasks: [task('t1', { overdue: true }), task('t2', { overdue: true, done: true }), task('t9', { overdue: true, unattended: 'MOVED' }), task('t3', {})],
};

describe('groupAlerts', () => {
  it('groups by kind, the urgent kinds first and data quality last', () => {
    const groups = groupAlerts(data);
    expect(groups.map((group) => [group.kind, group.items.length])).toEqual([
      ['PROBATION_ENDING', 1],
      ['UNATTENDED_TASK', 1],
      ['NO_MEETING_LAST_MONTH', 1],
      ['OVERDUE_TASK', 1],
      ['MISSING_REQUIRED_FIELDS', 2],
    ]);
    expect(alertCount(groups)).toBe(6);
  });

  it('sends each kind to the page where it is resolved', () => {
    const target = Object.fromEntries(groupAlerts(data).map((group) => [group.kind, group.target]));
    expect(target).toEqual({ PROBATION_ENDING: 'member', UNATTENDED_TASK: 'tasks', NO_MEETING_LAST_MONTH: 'meetings', OVERDUE_TASK: 'tasks', MISSING_REQUIRED_FIELDS: 'member' });
  });

  it('lists as overdue only tasks neither done nor already forgotten (sót việc)', () => {
    const overdue = groupAlerts(data).find((group) => group.kind === 'OVERDUE_TASK');
    expect(overdue?.items.map((item) => item.task?.id)).toEqual(['t1']);
  });

  it('finds nothing to do in a quiet cell', () => {
    expect(groupAlerts({ memberAlerts: { totalCount: 0, alerts: [] }, evaluationAlerts: [], tasks: [task('t3', {})] })).toEqual([]);
  });
});

describe('monthMeeting', () => {
  const meeting = (id: string, heldOn: string, kind: HomeMeeting['kind']): HomeMeeting => ({ id, heldOn, kind, agenda: 'Sinh hoạt' });
  it('finds the regular meeting of the month, else another one', () => {
    const meetings = [meeting('a', '2026-11-03', 'REGULAR'), meeting('b', '2026-12-10', 'THEMATIC'), meeting('c', '2026-12-03', 'REGULAR')];
    expect(monthMeeting(meetings, '2026-12')).toEqual({ regular: meetings[2], other: meetings[1] });
    expect(monthMeeting(meetings.slice(0, 2), '2026-12')).toEqual({ regular: null, other: meetings[1] });
    expect(monthMeeting(meetings, '2026-10')).toEqual({ regular: null, other: null });
  });
});
