import { describe, expect, it } from 'vitest';
import {
  canEdit,
  editMeetingValues,
  isCalendarDate,
  meetingSchema,
  minutesAttendance,
  newestFirst,
  newMeetingValues,
  reconcileAttendance,
  recordMeetingInput,
  rosterOf,
  serverErrorPath,
  tally,
  type AttendanceRow,
  type MeetingValues,
} from './attendance.ts';

const TODAY = '2026-03-10';
const schema = meetingSchema(() => TODAY);
const row = (memberId: string, change: Partial<AttendanceRow> = {}): AttendanceRow => ({ memberId, fullName: `Đồng chí ${memberId}`, status: 'PRESENT', reason: '', ...change });
const values = (change: Partial<MeetingValues> = {}): MeetingValues => ({
  heldOn: '2026-03-03',
  kind: 'REGULAR',
  agenda: ' Sinh hoạt chi bộ thường kỳ ',
  resolution: '',
  attendance: [row('a'), row('b'), row('c')],
  ...change,
});
/** The schema's messages, by form path. */
const problems = (input: MeetingValues): Record<string, string> => {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('the meeting schema (the server rules, in Vietnamese)', () => {
  it('accepts a meeting with everyone marked', () => {
    expect(problems(values())).toEqual({});
  });

  it('asks for a real date, not after today', () => {
    expect(problems(values({ heldOn: '' }))).toEqual({ heldOn: 'Chọn ngày sinh hoạt.' });
    expect(problems(values({ heldOn: '2026-02-30' }))).toEqual({ heldOn: 'Ngày không hợp lệ.' });
    expect(problems(values({ heldOn: '2026-03-11' }))).toEqual({ heldOn: 'Ngày sinh hoạt 11/03/2026 chưa đến.' });
    expect(problems(values({ heldOn: TODAY }))).toEqual({});
  });

  it('asks for the agenda and limits the texts as the server does', () => {
    expect(problems(values({ agenda: '   ' }))).toEqual({ agenda: 'Ghi nội dung sinh hoạt.' });
    expect(problems(values({ agenda: 'x'.repeat(5001) }))).toEqual({ agenda: 'Nội dung sinh hoạt dài quá 5000 ký tự.' });
    expect(problems(values({ resolution: 'x'.repeat(20001) }))).toEqual({ resolution: 'Nghị quyết dài quá 20000 ký tự.' });
  });

  it('asks for the reason of an excused absence, on that member’s row, and only then', () => {
    const attendance = [row('a'), row('b', { status: 'EXCUSED', reason: '  ' }), row('c', { status: 'ABSENT', reason: 'ignored' })];
    expect(problems(values({ attendance }))).toEqual({ 'attendance.1.reason': 'Ghi lý do vắng của đồng chí này.' });
    attendance[1] = row('b', { status: 'EXCUSED', reason: 'x'.repeat(501) });
    expect(problems(values({ attendance }))).toEqual({ 'attendance.1.reason': 'Lý do vắng dài quá 500 ký tự.' });
  });

  it('refuses an empty roster', () => {
    expect(problems(values({ attendance: [] }))).toEqual({ attendance: 'Chi bộ chưa có đảng viên nào để điểm danh.' });
  });
});

describe('the form values', () => {
  it('start with everyone taking part in party life present, by Vietnamese name order', () => {
    const members = [
      { id: 'a', fullName: 'Trần Văn Bình', status: 'OFFICIAL' as const },
      { id: 'b', fullName: 'Lê Thị An', status: 'EXEMPT' as const },
      { id: 'c', fullName: 'Nguyễn Thị Ánh', status: 'PROBATIONARY' as const },
      { id: 'd', fullName: 'Phạm Văn Dũng', status: 'LEFT' as const },
    ];
    expect(rosterOf(members).map((member) => member.id)).toEqual(['a', 'c']);
    const start = newMeetingValues(members, TODAY, 'Sinh hoạt chi bộ thường kỳ');
    expect(start).toMatchObject({ heldOn: TODAY, kind: 'REGULAR', agenda: 'Sinh hoạt chi bộ thường kỳ', resolution: '' });
    // Given names decide: Ánh before Bình.
    expect(start.attendance).toEqual([
      { memberId: 'c', fullName: 'Nguyễn Thị Ánh', status: 'PRESENT', reason: '' },
      { memberId: 'a', fullName: 'Trần Văn Bình', status: 'PRESENT', reason: '' },
    ]);
  });

  it('of a recorded meeting keep its marks and reasons', () => {
    const edit = editMeetingValues({
      heldOn: '2026-03-03',
      kind: 'THEMATIC',
      agenda: 'Chuyên đề',
      resolution: null,
      attendance: [
        { member: { id: 'a', fullName: 'Trần Văn Bình' }, status: 'EXCUSED', reason: 'Ốm' },
        { member: { id: 'c', fullName: 'Nguyễn Thị Ánh' }, status: 'ABSENT', reason: null },
      ],
    });
    expect(edit).toEqual({
      heldOn: '2026-03-03',
      kind: 'THEMATIC',
      agenda: 'Chuyên đề',
      resolution: '',
      attendance: [
        { memberId: 'c', fullName: 'Nguyễn Thị Ánh', status: 'ABSENT', reason: '' },
        { memberId: 'a', fullName: 'Trần Văn Bình', status: 'EXCUSED', reason: 'Ốm' },
      ],
    });
  });

  it('of a restored draft are fitted to today’s roster, keeping the marks', () => {
    const draft = [row('a', { status: 'ABSENT' }), row('b', { status: 'EXCUSED', reason: 'Ốm' })];
    expect(reconcileAttendance(draft, [row('a'), row('b')])).toBeUndefined();
    expect(reconcileAttendance(draft, [row('b'), row('c')])).toEqual([row('b', { status: 'EXCUSED', reason: 'Ốm' }), row('c')]);
  });

  it('are sent trimmed, with a reason only for an excused absence and no empty resolution', () => {
    const attendance = [row('a'), row('b', { status: 'EXCUSED', reason: ' Ốm ' }), row('c', { status: 'ABSENT', reason: 'left over' })];
    expect(recordMeetingInput('cell', values({ attendance }))).toEqual({
      cellId: 'cell',
      heldOn: '2026-03-03',
      kind: 'REGULAR',
      agenda: 'Sinh hoạt chi bộ thường kỳ',
      attendance: [
        { memberId: 'a', status: 'PRESENT' },
        { memberId: 'b', status: 'EXCUSED', reason: 'Ốm' },
        { memberId: 'c', status: 'ABSENT' },
      ],
    });
    expect(recordMeetingInput('cell', values({ resolution: ' Nghị quyết ' })).resolution).toBe('Nghị quyết');
  });

  it('count present, excused and absent', () => {
    expect(tally([row('a'), row('b', { status: 'ABSENT' }), row('c', { status: 'EXCUSED' })])).toEqual({ PRESENT: 1, EXCUSED: 1, ABSENT: 1 });
  });
});

describe('a server refusal', () => {
  const rows = [row('a'), row('b'), row('c')];
  it('goes on the member’s row it names, by id or by line', () => {
    expect(serverErrorPath({ field: 'attendance', memberId: 'B', line: 2 }, rows)).toBe('attendance.1.status');
    expect(serverErrorPath({ field: 'reason', memberId: 'c' }, rows)).toBe('attendance.2.reason');
    expect(serverErrorPath({ field: 'attendance', line: 1 }, rows)).toBe('attendance.0.status');
  });
  it('goes on the field it names, else above the button', () => {
    expect(serverErrorPath({ field: 'heldOn' }, rows)).toBe('heldOn');
    expect(serverErrorPath({ field: 'attendance' }, rows)).toBeUndefined();
    expect(serverErrorPath({ field: 'cellId' }, rows)).toBeUndefined();
    expect(serverErrorPath({}, rows)).toBeUndefined();
  });
});

describe('meetings', () => {
  it('may be edited within 30 days of being held', () => {
    expect(canEdit('2026-03-03', '2026-03-03')).toBe(true);
    expect(canEdit('2026-02-08', '2026-03-10')).toBe(true);
    expect(canEdit('2026-02-07', '2026-03-10')).toBe(false);
    expect(canEdit('2026-03-11', '2026-03-10')).toBe(false);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });

  it('are listed newest first', () => {
    const list = [
      { id: 1, heldOn: '2026-01-03', kind: 'REGULAR' },
      { id: 2, heldOn: '2026-03-03', kind: 'THEMATIC' },
      { id: 3, heldOn: '2026-03-03', kind: 'REGULAR' },
    ];
    expect(newestFirst(list).map((meeting) => meeting.id)).toEqual([3, 2, 1]);
  });

  it('minutes list the excused with reasons and the absent, by name', () => {
    const minutes = minutesAttendance([
      { status: 'ABSENT' as const, member: { fullName: 'Trần Văn Bình' } },
      { status: 'PRESENT' as const, member: { fullName: 'Lê Văn Cường' } },
      { status: 'EXCUSED' as const, reason: 'Ốm', member: { fullName: 'Nguyễn Thị Ánh' } },
      { status: 'ABSENT' as const, member: { fullName: 'Đỗ Thị An' } },
    ]);
    expect(minutes.total).toBe(4);
    expect(minutes.counts).toEqual({ PRESENT: 1, EXCUSED: 1, ABSENT: 2 });
    expect(minutes.excused.map((entry) => entry.reason)).toEqual(['Ốm']);
    expect(minutes.absent.map((entry) => entry.member.fullName)).toEqual(['Đỗ Thị An', 'Trần Văn Bình']);
  });
});
