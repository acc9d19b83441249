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
    case 'dashboard': {
      type Figures = {
        memberStatistics: { members: number; admitted: number; expelled: number; namesRemoved: number; byStatus: { value: string; count: number }[]; byChildUnit: { unit: { id: string }; members: number }[] };
        gradeDistribution: { total: number } | null;
        attendanceRate: { meetings: number } | null;
        duesSummary: { paid: number };
      };
      const figures = data as unknown as Figures;
      if (!figures.memberStatistics) return { same: false, detail: 'the gateway gave no figures (an error or a timeout)' };
      const row = rows[0] as
        | { members: string; by_status: Record<string, number> | null; by_child: Record<string, number> | null; period: Record<string, number>; grades: { total: number }; attendance: { meetings: number }; dues_paid: string }
        | undefined;
      const s = figures.memberStatistics;
      const statuses = Object.fromEntries(s.byStatus.map((entry) => [entry.value, entry.count]));
      const children = Object.fromEntries(s.byChildUnit.filter((child) => child.members > 0).map((child) => [child.unit.id, child.members]));
      const sameRecord = (a: Record<string, number>, b: Record<string, number>) => Object.keys({ ...a, ...b }).every((key) => Number(a[key] ?? 0) === Number(b[key] ?? 0));
      const events = (['admitted', 'expelled', 'namesRemoved'] as const).map((key) => [s[key], Number(row?.period[key] ?? Number.NaN)]);
      const same =
        s.members === Number(row?.members) &&
        sameRecord(statuses, row?.by_status ?? {}) &&
        sameRecord(children, row?.by_child ?? {}) &&
        events.every(([a, b]) => a === b) &&
        figures.gradeDistribution?.total === Number(row?.grades.total);
      return {
        same,
        detail:
          `${s.members}/${row?.members} members, ${Object.keys(children).length}/${Object.keys(row?.by_child ?? {}).length} units below with theirs, ` +
          `events ${events.map(([a, b]) => `${a}/${b}`).join(' ')}, ${figures.gradeDistribution?.total}/${row?.grades.total} grades; ` +
          `meetings ${figures.attendanceRate?.meetings}/${row?.attendance.meetings} and dues paid ${figures.duesSummary.paid}/${row?.dues_paid}, not compared (this run's meetings; the limit skips the ledger)`,
      };
    }
    default:
      return { same: true, detail: 'a write' };
  }
}
