import { describe, expect, it } from 'vitest';
import { defaultMarks, meetingInput, rosterOf, tally, type MeetingForm } from './attendance.ts';

const form = (change: Partial<MeetingForm> = {}): MeetingForm => ({
  heldOn: '2026-03-03',
  kind: 'REGULAR',
  agenda: ' Sinh hoạt chi bộ thường kỳ ',
  resolution: '',
  marks: defaultMarks(['a', 'b', 'c']),
  ...change,
});

describe('attendance form', () => {
  it('lists only members taking part in party life', () => {
    const members = [
      { id: 'a', status: 'OFFICIAL' as const },
      { id: 'b', status: 'EXEMPT' as const },
      { id: 'c', status: 'PROBATIONARY' as const },
      { id: 'd', status: 'LEFT' as const },
    ];
    expect(rosterOf(members).map((member) => member.id)).toEqual(['a', 'c']);
  });

  it('sends everyone present by default, trimmed, without an empty resolution', () => {
    expect(meetingInput('cell', form())).toEqual({
      input: {
        cellId: 'cell',
        heldOn: '2026-03-03',
        kind: 'REGULAR',
        agenda: 'Sinh hoạt chi bộ thường kỳ',
        attendance: ['a', 'b', 'c'].map((memberId) => ({ memberId, status: 'PRESENT' })),
      },
    });
  });

  it('asks for the reason of an excused absence, naming the member, and sends it when given', () => {
    const marks = { ...defaultMarks(['a', 'b']), b: { status: 'EXCUSED' as const, reason: '  ' } };
    expect(meetingInput('cell', form({ marks }))).toEqual({ problem: { key: 'needReason', memberId: 'b' } });
    const withReason = meetingInput('cell', form({ marks: { ...marks, b: { status: 'EXCUSED', reason: 'Ốm ' } } }));
    expect('input' in withReason && withReason.input.attendance[1]).toEqual({ memberId: 'b', status: 'EXCUSED', reason: 'Ốm' });
  });

  it('asks for a date and an agenda first', () => {
    expect(meetingInput('cell', form({ heldOn: '' }))).toEqual({ problem: { key: 'needDate' } });
    expect(meetingInput('cell', form({ agenda: ' ' }))).toEqual({ problem: { key: 'needAgenda' } });
  });

  it('counts present, excused and absent', () => {
    expect(tally({ ...defaultMarks(['a', 'b', 'c']), b: { status: 'ABSENT', reason: '' } })).toEqual({ PRESENT: 2, EXCUSED: 0, ABSENT: 1 });
  });
});
