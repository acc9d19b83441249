import { describe, expect, it } from 'vitest';
import { alertCount, groupWardAlerts, itemTarget } from './alerts.ts';
import type { WardHome } from './queries.ts';

const an = { id: 'm1', fullName: 'Nguyễn Văn An' };
const cell1 = { id: 'c1', name: 'Chi bộ Tổ dân phố số 1' };
const data: Pick<WardHome, 'memberAlerts' | 'evaluationAlerts'> = {
  memberAlerts: {
    totalCount: 3,
    alerts: [
      { kind: 'MISSING_REQUIRED_FIELDS', dueDate: null, detail: 'Lý lịch còn thiếu: số CCCD.', member: an, cell: cell1 },
      { kind: 'PROBATION_ENDING', dueDate: '2026-12-20', detail: 'Hết 12 tháng dự bị…', member: an, cell: cell1 },
      // A transfer letter addressed to a cell of the ward, the member outside its subtree.
      { kind: 'TRANSFER_LETTER_OVERDUE', dueDate: '2026-11-01', detail: 'Giấy giới thiệu…', member: null, cell: cell1 },
    ],
  },
  evaluationAlerts: [
    { kind: 'NO_MEETING_LAST_MONTH', detail: 'Chi bộ không sinh hoạt tháng 11/2026.', months: null, unit: cell1, member: null, task: null },
    { kind: 'CYCLE_OVERDUE', detail: 'Đợt kiểm điểm năm 2026 quá hạn.', months: null, unit: { id: 'w', name: 'Đảng bộ thị trấn' }, member: null, task: null },
  ],
};

describe('groupWardAlerts', () => {
  it('groups by kind, the late ones first and data quality last', () => {
    const groups = groupWardAlerts(data, 'w');
    expect(groups.map((group) => [group.kind, group.ward, group.items.length])).toEqual([
      ['PROBATION_ENDING', 'members', 1],
      ['TRANSFER_LETTER_OVERDUE', 'transfers', 1],
      ['NO_MEETING_LAST_MONTH', 'cells', 1],
      ['CYCLE_OVERDUE', 'grading', 1],
      ['MISSING_REQUIRED_FIELDS', 'members', 1],
    ]);
    expect(alertCount(groups)).toBe(5);
  });

  it('links a member to their page in the cell, a cell to its page for the kind, the committee to nothing but its card', () => {
    const targets = Object.fromEntries(groupWardAlerts(data, 'w').map((group) => [group.kind, itemTarget(group, group.items[0]!)]));
    expect(targets).toEqual({
      PROBATION_ENDING: { cellId: 'c1', segments: ['members', 'm1'] },
      TRANSFER_LETTER_OVERDUE: null,
      NO_MEETING_LAST_MONTH: { cellId: 'c1', segments: ['meetings'] },
      CYCLE_OVERDUE: null,
      MISSING_REQUIRED_FIELDS: { cellId: 'c1', segments: ['members', 'm1'] },
    });
  });
});
