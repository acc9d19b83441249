import { describe, expect, it } from 'vitest';
import { attendedIn, awaitingCell, commentStatus, halfYearOf, todayInVietnam, meetingOfHalfYear, residentialCells, summarizeByCell } from './residence.ts';

const comment = (year: number, deliveredOn: string | null = null) => ({ year, comment: 'Tốt', frontCommitteeOpinion: 'Nhất trí', recordedOn: `${String(year)}-11-20`, deliveredOn });

describe('dates', () => {
  it("today is Vietnam's calendar day, zero-padded, whatever the browser's zone", () => {
    expect(todayInVietnam(new Date('2026-01-05T16:59:00Z'))).toBe('2026-01-05'); // 23:59 in Hà Nội
    expect(todayInVietnam(new Date('2026-01-05T17:00:00Z'))).toBe('2026-01-06');
  });
  it('June ends the first half-year, July starts the second', () => {
    expect(halfYearOf('2026-06-30')).toBe('2026-H1');
    expect(halfYearOf('2026-07-01')).toBe('2026-H2');
    expect(halfYearOf('2026-01-01')).toBe('2026-H1');
  });
});

describe('the year’s comment', () => {
  it('is missing, written, or delivered, for that year only', () => {
    expect(commentStatus({ comments: [] }, 2026)).toBe('missing');
    expect(commentStatus({ comments: [comment(2025, '2025-12-01')] }, 2026)).toBe('missing');
    expect(commentStatus({ comments: [comment(2026)] }, 2026)).toBe('written');
    expect(commentStatus({ comments: [comment(2025), comment(2026, '2026-12-02')] }, 2026)).toBe('delivered');
  });
});

describe('cells and members', () => {
  it('keeps only the ward’s cells, in Vietnamese order with numbers as numbers', () => {
    const cells = residentialCells([
      { kind: 'CELL', name: 'Chi bộ Tổ dân phố số 10' },
      { kind: 'PARTY_GROUP', name: 'Tổ đảng' },
      { kind: 'CELL', name: 'Chi bộ Tổ dân phố số 2' },
    ]);
    expect(cells.map((cell) => cell.name)).toEqual(['Chi bộ Tổ dân phố số 2', 'Chi bộ Tổ dân phố số 10']);
  });

  it('lists those without a cell by given name', () => {
    const waiting = awaitingCell([
      { memberName: 'Trần Văn Bình', residenceCell: null },
      { memberName: 'Lê Thị An', residenceCell: { id: 'c1' } },
      { memberName: 'Nguyễn Thị Anh', residenceCell: null },
    ]);
    expect(waiting.map((member) => member.memberName)).toEqual(['Nguyễn Thị Anh', 'Trần Văn Bình']);
  });

  it('counts per cell where the year’s comments stand, those awaiting a cell first, empty cells kept', () => {
    const rows = summarizeByCell(
      [
        { residenceCell: { id: 'c1' }, comments: [comment(2026)] },
        { residenceCell: { id: 'c1' }, comments: [comment(2026, '2026-12-01')] },
        { residenceCell: { id: 'c1' }, comments: [] },
        { residenceCell: null, comments: [] },
      ],
      ['c1', 'c2'],
      2026,
    );
    expect(rows).toEqual([
      { cellId: null, members: 1, written: 0, delivered: 0, missing: 1 },
      { cellId: 'c1', members: 3, written: 1, delivered: 1, missing: 1 },
      { cellId: 'c2', members: 0, written: 0, delivered: 0, missing: 0 },
    ]);
  });
});

describe('meetings', () => {
  const meetings = [{ halfYear: '2026-H1', heldOn: '2026-06-10' }];
  it('finds the meeting already held in the half-year of a day', () => {
    expect(meetingOfHalfYear(meetings, '2026-03-01')?.heldOn).toBe('2026-06-10');
    expect(meetingOfHalfYear(meetings, '2026-07-01')).toBeUndefined();
  });
  it('tells present, absent, or not yet linked', () => {
    const member = { attendance: [{ heldOn: '2026-06-10', halfYear: '2026-H1', present: false }] };
    expect(attendedIn(member, '2026-H1')).toBe(false);
    expect(attendedIn(member, '2025-H2')).toBeUndefined();
  });
});

describe('the forms refuse what the server refuses', () => {
  it('a meeting in the future', async () => {
    const { meetingSchema } = await import('./schemas.ts');
    expect(meetingSchema('2026-05-01').safeParse({ heldOn: '2026-05-02', presentMemberIds: [], note: '' }).error?.issues[0]?.message).toBe('Ngày họp chưa đến.');
    expect(meetingSchema('2026-05-01').safeParse({ heldOn: '2026-05-01', presentMemberIds: ['m1'], note: ' ' }).success).toBe(true);
  });
  it('a delivery before the comment was written', async () => {
    const { deliverSchema } = await import('./schemas.ts');
    expect(deliverSchema('2026-11-20', '2026-12-01').safeParse({ deliveredOn: '2026-11-19' }).error?.issues[0]?.message).toBe('Ngày chuyển phải từ ngày 20/11/2026 (ngày chi bộ nhận xét).');
    expect(deliverSchema('2026-11-20', '2026-12-01').safeParse({ deliveredOn: '2026-11-20' }).success).toBe(true);
  });
  it('a move before the member was introduced here', async () => {
    const { movedSchema } = await import('./schemas.ts');
    const schema = movedSchema((id) => (id === 'm1' ? '2026-03-01' : undefined), '2026-05-01');
    expect(schema.safeParse({ memberId: 'm1', occurredOn: '2026-02-28', note: '' }).error?.issues[0]?.path).toEqual(['occurredOn']);
    expect(schema.safeParse({ memberId: '', occurredOn: '2026-04-01', note: '' }).error?.issues[0]?.message).toBe('Chọn đảng viên.');
  });
});
