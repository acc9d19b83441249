/** The operations clients send, as the front ends would write them (docs/benchmarks.md lists them). */

export const ROSTER = `query BenchCellRoster($id: ID!, $year: Int!) {
  orgUnit(id: $id) {
    id name
    members(first: 500) { id fullName status latestReview { year grade } }
    meetings(year: $year) { heldOn kind attendance { member { id } status } }
  }
}`;

export const SEARCH = `query BenchMemberSearch($name: String!) {
  searchMembers(name: $name, first: 20) { nodes { id fullName status cell { id name } } hasNextPage }
}`;

export const MEMBER_PAGE = `query BenchMemberPage($id: ID!) {
  member(id: $id) {
    id fullName status sex dateOfBirth hometown residence partyCardNumber admittedOn partyAge
    cell { id name path }
    events { kind occurredOn decisionNumber }
    reviews { year grade }
  }
}`;

export const RECORD_ATTENDANCE = `mutation BenchRecordMeeting($input: RecordMeetingInput!) {
  recordMeeting(input: $input) { id heldOn attendance { status } }
}`;

export const ANALYTICS = `query BenchAnalytics($id: ID!, $gradeYear: Int!, $attendanceYear: Int!) {
  orgUnit(id: $id) { id descendants(kind: CELL) { id name memberCount } }
  gradeDistribution(unitId: $id, year: $gradeYear) { excellent good completed notCompleted total }
  attendanceRate(unitId: $id, year: $attendanceYear) { meetings records present excused absent rate }
}`;

/**
 * The analyst's and the dashboard's questions as aggregate fields, each one statement in its subgraph
 * (issue 18): members by status, grades and attendance (the year and by month) of the whole subtree.
 */
export const AGGREGATES = `query BenchAggregates($id: ID!, $gradeYear: Int!, $attendanceYear: Int!) {
  subtreeMemberCounts(unitId: $id) { members byStatus { value count } }
  gradeDistribution(unitId: $id, year: $gradeYear) { excellent good completed notCompleted total }
  attendanceRate(unitId: $id, year: $attendanceYear) { meetings records present excused absent rate }
  attendanceByMonth(unitId: $id, year: $attendanceYear) { month meetings records present excused absent rate }
}`;


/**
 * The district module's dashboard for a unit and a period: what its page asks for (DashboardFigures
 * and DashboardDues of frontends/district/src/dashboard/queries.ts), in one request.
 */
export const DASHBOARD = `query BenchDashboard($unitId: ID!, $from: String!, $to: String!, $year: Int!, $fromMonth: String!, $toMonth: String!) {
  memberStatistics(unitId: $unitId, asOf: $to, from: $from, to: $to) {
    asOf from to members
    byStatus { value count } bySex { value count } byAgeBand { value count } byPoliticalTheoryLevel { value count } unitsByKind { value count }
    admitted madeOfficial transferredIn transferredOut expelled namesRemoved left died
    byChildUnit { unit { id name kind } members official probationary admitted transferredIn transferredOut expelled namesRemoved }
  }
  attendanceRate(unitId: $unitId, year: $year, from: $from, to: $to) { meetings records present excused absent rate }
  attendanceRateByChildUnit(unitId: $unitId, year: $year, from: $from, to: $to) { unitId rate }
  gradeDistribution(unitId: $unitId, year: $year) { excellent good completed notCompleted total }
  gradeDistributionByChildUnit(unitId: $unitId, year: $year) { unitId excellent total }
  taskSummary(unitId: $unitId, year: $year) { total done overdue unattended }
  duesSummary(unitId: $unitId, fromMonth: $fromMonth, toMonth: $toMonth) { due paid owed membersInArrears byChildUnit { unit { id } due paid owed membersInArrears } }
}`;

export type ClerkOperationName = 'roster' | 'search' | 'memberPage' | 'recordAttendance';
/** Reads of a whole subtree (district or province): few, heavy, measured apart from the clerk mix. */
export type AnalyticsOperationName = 'analytics' | 'aggregates' | 'dashboard';
export type OperationName = ClerkOperationName | AnalyticsOperationName;
export const ANALYTICS_OPERATIONS: readonly AnalyticsOperationName[] = ['analytics', 'aggregates', 'dashboard'];

/** One request of the workload: what the client sends. */
export interface OperationCall {
  name: OperationName;
  query: string;
  variables: Record<string, unknown>;
}

/** Share of each operation in the clerk mix (reads dominate; one write in twenty). */
export const CLERK_MIX: Record<ClerkOperationName, number> = { roster: 0.35, search: 0.3, memberPage: 0.3, recordAttendance: 0.05 };
