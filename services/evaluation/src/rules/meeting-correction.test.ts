import { describe, expect, it } from 'vitest';
import { lastCorrectionDay, MEETING_CORRECTION_RULES, meetingCorrectionRuleOn, type MeetingCorrectionRule } from './meeting-correction.ts';

const later: MeetingCorrectionRule = { validFrom: '2027-07-01', source: 'a later rule', correctionDays: 15, lockedByClosedCycle: true };

describe('meeting correction rules', () => {
  it('takes the rule in force on the day of the correction', () => {
    expect(meetingCorrectionRuleOn('2026-12-03')).toBeUndefined();
    expect(meetingCorrectionRuleOn('2026-12-04')).toMatchObject({ correctionDays: 30, lockedByClosedCycle: true });
    const rules = [...MEETING_CORRECTION_RULES, later];
    expect(meetingCorrectionRuleOn('2027-06-30', rules)?.correctionDays).toBe(30);
    expect(meetingCorrectionRuleOn('2027-07-01', rules)?.correctionDays).toBe(15);
  });

  it('counts the window in calendar days after the meeting, across months and years', () => {
    const rule = meetingCorrectionRuleOn('2026-12-04')!;
    expect(lastCorrectionDay('2026-11-01', rule)).toBe('2026-12-01');
    expect(lastCorrectionDay('2026-12-15', rule)).toBe('2027-01-14');
    expect(lastCorrectionDay('2028-02-01', rule)).toBe('2028-03-02');
  });
});
