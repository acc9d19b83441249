import { describe, expect, it } from 'vitest';
import type { CellTask } from './queries.ts';
import { assignTaskSchema, reassignTaskSchema, reviewTaskSchema } from './schemas.ts';
import { assignableMembers, currentAssignment, groupTasks, householdList, sortTasks, taskState } from './tasks.ts';

const task = (title: string, change: Partial<CellTask> = {}): CellTask => ({
  id: title,
  title,
  area: null,
  households: [],
  startsOn: '2026-01-05',
  endsOn: null,
  assignee: null,
  assignments: [],
  reviews: [],
  done: false,
  overdue: false,
  unattended: null,
  ...change,
});

/** The messages a schema gives, by field. */
function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string> {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

describe('tasks', () => {
  it('shows a forgotten task (sót việc) before anything else, even when overdue', () => {
    expect(taskState(task('x', { unattended: 'MOVED', overdue: true }))).toBe('unattended');
    expect(taskState(task('x', { overdue: true }))).toBe('overdue');
    expect(taskState(task('x', { done: true }))).toBe('done');
    expect(taskState(task('x'))).toBe('ongoing');
  });

  it('lists forgotten, then overdue, then ongoing, then done tasks, by title within each', () => {
    const sorted = sortTasks([task('Đ', { done: true }), task('B'), task('A', { overdue: true }), task('Ă', { unattended: 'EXEMPT' }), task('Â')]);
    expect(sorted.map((item) => item.title)).toEqual(['Ă', 'A', 'Â', 'B', 'Đ']);
    const groups = groupTasks(sorted);
    expect(Object.fromEntries(Object.entries(groups).map(([state, tasks]) => [state, tasks.map((item) => item.title)]))).toEqual({
      unattended: ['Ă'],
      overdue: ['A'],
      ongoing: ['Â', 'B'],
      done: ['Đ'],
    });
  });

  it('offers official and probationary members only, by given name', () => {
    const members = [
      { id: '1', fullName: 'Trần Văn Bình', status: 'OFFICIAL' as const },
      { id: '2', fullName: 'Lê Thị An', status: 'PROBATIONARY' as const },
      { id: '3', fullName: 'Phạm Văn Cường', status: 'EXEMPT' as const },
    ];
    expect(assignableMembers(members).map((member) => member.id)).toEqual(['2', '1']);
  });

  it('takes the open assignment as the current one', () => {
    const a = { id: 'a', fullName: 'A' };
    const b = { id: 'b', fullName: 'B' };
    const assignments = [
      { member: a, assignedOn: '2026-01-05', endedOn: '2026-03-01' },
      { member: b, assignedOn: '2026-03-01', endedOn: null },
    ];
    expect(currentAssignment(task('x', { assignments }))?.member.id).toBe('b');
  });

  it('reads one household a line, blank lines dropped', () => {
    expect(householdList(' Hộ ông A \n\n Hộ bà B\n')).toEqual(['Hộ ông A', 'Hộ bà B']);
  });
});

describe('the forms refuse what the server refuses', () => {
  const assign = { title: 'Vận động vệ sinh môi trường', area: 'Ngõ 5', households: '', startsOn: '2026-03-01', endsOn: '', memberId: 'm1' };

  it('assign: needs a title, an area or households, a member, and an end after the start', () => {
    expect(assignTaskSchema.safeParse(assign).success).toBe(true);
    expect(assignTaskSchema.safeParse({ ...assign, area: '', households: 'Hộ ông A' }).success).toBe(true);
    expect(problems(assignTaskSchema.safeParse({ ...assign, title: '  ', area: ' ', memberId: '', endsOn: '2026-02-01' }))).toEqual({
      title: 'Ghi tên nhiệm vụ.',
      memberId: 'Chọn đảng viên phụ trách.',
      area: 'Ghi địa bàn hoặc các hộ được phân công phụ trách.',
      endsOn: 'Ngày kết thúc nhiệm vụ phải sau ngày bắt đầu.',
    });
    const many = Array.from({ length: 201 }, (_, i) => `Hộ ${i}`).join('\n');
    expect(problems(assignTaskSchema.safeParse({ ...assign, households: many })).households).toBe('Một nhiệm vụ phụ trách tối đa 200 hộ.');
  });

  it('review: a result, on a day between the start of the task and today', () => {
    const schema = reviewTaskSchema('2026-03-01', '2026-06-10');
    expect(schema.safeParse({ reviewedOn: '2026-06-10', result: 'DONE', comment: '' }).success).toBe(true);
    expect(problems(schema.safeParse({ reviewedOn: '2026-06-11', result: null, comment: '' }))).toEqual({
      reviewedOn: 'Không đánh giá nhiệm vụ cho một ngày chưa tới.',
      result: 'Chọn kết quả thực hiện nhiệm vụ.',
    });
    expect(problems(schema.safeParse({ reviewedOn: '2026-02-28', result: 'DONE', comment: '' })).reviewedOn).toBe('Nhiệm vụ bắt đầu từ ngày 01/03/2026: chưa thể đánh giá trước đó.');
  });

  it('reassign: another member, from a day after the current assignment began', () => {
    const schema = reassignTaskSchema({ memberId: 'm1', assignedOn: '2026-03-01' });
    expect(schema.safeParse({ memberId: 'm2', reassignedOn: '2026-03-02' }).success).toBe(true);
    expect(problems(schema.safeParse({ memberId: 'm1', reassignedOn: '2026-03-01' }))).toEqual({
      memberId: 'Nhiệm vụ đang do chính đảng viên này phụ trách.',
      reassignedOn: 'Ngày phân công lại phải sau ngày 01/03/2026 (lần phân công trước).',
    });
  });
});
