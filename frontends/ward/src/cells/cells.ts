import { compareVietnameseNames } from '@dangvien/ui';
import type { CellRoster, RosterMember, WardTree, WardTreeAlerts, WardTreeCell } from './queries.ts';


export { todayInVietnam } from '@dangvien/ui';

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** One row of the cells table: a cell of the committee as the tree stood on the day asked for. */
export interface CellRow {
  id: string;
  code: string;
  name: string;
  kind: WardTreeCell['kind'];
  memberCount: number;
  /** Its party groups (tổ đảng) on that day. */
  subUnits: { id: string; name: string; memberCount: number }[];
  /** YYYY-MM-DD of the last meeting held on or before the day (this year or last); null when none. */
  lastMeeting: string | null;
  /** Present / attendance records in the day's year up to the day; null without records. */
  attendanceRate: number | null;
  /** Open alerts about the cell or its members today. */
  openAlerts: number;
}

/** The committee's cells with their figures; the alerts are today's (the API has no past alerts). */
export function cellRows(tree: WardTree, alerts: WardTreeAlerts): CellRow[] {
  const asOf = tree.asOf;
  return tree.children.map((cell) => {
    const units = new Set([cell.id, ...cell.children.map((child) => child.id)]);
    const held = [...tree.thisYear, ...tree.lastYear].filter((meeting) => units.has(meeting.cell.id) && meeting.heldOn <= asOf);
    const lastMeeting = held.reduce<string | null>((last, meeting) => (last === null || meeting.heldOn > last ? meeting.heldOn : last), null);
    let records = 0;
    let present = 0;
    for (const meeting of tree.thisYear) {
      if (!units.has(meeting.cell.id) || meeting.heldOn > asOf) continue;
      records += meeting.attendance.length;
      present += meeting.attendance.filter((record) => record.status === 'PRESENT').length;
    }
    const openAlerts =
      alerts.evaluationAlerts.filter((alert) => units.has(alert.unit.id)).length + alerts.memberAlerts.alerts.filter((alert) => alert.cell && units.has(alert.cell.id)).length;
    return {
      id: cell.id,
      code: cell.code,
      name: cell.name,
      kind: cell.kind,
      memberCount: cell.memberCount,
      subUnits: cell.children.map((child) => ({ id: child.id, name: child.name, memberCount: child.memberCount })),
      lastMeeting,
      attendanceRate: records === 0 ? null : present / records,
      openAlerts,
    };
  });
}

/** "0.875" → "87,5%" (one decimal at most, Vietnamese comma). */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(rate * 100)}%`;
}

/** Who would move: a member of a cell that ends, and where to. */
export interface Move {
  member: { id: string; fullName: string };
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
}

/**
 * Who a restructuring moves, as the server does it: every member of the cell who has not left or
 * died (party members and candidates), placed there today.
 */
export function activeMembersOf(cell: CellRoster | undefined): RosterMember[] {
  if (!cell) return [];
  const seen = new Set<string>();
  const all = [...(cell.members ?? []), ...(cell.candidates ?? [])].filter((member) => (seen.has(member.id) ? false : (seen.add(member.id), true)));
  return all.sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
}

/**
 * Giải thể / sáp nhập: every active member of the ending cells goes to one cell, except those named
 * in `destinations` (memberId → cell; a dissolution sends each to the cell where they live).
 */
export function endMoves(
  rosters: readonly CellRoster[],
  endingIds: readonly string[],
  target: { id: string; name: string },
  destinations: Readonly<Record<string, { id: string; name: string }>> = {},
): Move[] {
  return endingIds.flatMap((id) => {
    const cell = rosters.find((roster) => roster.id === id);
    return activeMembersOf(cell).map((member) => {
      const to = destinations[member.id] ?? target;
      return { member: { id: member.id, fullName: member.fullName }, fromId: id, fromName: cell?.name ?? '', toId: to.id, toName: to.name };
    });
  });
}

/**
 * What a dissolution sends as `destinations`: the members named for a cell other than the successor,
 * one entry per cell in the order first chosen ('' or the successor itself = the successor).
 */
export function destinationsByCell(rows: readonly { memberId: string; unitId: string }[], successorId: string): { unitId: string; memberIds: string[] }[] {
  const byCell = new Map<string, string[]>();
  for (const row of rows) {
    if (row.unitId === '' || row.unitId === successorId) continue;
    byCell.set(row.unitId, [...(byCell.get(row.unitId) ?? []), row.memberId]);
  }
  return [...byCell].map(([unitId, memberIds]) => ({ unitId, memberIds }));
}

/**
 * Chia tách: members named for a part go there, the others to the part that receives the rest.
 * Parts are known by their index until the server creates them.
 */
export function splitMoves(
  cell: CellRoster | undefined,
  parts: readonly { name: string }[],
  assignment: Readonly<Record<string, string>>,
  remainingPart: number,
): Move[] {
  if (!cell) return [];
  return activeMembersOf(cell).map((member) => {
    const chosen = assignment[member.id];
    const index = chosen === undefined || chosen === '' ? remainingPart : Number(chosen);
    return {
      member: { id: member.id, fullName: member.fullName },
      fromId: cell.id,
      fromName: cell.name,
      toId: String(index),
      toName: parts[index]?.name ?? '',
    };
  });
}

/** Where each moved member is now, read back after the operation: the cell's name, or null if in none of the committee's cells. */
export function placedNow(moves: readonly Move[], rosters: readonly CellRoster[]): { member: Move['member']; expected: string; now: { id: string; name: string } | null }[] {
  const where = new Map<string, { id: string; name: string }>();
  for (const roster of rosters) for (const member of activeMembersOf(roster)) where.set(member.id, { id: roster.id, name: roster.name });
  return moves.map((move) => ({ member: move.member, expected: move.toName, now: where.get(move.member.id) ?? null }));
}

/** Moves grouped by the cell they go to, in the order the targets first appear. */
export function movesByTarget(moves: readonly Move[]): { toName: string; moves: Move[] }[] {
  const groups = new Map<string, Move[]>();
  for (const move of moves) groups.set(move.toName, [...(groups.get(move.toName) ?? []), move]);
  return [...groups].map(([toName, list]) => ({ toName, moves: list }));
}
