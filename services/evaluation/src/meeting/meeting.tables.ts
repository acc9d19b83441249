import type { Selectable } from 'kysely';
import type { Attendance, Meeting } from '../generated/tables.ts';

export type MeetingRow = Selectable<Meeting>;
export type AttendanceRow = Selectable<Attendance>;
