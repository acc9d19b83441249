/**
 * When a cell may correct the minutes of a meeting it recorded (updateMeeting): dated configuration,
 * like the grading rule sets: each rule holds from its date until the next one, and a correction is
 * judged by the rule in force on the day it is made (in Vietnam).
 *
 * 2026-12-04 (the system's own rule; no Party regulation fixes a period): minutes may be corrected
 * for 30 days after the meeting, so that a wrong attendance is put right while people remember it,
 * and never once the members review cycle covering the meeting at the cell's grassroots organization
 * is closed: attendance is a ground for the year's grades and for xóa tên, and a closed cycle's
 * grades are final.
 */
export interface MeetingCorrectionRule {
  /** YYYY-MM-DD: in force from this day until the next rule's. */
  validFrom: string;
  /** Where the rule comes from, as a clerk would cite it. */
  source: string;
  /** Corrections are allowed until this many days after the meeting day (inclusive). */
  correctionDays: number;
  /** No correction once the members review cycle covering the meeting is closed. */
  lockedByClosedCycle: boolean;
}

export const MEETING_CORRECTION_RULES: readonly MeetingCorrectionRule[] = [
  { validFrom: '2026-12-04', source: 'quy định sửa biên bản sinh hoạt chi bộ của hệ thống (từ 04/12/2026)', correctionDays: 30, lockedByClosedCycle: true },
];

/** The rule in force on `day` (YYYY-MM-DD), if any. */
export function meetingCorrectionRuleOn(day: string, rules: readonly MeetingCorrectionRule[] = MEETING_CORRECTION_RULES): MeetingCorrectionRule | undefined {
  return [...rules].sort((a, b) => b.validFrom.localeCompare(a.validFrom)).find((rule) => rule.validFrom <= day);
}

/** The last day (YYYY-MM-DD) a meeting held on `heldOn` may be corrected under `rule`. */
export function lastCorrectionDay(heldOn: string, rule: MeetingCorrectionRule): string {
  const [year, month, day] = heldOn.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + rule.correctionDays)).toISOString().slice(0, 10);
}
