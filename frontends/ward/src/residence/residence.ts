import { compareVietnameseNames, compareVietnameseText } from '@dangvien/ui';
import type { ResidentLink, ResidenceMeetingRow, WardChildUnit } from './queries.ts';

export { todayInVietnam } from '@dangvien/ui';

/** The half-year a day falls in, as the server names it: YYYY-H1 (January–June) or YYYY-H2. */
export function halfYearOf(day: string): string {
  return `${day.slice(0, 4)}-H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
}

export type CommentStatus = 'missing' | 'written' | 'delivered';

/** Where the year's comment on a member stands: not written yet, written by the cell, or sent to the workplace. */
export function commentStatus(member: Pick<ResidentLink, 'comments'>, year: number): CommentStatus {
  const comment = member.comments.find((item) => item.year === year);
  if (!comment) return 'missing';
  return comment.deliveredOn ? 'delivered' : 'written';
}

/** The ward's residential cells (its CELL children), Vietnamese order. */
export function residentialCells<U extends Pick<WardChildUnit, 'kind' | 'name'>>(children: readonly U[]): U[] {
  return children.filter((unit) => unit.kind === 'CELL').sort((a, b) => compareVietnameseText(a.name, b.name));
}

/** Members introduced to the ward that still wait for a cell, by given name. */
export function awaitingCell<M extends Pick<ResidentLink, 'residenceCell' | 'memberName'>>(members: readonly M[]): M[] {
  return members.filter((member) => !member.residenceCell).sort((a, b) => compareVietnameseNames(a.memberName, b.memberName));
}

export interface CellSummary {
  /** null: introduced to the ward, not yet in a cell. */
  cellId: string | null;
  members: number;
  written: number;
  delivered: number;
  missing: number;
}

/** Per residential cell (and one line for those awaiting a cell, when any): how many live there and where the year's comments stand. */
export function summarizeByCell(members: readonly Pick<ResidentLink, 'residenceCell' | 'comments'>[], cellIds: readonly string[], year: number): CellSummary[] {
  const rows = new Map<string | null, CellSummary>(cellIds.map((cellId) => [cellId, { cellId, members: 0, written: 0, delivered: 0, missing: 0 }]));
  for (const member of members) {
    const cellId = member.residenceCell?.id ?? null;
    let row = rows.get(cellId);
    if (!row) {
      row = { cellId, members: 0, written: 0, delivered: 0, missing: 0 };
      rows.set(cellId, row);
    }
    row.members += 1;
    row[commentStatus(member, year)] += 1;
  }
  // The line of those awaiting a cell comes first: it is the clerk's work to do.
  return [...rows.values()].sort((a, b) => (a.cellId === null ? -1 : b.cellId === null ? 1 : 0));
}

/** The meeting already recorded for the half-year of `day`, if any (the server takes one per half-year). */
export function meetingOfHalfYear(meetings: readonly Pick<ResidenceMeetingRow, 'halfYear' | 'heldOn'>[], day: string): Pick<ResidenceMeetingRow, 'halfYear' | 'heldOn'> | undefined {
  const half = halfYearOf(day);
  return meetings.find((meeting) => meeting.halfYear === half);
}

/** Whether a member was at the ward's meeting of a half-year: true, false, or undefined when not yet linked then. */
export function attendedIn(member: Pick<ResidentLink, 'attendance'>, halfYear: string): boolean | undefined {
  return member.attendance.find((item) => item.halfYear === halfYear)?.present;
}
