import type { OperationName } from './operations.ts';

type Row = Record<string, unknown>;
const ids = (items: { id?: unknown }[] | null | undefined): string[] => (items ?? []).map((item) => String(item.id));
const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Compares what decides an answer (ids, in order, and counts) between the gateway's JSON and the
 * single statement's row, so the limit is known to answer the same question.
 */
export function compareAnswers(name: OperationName, gatewayBody: string, rows: Row[]): { same: boolean; detail: string } {
  const data = (JSON.parse(gatewayBody) as { data?: Record<string, unknown> }).data ?? {};
  switch (name) {
    case 'roster': {
      const unit = data.orgUnit as { members: { id: string }[]; meetings: unknown[] } | null;
      const row = rows[0] as { members: { id: string }[] | null; meetings: unknown[] | null } | undefined;
      const gateway = ids(unit?.members).sort();
      const limit = ids(row?.members).sort();
      const meetings = [unit?.meetings.length ?? 0, row?.meetings?.length ?? 0];
      return { same: sameList(gateway, limit) && meetings[0] === meetings[1], detail: `${gateway.length}/${limit.length} members, ${meetings[0]}/${meetings[1]} meetings` };
    }
    case 'search': {
      const page = data.searchMembers as { nodes: { id: string }[] } | undefined;
      const gateway = ids(page?.nodes);
      const limit = rows.slice(0, gateway.length).map((row) => String(row.id));
      return { same: sameList(gateway, limit), detail: `${gateway.length} members in the same order: ${sameList(gateway, limit)}` };
    }
    case 'memberPage': {
      const member = data.member as { reviews: unknown[]; events: unknown[] } | null;
      const row = rows[0] as { reviews: unknown[] | null; events: unknown[] | null } | undefined;
      const counts = [member?.reviews.length ?? 0, row?.reviews?.length ?? 0, member?.events.length ?? 0, row?.events?.length ?? 0];
      return { same: counts[0] === counts[1] && counts[2] === counts[3], detail: `${counts[0]}/${counts[1]} reviews, ${counts[2]}/${counts[3]} events` };
    }
    case 'analytics': {
      const cells = (data.orgUnit as { descendants: { id: string; memberCount: number }[] } | null)?.descendants ?? [];
      const grades = data.gradeDistribution as { total: number } | null;
      const attendance = data.attendanceRate as { records: number } | null;
      const row = rows[0] as { cells: { id: string; memberCount: number }[] | null; grades: { total: number }; attendance: { records: number } } | undefined;
      const members = [cells.reduce((sum, cell) => sum + cell.memberCount, 0), (row?.cells ?? []).reduce((sum, cell) => sum + Number(cell.memberCount), 0)];
      // Attendance is not compared: this run records meetings on the subgraphs after the copy was made.
      const same = cells.length === (row?.cells?.length ?? 0) && members[0] === members[1] && grades?.total === Number(row?.grades.total);
      return {
        same,
        detail: `${cells.length}/${row?.cells?.length ?? 0} cells, ${members[0]}/${members[1]} members, ${grades?.total}/${row?.grades.total} grades; attendance records ${attendance?.records}/${row?.attendance.records}, not compared (this run's meetings)`,
      };
    }
    case 'aggregates': {
      const counts = data.subtreeMemberCounts as { members: number } | null;
      const grades = data.gradeDistribution as { total: number } | null;
      const row = rows[0] as { members: { count: number }[] | null; grades: { total: number } } | undefined;
      const members = [counts?.members ?? 0, (row?.members ?? []).reduce((sum, entry) => sum + Number(entry.count), 0)];
      return {
        same: members[0] === members[1] && grades?.total === Number(row?.grades.total),
        detail: `${members[0]}/${members[1]} members, ${grades?.total}/${row?.grades.total} grades; attendance not compared (this run's meetings)`,
      };
    }
    default:
      return { same: true, detail: 'a write' };
  }
}
